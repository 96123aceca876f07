/**
 * The engine-facing half of the CLI: lints files or stdin, lists rules, explains a rule.
 * `main.ts` loads this module lazily so that even an engine that fails to load is reported as
 * an internal error (exit 2) rather than a crash.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, listRules, explain, ruleDocsUrl, type EngineSettings, type Finding, type RuleMeta, type SeveritySetting } from '../engine';
import { ConfigResolver, formatConfigError, isExcluded, resolveSettings, type ConfigError, type LoadedConfig, type ResolvedSettings, type ResolverOptions } from '../config';
import { Baseline, BaselineError, BASELINE_FILE_NAME, baselinable, serializeBaseline } from './baseline';
import { formatSarif } from './sarif';
import { formatGithub } from './github';
import { Progress } from './progress';
import { formatStatistics } from '../report/statistics';
import { computeFixes, fixDiff, writeAtomically } from './fix';
import { collectFiles, isOutside } from './files';
import { loadDocument, readDocument, type Loaded } from './read';
import { defaultJobs, lintFiles, messageOf, replay, type FileOutcome } from './workers';
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

export type Format = 'stylish' | 'json' | 'sarif' | 'github';

export interface LintOptions {
  cwd: string;
  paths: string[];
  format: Format;
  settings: EngineSettings;
  quiet: boolean;
  /** undefined = warnings alone fail the run, as any finding does; negative = no limit on warnings. */
  maxWarnings?: number;
  /** --fix writes safe fixes; --diff prints them as a unified diff instead; with `unsafe`, suggestions too. */
  fix?: { mode: 'write' | 'diff'; unsafe: boolean };
  /** Set with --stdin: the bytes to lint, and the name to lint them as. */
  stdin?: { bytes: Uint8Array; filename?: string };
  palette: Palette;
  /** --max-file-size in bytes: larger files are skipped with a message (default: read.ts). */
  maxFileSize?: number;
  /** `--config PATH` / `--no-config`; by default the nearest pyproject.toml with [tool.amlint]. */
  config?: ResolverOptions;
  /** --force-exclude: `exclude` applies to files named on the command line too. */
  forceExclude?: boolean;
  /** --report-unused-disable-directives: report directives that suppress nothing. */
  reportUnusedDirectives?: SeveritySetting;
  /** --baseline FILE, --write-baseline, --prune-baseline; `none`: no baseline even if one exists (the report). */
  baseline?: { file?: string; write?: boolean; prune?: boolean; none?: boolean };
  /** --statistics: counts per rule instead of the findings. */
  statistics?: boolean;
  /** amlint's version (SARIF tool.driver.version). */
  version?: string;
  /** Show a progress line on stderr (only where Progress.create allows: a TTY outside CI). */
  progress?: boolean;
  /** --jobs N: worker threads for reading and linting (default: one per core; see workers.ts). */
  jobs?: number;
  /** --cache: reuse results of unchanged files (see cache.ts); `location` from --cache-location. */
  cache?: { location?: string };
}

export interface RunOutcome {
  /** Text for stdout (or --output-file). */
  output: string;
  /** Text for stderr. */
  diagnostics: string;
  exitCode: number;
  /** The per-file results behind the output (with each message's finding), for the migration report. */
  files?: ReportedFile[];
}

export class UsageError extends Error {}

/** Lints, formats and decides the exit code. Throws UsageError for a bad path or selector. */
export function runLint(opts: LintOptions, debug: boolean): RunOutcome {
  validateSelectors('--select', opts.settings.select);
  validateSelectors('--ignore', opts.settings.ignore);

  // Configuration: every file's nearest [tool.amlint] (or --config). A bad file stops the run.
  const resolver = new ConfigResolver(opts.config ?? {});
  const configErrors: ConfigError[] = [];
  const configFor = (target: string, isDir = false): LoadedConfig | undefined => {
    const r = resolver.forPath(target, isDir);
    if (r.ok) return r.config;
    for (const e of r.errors) if (!configErrors.some((x) => x.file === e.file && x.line === e.line && x.key === e.key && x.message === e.message)) configErrors.push(e);
    return undefined;
  };
  const cliLayer = { select: opts.settings.select, ignore: opts.settings.ignore, reportUnusedDirectives: opts.reportUnusedDirectives };
  const settingsFor = (filePath: string | undefined, config: LoadedConfig | undefined): ResolvedSettings =>
    resolveSettings({ layers: [config?.layer, cliLayer], config, filePath });

  const rootConfig = configFor(opts.cwd, true);
  type Target = { filePath: string; displayPath: string; config: LoadedConfig | undefined };
  const targets: Target[] = [];
  if (opts.stdin) {
    const name = opts.stdin.filename;
    const filePath = name === undefined ? '<stdin>' : path.resolve(opts.cwd, name);
    targets.push({ filePath, displayPath: name ?? '<stdin>', config: name === undefined ? rootConfig : configFor(filePath) });
  } else {
    const args = opts.paths.length > 0 ? opts.paths : ['.'];
    const explicit = new Set(args.map((a) => path.resolve(opts.cwd, a)));
    for (const file of collectFiles(args, opts.cwd)) {
      const config = configFor(file);
      // `exclude` prunes directory searches; files named on the command line are linted
      // anyway unless --force-exclude (as in Ruff), which pre-commit hooks use.
      if (config && isExcluded(config, file) && (opts.forceExclude || !explicit.has(file))) continue;
      targets.push({ filePath: file, displayPath: displayPath(file, opts.cwd), config });
    }
  }
  if (configErrors.length) {
    const lines = configErrors.map((e) => `  ${formatConfigError(e, displayPath(e.file, opts.cwd))}\n`).join('');
    return { output: '', diagnostics: `amlint: invalid configuration:\n${lines}`, exitCode: 2 };
  }

  // Baseline: --baseline FILE, else amlint-baseline.json next to the configuration or in cwd.
  let baseline: Baseline | undefined;
  const bopts = opts.baseline ?? {};
  try {
    let file = bopts.file !== undefined ? path.resolve(opts.cwd, bopts.file) : undefined;
    if (file === undefined && !bopts.none) {
      const candidates = [...(rootConfig ? [path.join(rootConfig.dir, BASELINE_FILE_NAME)] : []), path.join(opts.cwd, BASELINE_FILE_NAME)];
      file = candidates.find((c) => fs.existsSync(c)) ?? (bopts.write ? candidates[0] : undefined);
    }
    if (file !== undefined) baseline = Baseline.load(file, bopts.file !== undefined && !bopts.write);
    else if (bopts.prune) return { output: '', diagnostics: `amlint: --prune-baseline: no ${BASELINE_FILE_NAME} found (give one with --baseline FILE)\n`, exitCode: 2 };
  } catch (e) {
    if (e instanceof BaselineError) return { output: '', diagnostics: `amlint: ${e.message}\n`, exitCode: 2 };
    throw e;
  }

  let diagnostics = '';
  let internalError = false;
  const files: ReportedFile[] = [];
  let diffs = '';
  let fixedFixes = 0;
  let fixedFiles = 0;

  // Chain suggestions (engine chains.ts) cost a few more lints per file: only for the output that
  // shows suggestions (ESLint's `suggestions` in JSON; the migration report runs with JSON too).
  const chains = opts.format === 'json';
  const lintOne = (filePath: string, displayPath: string, loaded: Loaded, settings: ResolvedSettings, pre?: FileOutcome): void => {
    const report: ReportedFile = { filePath, displayPath, messages: [] };
    files.push(report);
    if (!loaded.ok) {
      report.messages.push(fatalMessage(loaded.message));
      return;
    }
    // Broken notebook JSON: one fatal message, plus the findings in the cells that could be read.
    if (loaded.warning) report.messages.push(fatalMessage(loaded.warning));
    try {
      let findings: Finding[];
      let written = false;
      if (opts.fix) {
        const outcome = computeFixes(loaded, settings, opts.fix.unsafe);
        findings = outcome.findings;
        if (outcome.fatal) report.messages.push(fatalMessage(outcome.fatal));
        if (outcome.problem) diagnostics += `amlint: ${displayPath}: ${outcome.problem}\n`;
        if (outcome.newText !== undefined) {
          if (opts.fix.mode === 'diff') {
            diffs += fixDiff(displayPath, loaded, outcome.newText);
            // With --diff nothing is written: report what is there now.
            findings = lint(loaded.input, settings, undefined, { chains }).findings;
          } else {
            try {
              writeAtomically(filePath, outcome.newText, loaded.original, loaded.bom);
              fixedFixes += outcome.applied;
              fixedFiles++;
              written = true;
            } catch (e) {
              report.messages.push(fatalMessage(`fixes not written: ${(e as Error).message}`));
              findings = lint(loaded.input, settings, undefined, { chains }).findings;
            }
          }
        }
      } else {
        // `pre`: linted already, by a worker thread or the cache (workers.ts).
        const result = pre ? replay(pre) : lint(loaded.input, settings, undefined, { chains });
        if (result.fatal) report.messages.push(fatalMessage(result.fatal));
        findings = result.findings;
      }
      if (baseline) {
        // After --fix the findings are about the new text: their lines cannot be hashed from the old one.
        const kept = baseline.filter(filePath, findings, written ? undefined : loaded.input);
        findings = bopts.write ? findings.filter((f) => !baselinable(f)) : kept;
      }
      // Offsets of `fix`/`suggestions` refer to the text as it is on disk (not after --fix).
      for (const f of findings) report.messages.push(messageOf(pre, f) ?? findingToMessage(f, opts.fix?.mode === 'write' ? undefined : loaded.input));
    } catch (e) {
      internalError = true;
      report.messages.push(fatalMessage(`internal error while analysing this file: ${(e as Error)?.message ?? e}`));
      diagnostics += `amlint: internal error while analysing ${displayPath}: ${errorText(e, debug)}\n`;
    }
    if (opts.quiet) report.messages = report.messages.filter((m) => m.json.severity === 2);
    report.messages.sort(compareMessages);
  };

  const progress = opts.progress && targets.length > 1 ? Progress.create() : undefined;
  // Without --fix/--diff and stdin, every file is read and linted first, in worker threads
  // when there are many and through the cache with --cache; `lintOne` then reports each
  // outcome in target order, so the output does not depend on --jobs or the cache.
  const settingsOf = targets.map((t) => settingsFor(t.filePath === '<stdin>' ? undefined : t.filePath, t.config));
  const linted = opts.fix || opts.stdin ? undefined : lintFiles(
    targets.map((t, i) => ({ filePath: t.filePath, settings: settingsOf[i]! })),
    {
      jobs: opts.jobs ?? defaultJobs(),
      cwd: opts.cwd,
      cache: opts.cache ? { location: opts.cache.location, version: opts.version ?? '0.0.0' } : undefined,
      wantInput: baseline !== undefined,
      chains,
      maxFileSize: opts.maxFileSize,
      onProgress: (done, total) => progress?.update(done, total),
    },
  );
  if (linted) diagnostics += linted.warnings;
  targets.forEach((t, i) => {
    progress?.update(i, targets.length, t.displayPath);
    const settings = settingsOf[i]!;
    const pre = linted?.outcomes[i];
    const loaded = pre ? pre.loaded : opts.stdin ? loadDocument(opts.stdin.bytes, opts.stdin.filename ?? 'stdin.py', opts.maxFileSize) : readDocument(t.filePath, opts.maxFileSize);
    lintOne(t.filePath, t.displayPath, loaded, settings, pre);
  });
  progress?.end();

  if (baseline) {
    const shown = displayPath(baseline.file, opts.cwd);
    try {
      if (bopts.write) {
        const entries = baseline.written();
        writeOutputFile(baseline.file, serializeBaseline(entries));
        diagnostics += `amlint: wrote ${entries.length} finding${entries.length === 1 ? '' : 's'} to ${shown}\n`;
      } else if (bopts.prune) {
        const before = baseline.size;
        const entries = baseline.pruned();
        writeOutputFile(baseline.file, serializeBaseline(entries));
        const gone = before - entries.length;
        diagnostics += `amlint: pruned ${gone} entr${gone === 1 ? 'y' : 'ies'} from ${shown} (${entries.length} left)\n`;
      } else if (opts.format === 'stylish' && !opts.statistics) {
        if (baseline.hidden) diagnostics += `amlint: ${baseline.hidden} finding${baseline.hidden === 1 ? '' : 's'} in ${shown} not shown\n`;
        const stale = baseline.unmatchedCount();
        if (stale) diagnostics += `amlint: ${stale} baseline entr${stale === 1 ? 'y matches' : 'ies match'} nothing any more (run with --prune-baseline to drop ${stale === 1 ? 'it' : 'them'})\n`;
      }
    } catch (e) {
      diagnostics += `amlint: cannot write ${shown}: ${(e as Error).message}\n`;
      return { output: '', diagnostics, exitCode: 2 };
    }
  }

  if (fixedFiles) diagnostics += `amlint: applied ${fixedFixes} fix${fixedFixes === 1 ? '' : 'es'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}\n`;
  if (opts.fix?.mode === 'diff') {
    // --diff prints the patch (for `git apply`); exit 1 when there is something to fix.
    return { output: diffs, diagnostics, exitCode: internalError ? 2 : diffs ? 1 : 0 };
  }
  const { errors, warnings } = totals(files.map(toFileResult));

  let exitCode: number;
  if (internalError) {
    exitCode = 2;
  } else if (errors > 0) {
    exitCode = 1;
  } else if (opts.maxWarnings !== undefined && opts.maxWarnings < 0) {
    exitCode = 0; // --max-warnings -1: no limit on warnings (docs/cli.md)
  } else if (opts.maxWarnings !== undefined) {
    exitCode = warnings > opts.maxWarnings ? 1 : 0;
    if (exitCode === 1) diagnostics += `amlint found too many warnings (maximum: ${opts.maxWarnings}).\n`;
  } else {
    exitCode = warnings > 0 ? 1 : 0;
  }
  const output = opts.statistics ? formatStatistics(files, opts.format === 'json' ? 'json' : 'text')
    : opts.format === 'json' ? formatJson(files)
    : opts.format === 'sarif' ? formatSarif(files, { cwd: opts.cwd, version: opts.version ?? '0.0.0', internalError, exitCode })
    : opts.format === 'github' ? formatGithub(files)
    : formatStylish(files, opts.palette);
  return { output, diagnostics, exitCode, files };
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
