import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { RULES } from '../../server/src/rules/registry';
import type { Rule } from '../../server/src/rules/rule';

describe('engine: a rule that throws', () => {
  it('loses its own findings, not the other rules\', and the result says so', () => {
    const src = 'from azureml.core import Workspace\nws = Workspace.from_config()\n';
    const clean = lint({ kind: 'python', text: src });
    const broken: Rule = {
      meta: { ...RULES[0]!.meta, code: 'AML999' },
      check(ctx) {
        ctx.report({ node: ctx.model.tree.rootNode, message: 'half-way' });
        throw new Error('boom');
      },
    };
    (RULES as Rule[]).push(broken);
    try {
      const r = lint({ kind: 'python', text: src });
      assert.deepEqual(r.findings, clean.findings, 'every other finding, none of the broken rule');
      assert.match(r.fatal ?? '', /internal error in rule AML999: boom/);
    } finally {
      (RULES as Rule[]).splice(RULES.indexOf(broken), 1);
    }
  });
});
