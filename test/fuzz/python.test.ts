/**
 * Property tests of the engine on Python files (issue 8): for any text, any bytes and mutated
 * real SDK v1 code, `lint` never throws, every range lies inside the document, module ranges
 * round-trip, and every offered fix applies and leaves text that re-analyses (and still parses
 * when the input did), with fix-all reaching a fixed point.
 */
import * as fc from 'fast-check';
import { applyFixes, lint, type DocumentInput, type EngineSettings, type SeveritySetting } from '../../server/src/engine';
import { loadDocument } from '../../server/src/cli/read';
import { anyText, assertFindingsInside, checkFixes, checkLint, checkMapping, deepCode, lenientBytes, mutatedPython, params, parsesCleanly, timeoutFor, tokenSoup, V1_SNIPPETS } from './props';

const py = (text: string): DocumentInput => ({ kind: 'python', text, path: 'fuzz.py' });

describe('fuzz: Python files', function () {
  this.timeout(timeoutFor(120_000));

  it('the corpus itself parses cleanly, has findings, and its fixes hold', () => {
    for (const s of V1_SNIPPETS) {
      for (const eol of ['\n', '\r\n', '\r']) {
        const text = s.replace(/\n/g, eol);
        if (eol === '\n' && !parsesCleanly(text)) throw new Error(`corpus snippet does not parse: ${s}`);
        const findings = checkLint(py(text));
        if (!findings.length) throw new Error(`corpus snippet has no finding: ${s}`);
        checkMapping(py(text));
        checkFixes(py(text), findings);
      }
    }
  });

  it('lint never throws and keeps ranges inside, for any text', () => {
    fc.assert(fc.property(anyText, (text) => void checkLint(py(text))), params(300));
  });

  it('lint never throws and keeps ranges inside, for Python-like token soup', () => {
    fc.assert(fc.property(tokenSoup, (text) => {
      checkLint(py(text));
      checkMapping(py(text));
    }), params(300));
  });

  it('deep nesting: lint never throws; a document too deep to analyse says so (fatal)', () => {
    fc.assert(
      fc.property(deepCode, (text) => {
        const r = lint(py(text));
        assertFindingsInside(py(text), r.findings);
        if (r.fatal !== undefined && !/nested too deeply/.test(r.fatal)) throw new Error(`unexpected fatal: ${r.fatal}`);
        if (r.fatal !== undefined && r.findings.some((f) => f.code !== 'unused-directive')) throw new Error('findings reported from a module that was not analysed');
      }),
      params(40),
    );
  });

  it('lint never throws and keeps ranges inside, for arbitrary bytes decoded leniently', () => {
    fc.assert(fc.property(lenientBytes, (text) => void checkLint(py(text))), params(200));
  });

  it('the CLI reader never throws on arbitrary bytes, and what it decodes lints', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('x.py', 'x.ipynb', 'requirements.txt', 'environment.yml', 'run.sh'), (bytes, name) => {
        const loaded = loadDocument(bytes, name);
        if (loaded.ok) checkLint(loaded.input);
        else if (!loaded.message || /\n\s+at /.test(loaded.message)) throw new Error(`unclear reason: ${loaded.message}`);
      }),
      params(300),
    );
  });

  it('mutated v1 code: ranges inside, mapping round-trips, fixes apply and re-analyse', () => {
    fc.assert(
      fc.property(mutatedPython, (text) => {
        const findings = checkLint(py(text));
        checkMapping(py(text));
        checkFixes(py(text), findings);
      }),
      params(250),
    );
  });

  it('with settings (select/ignore/severity, unused-directive reports): ranges inside, fixes apply', () => {
    fc.assert(
      fc.property(
        fc.oneof(mutatedPython, tokenSoup),
        fc.record({
          select: fc.array(fc.constantFrom('AML0', 'AML1', 'AML101', 'AML2', 'AML9', ' aml1 ', ''), { maxLength: 2 }),
          ignore: fc.array(fc.constantFrom('AML100', 'AML3', ''), { maxLength: 2 }),
          severity: fc.dictionary(fc.constantFrom('AML100', 'AML101', 'AML103'), fc.constantFrom<SeveritySetting>('error', 'warning', 'info', 'hint', 'off')),
          // Read by the engine's suppression handling (directives that suppress nothing).
          reportUnusedDirectives: fc.constantFrom<SeveritySetting>('off', 'warning', 'error'),
        }),
        (text, settings: EngineSettings) => {
          const input = py(text);
          // With chain suggestions (engine chains.ts): they apply as cleanly as the fixes they compose.
          const { findings } = lint(input, settings, undefined, { chains: true });
          assertFindingsInside(input, findings);
          for (const f of findings) {
            if (settings.severity?.[f.code] === 'off') throw new Error(`${f.code} reported although off`);
            for (const fix of f.fixes ?? []) assertFindingsInside(applyFixes(input, [fix]).output, lint(applyFixes(input, [fix]).output, settings).findings);
          }
        },
      ),
      params(150),
    );
  });
});
