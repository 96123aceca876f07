/**
 * A RuleTester in the style of ESLint's: tables of valid and invalid code for one rule.
 * Positions in expectations are 1-based (as users see them); `cell` is the 1-based index of
 * the cell among all cells, like the CLI's JSON output.
 */
import * as assert from 'node:assert/strict';
import { lint, type DocumentInput, type Finding } from '../../server/src/engine';

export interface Expected {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  cell?: number;
  /** Substrings the message must contain. */
  message?: string | string[];
}

export interface Case {
  /** A title for the test; defaults to the code. */
  name?: string;
  /** Python source, or notebook cells (strings are code cells; `{ md }` are markdown). */
  code?: string;
  cells?: Array<string | { md: string }>;
  /** A dependency file or script: its path decides how it is read. */
  file?: { path: string; text: string };
  errors?: Expected[];
}

export function toInput(c: Case): DocumentInput {
  if (c.file) return { kind: 'text', path: c.file.path, text: c.file.text };
  if (c.cells) {
    return {
      kind: 'notebook',
      cells: c.cells.map((x) => (typeof x === 'string' ? { kind: 'code' as const, text: x } : { kind: 'markdown' as const, text: x.md })),
    };
  }
  return { kind: 'python', text: c.code ?? '' };
}

/** Findings of one rule, as 1-based tuples. */
export function findingsFor(code: string, c: Case): Finding[] {
  return lint(toInput(c), { select: [code] }).findings.filter((f) => f.code === code);
}

function title(c: Case): string {
  const t = c.name ?? c.code ?? (c.file ? `${c.file.path}: ${c.file.text}` : c.cells!.map((x) => (typeof x === 'string' ? x : x.md)).join(' ⏎cell⏎ '));
  return t.length > 90 ? `${t.slice(0, 87)}...` : t;
}

export function ruleTester(code: string, tables: { valid: Array<string | Case>; invalid: Case[] }): void {
  describe(code, () => {
    describe('valid', () => {
      for (const v of tables.valid) {
        const c = typeof v === 'string' ? { code: v } : v;
        it(title(c), () => {
          const got = findingsFor(code, c);
          assert.deepEqual(got.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`), []);
        });
      }
    });
    describe('invalid', () => {
      for (const c of tables.invalid) {
        it(title(c), () => {
          const got = findingsFor(code, c);
          const errors = c.errors ?? [];
          assert.equal(got.length, errors.length, `expected ${errors.length} findings, got:\n${got.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`).join('\n')}`);
          errors.forEach((e, i) => {
            const f = got[i];
            const actual: Expected = { line: f.range.start.line + 1, column: f.range.start.character + 1 };
            const expected: Expected = { line: e.line, column: e.column };
            if (e.endLine !== undefined) { actual.endLine = f.range.end.line + 1; expected.endLine = e.endLine; }
            if (e.endColumn !== undefined) { actual.endColumn = f.range.end.character + 1; expected.endColumn = e.endColumn; }
            if (e.cell !== undefined) { actual.cell = f.cell === undefined ? undefined : f.cell + 1; expected.cell = e.cell; }
            assert.deepEqual(actual, expected, `finding ${i + 1}: ${f.message}`);
            for (const m of typeof e.message === 'string' ? [e.message] : e.message ?? []) {
              assert.ok(f.message.includes(m), `message of finding ${i + 1} should contain ${JSON.stringify(m)}: ${f.message}`);
            }
          });
        });
      }
    });
  });
}
