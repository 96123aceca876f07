import * as assert from 'node:assert/strict';
import { fixDocument, lint } from '../../server/src/engine';

describe('rewrites: many producers in one module', () => {
  it('a thousand helpers each making an Experiment: every finding, no stack overflow (review of session 15)', () => {
    // Each producer's fix asks for every rewrite of the module (import-fixes.ts allRewrites), which builds the
    // producers' fixes in turn: the nesting once grew with the number of producers and overflowed at ~1,000.
    const parts = ['from azureml.core import Workspace, Experiment, Run\n'];
    for (let i = 0; i < 1000; i++) parts.push(`def g${i}(w):\n    e = Experiment(w, 'e${i}')\n    return e\n\nr${i} = g${i}(1).get_runs()\n`);
    const text = parts.join('');
    const findings = lint({ kind: 'python', text, path: 'many.py' }).findings;
    assert.ok(!findings.some((f) => /internal error/.test(f.message)), findings.find((f) => /internal error/.test(f.message))?.message);
    const count = (code: string, api: string) => findings.filter((f) => f.code === code && f.message.includes(api)).length;
    assert.equal(count('AML100', 'azureml.core'), 1);
    assert.equal(count('AML102', '`Experiment()`'), 1000);
    assert.equal(count('AML102', '`Experiment.get_runs()`'), 1000);
    const fixed = fixDocument({ kind: 'python', text, path: 'many.py' }, undefined, { unsafe: true });
    assert.equal(typeof (fixed.output as { text: string }).text, 'string');
  });
});
