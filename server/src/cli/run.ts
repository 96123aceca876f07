/**
 * The engine-facing half of the CLI: lints files or stdin, lists rules, explains a rule.
 * `main.ts` loads this module lazily so that even an engine that fails to load is reported as
 * an internal error (exit 2) rather than a crash.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, listRules, explain, ruleDocsUrl, type EngineSettings, type Finding, type RuleMeta } from '../engine';
import { computeFixes, fixDiff, writeAtomically } from './fix';
import { collectFiles, isOutside } from './files';
import { loadDocument, readDocument, type Loaded } from './read';
import {
  compareMessages,
  fatalMessage,
  findingToMessage,
  formatJson,
  formatStylish,
  toFileResult,
  totals,
  type Palette,
  type ReportedFile,
} from './report';

export type Format = 'stylish' | 'json';

export interface LintOptions {
  cwd: string;
  paths: string[];
  format: Format;
  settings: EngineSettings;
  quiet: boolean;
  /** undefined (or negative) = warnings alone fail the run, as any finding does. */
  maxWarnings?: number;
  /** --fix writes safe fixes; --diff prints them as a unified diff instead; with `unsafe`, suggestions too. */
  fix?: { mode: 'write' | 'diff'; unsafe: boolean };
  /** Set with --stdin: the bytes to lint, and the name to lint them as. */
  stdin?: { bytes: Uint8Array; filename?: string };
  palette: Palette;
}

export interface RunOutcome {
  /** Text for stdout (or --output-file). */
  output: string;
  /** Text for stderr. */
  diagnostics: string;
  exitCode: number;
}

export class UsageError extends Error {}

/** Lints, formats and decides the exit code. Throws UsageError for a bad path or selector. */
export function runLint(opts: LintOptions, debug: boolean): RunOutcome {
  validateSelectors('--select', opts.settings.select);
  validateSelectors('--ignore', opts.settings.ignore);

  let diagnostics = '';
  let internalError = false;
  const files: ReportedFile[] = [];
  let diffs = '';
  let fixedFixes = 0;
  let fixedFiles = 0;

  const lintOne = (filePath: string, displayPath: string, loaded: Loaded): void => {
    const report: ReportedFile = { filePath, displayPath, messages: [] };
    files.push(report);
    if (!loaded.ok) {
      report.messages.push(fatalMessage(loaded.message));
      return;
    }
    if (loaded.warning) report.messages.push({ json: { ruleId: null, severity: 1, message: loaded.warning, line: 1, column: 1 }, level: 'warning' });
    try {
      let findings: Finding[];
      if (opts.fix) {
        const outcome = computeFixes(loaded, opts.settings, opts.fix.unsafe);
        findings = outcome.findings;
        if (outcome.problem) diagnostics += `amlint: ${displayPath}: ${outcome.problem}\n`;
        if (outcome.newText !== undefined) {
          if (opts.fix.mode === 'diff') {
            diffs += fixDiff(displayPath, loaded, outcome.newText);
            // With --diff nothing is written: report what is there now.
            findings = lint(loaded.input, opts.settings).findings;
          } else {
            try {
              writeAtomically(filePath, outcome.newText, loaded.original, loaded.bom);
              fixedFixes += outcome.applied;
              fixedFiles++;
            } catch (e) {
              report.messages.push(fatalMessage(`fixes not written: ${(e as Error).message}`));
              findings = lint(loaded.input, opts.settings).findings;
            }
          }
        }
      } else {
        const result = lint(loaded.input, opts.settings);
        if (result.fatal) report.messages.push(fatalMessage(result.fatal));
        findings = result.findings;
      }
      // Offsets of `fix`/`suggestions` refer to the text as it is on disk (not after --fix).
      for (const f of findings) report.messages.push(findingToMessage(f, opts.fix?.mode === 'write' ? undefined : loaded.input));
    } catch (e) {
      internalError = true;
      report.messages.push(fatalMessage(`internal error while analysing this file: ${(e as Error)?.message ?? e}`));
      diagnostics += `amlint: internal error while analysing ${displayPath}: ${errorText(e, debug)}\n`;
    }
    if (opts.quiet) report.messages = report.messages.filter((m) => m.json.severity === 2);
    report.messages.sort(compareMessages);
  };

  if (opts.stdin) {
    const name = opts.stdin.filename;
    const filePath = name === undefined ? '<stdin>' : path.resolve(opts.cwd, name);
    lintOne(filePath, name ?? '<stdin>', loadDocument(opts.stdin.bytes, name ?? 'stdin.py'));
  } else {
    for (const file of collectFiles(opts.paths.length > 0 ? opts.paths : ['.'], opts.cwd)) {
      lintOne(file, displayPath(file, opts.cwd), readDocument(file));
    }
  }

  if (fixedFiles) diagnostics += `amlint: applied ${fixedFixes} fix${fixedFixes === 1 ? '' : 'es'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}\n`;
  if (opts.fix?.mode === 'diff') {
    // --diff prints the patch (for `git apply`); exit 1 when there is something to fix.
    return { output: diffs, diagnostics, exitCode: internalError ? 2 : diffs ? 1 : 0 };
  }
  const output = opts.format === 'json' ? formatJson(files) : formatStylish(files, opts.palette);
  const { errors, warnings } = totals(files.map(toFileResult));

  let exitCode: number;
  if (internalError) {
    exitCode = 2;
  } else if (errors > 0) {
    exitCode = 1;
  } else if (opts.maxWarnings !== undefined && opts.maxWarnings >= 0) {
    exitCode = warnings > opts.maxWarnings ? 1 : 0;
    if (exitCode === 1) diagnostics += `amlint found too many warnings (maximum: ${opts.maxWarnings}).\n`;
  } else {
    exitCode = warnings > 0 ? 1 : 0;
  }
  return { output, diagnostics, exitCode };
}

function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel !== '' && !isOutside(rel) ? rel : abs;
}

export function errorText(e: unknown, debug: boolean): string {
  if (debug && e instanceof Error && e.stack) return e.stack;
  return e instanceof Error ? e.message : String(e);
}

/** A selector is a rule code or a code prefix ("AML1", "AML10", "AML101") that matches some rule. */
function validateSelectors(flag: string, selectors: readonly string[] | undefined): void {
  if (!selectors || selectors.length === 0) return;
  const codes = listRules().map((r) => r.code);
  for (const s of selectors) {
    if (!/^AML\d{0,3}$/.test(s) || !codes.some((c) => c.startsWith(s))) {
      throw new UsageError(
        `${flag}: unknown rule code or prefix '${s}' (run 'amlint --list-rules' to see the codes)`,
      );
    }
  }
}

export function runListRules(format: Format): RunOutcome {
  const rules = [...listRules()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (format === 'json') {
    const rows = rules.map((r) => ({
      code: r.code,
      name: r.name,
      family: r.family,
      defaultSeverity: r.defaultSeverity,
      fixable: r.fixable,
      summary: r.docs.summary,
      url: ruleDocsUrl(r.code),
    }));
    return { output: JSON.stringify(rows, null, 2) + '\n', diagnostics: '', exitCode: 0 };
  }
  return { output: rulesTable(rules), diagnostics: '', exitCode: 0 };
}

export function rulesTable(rules: readonly RuleMeta[]): string {
  const header = ['Code', 'Name', 'Severity', 'Fixable', 'Summary'];
  const rows = rules.map((r) => [r.code, r.name, r.defaultSeverity, r.fixable, r.docs.summary.replace(/\s+/g, ' ')]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').replace(/\s+$/, '') + '\n';
  return line(header) + line(widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? header[i]!.length : w))) +
    rows.map(line).join('');
}

export function runExplain(code: string): RunOutcome {
  const normalized = code.trim().toUpperCase();
  const page = explain(normalized);
  if (page === undefined) {
    return {
      output: '',
      diagnostics: `amlint: unknown rule code '${code}' (run 'amlint --list-rules' to see the codes)\n`,
      exitCode: 2,
    };
  }
  return { output: page.endsWith('\n') ? page : page + '\n', diagnostics: '', exitCode: 0 };
}

/** Writes the report to a file, creating its directory; throws with a readable message. */
export function writeOutputFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, text);
}
