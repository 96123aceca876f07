import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, normalizeSettings, SettingsStore, toEngineSettings } from '../../server/src/lsp/settings';

describe('lsp/settings', () => {
  it('defaults when the client has no amlint section', () => {
    assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(normalizeSettings(null), DEFAULT_SETTINGS);
  });

  it('reads every field, normalising codes and severity spellings', () => {
    const problems: string[] = [];
    const settings = normalizeSettings(
      { enable: false, severity: { aml101: 'Error', AML002: 'warn' }, notebookSeverity: { AML103: 'none' }, trace: { server: 'verbose' } },
      problems,
    );
    assert.deepEqual(settings, {
      enable: false,
      severity: { AML101: 'error', AML002: 'warning' },
      notebookSeverity: { AML103: 'off' },
      trace: { server: 'verbose' },
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(toEngineSettings(settings), { severity: settings.severity, notebookSeverity: settings.notebookSeverity });
  });

  it('accepts a flat "trace.server" key', () => {
    assert.equal(normalizeSettings({ 'trace.server': 'messages' }).trace.server, 'messages');
  });

  it('drops wrong values, says which, and keeps the rest', () => {
    const problems: string[] = [];
    const settings = normalizeSettings({ enable: 'yes', severity: { AML101: 'loud', AML100: 'hint' }, notebookSeverity: [1], trace: { server: 1 } }, problems);
    assert.deepEqual(settings, { enable: true, severity: { AML100: 'hint' }, notebookSeverity: {}, trace: { server: 'off' } });
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.deepEqual(normalizeSettings('nonsense', []), DEFAULT_SETTINGS);
  });

  it('fetches once per scope until invalidated, and survives a failing fetch', async () => {
    let calls = 0;
    const warnings: string[] = [];
    const store = new SettingsStore(async (scope) => {
      calls++;
      if (scope === 'bad') throw new Error('boom');
      return { severity: { AML101: 'hint' } };
    }, (m) => warnings.push(m));
    assert.equal((await store.get('a')).severity.AML101, 'hint');
    await store.get('a');
    assert.equal(calls, 1);
    store.invalidate();
    await store.get('a');
    assert.equal(calls, 2);
    assert.deepEqual(await store.get('bad'), DEFAULT_SETTINGS);
    assert.match(warnings.join('\n'), /boom/);
  });
});
