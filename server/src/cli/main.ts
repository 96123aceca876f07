/**
 * `amlint [paths...]`: the command-line front end. Parses arguments, then hands over to
 * `run.ts`. Exit codes: 0 nothing found, 1 findings, 2 usage or internal error.
 *
 * main() never calls process.exit: it returns the exit code (bin/amlint.js sets it), and it
 * writes with process.stdout.write / process.stderr.write only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { createColors } from 'picocolors';
import type { Format, RunOutcome } from './run';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

interface ParsedOptions {
  format: Format;
  listRules?: boolean;
  explain?: string;
  select?: string[];
  ignore?: string[];
  stdin?: boolean;
  stdinFilename?: string;
  quiet?: boolean;
  maxWarnings?: number;
  outputFile?: string;
  color?: boolean;
  fix?: boolean;
  unsafeFixes?: boolean;
  diff?: boolean;
  maxFileSize?: number;
  config?: string | false;
  forceExclude?: boolean;
  reportUnusedDisableDirectives?: boolean;
  reportUnusedDisableDirectivesSeverity?: 'off' | 'hint' | 'info' | 'warning' | 'error';
  baseline?: string;
  writeBaseline?: boolean;
  pruneBaseline?: boolean;
  statistics?: boolean;
  jobs?: number;
  cache?: boolean;
  cacheLocation?: string;
}

function readVersion(): string {
  let dir = __dirname;
  for (;;) {
    const file = path.join(dir, 'package.json');
    try {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'amlint' && pkg.version) return pkg.version;
    } catch {
      // keep looking upwards
    }
    const up = path.dirname(dir);
    if (up === dir) return '0.0.0';
    dir = up;
  }
}

function commaList(value: string, previous: string[] | undefined): string[] {
  const items = value
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s.length > 0);
  if (items.length === 0) throw new InvalidArgumentError('expected a comma-separated list of rule codes or prefixes');
  return [...(previous ?? []), ...items];
}

function positiveInt(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number >= 1');
  return Number(value);
}

function nonNegativeInt(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number');
  const n = Number(value);
  if (n < -1) throw new InvalidArgumentError('expected a number >= 0 (or -1 for no limit)');
  return n;
}

/**
 * Parses a `--max-file-size` value: bytes (`500000`) or a number with a unit, `K`/`KB`/`KiB`,
 * `M`/`MB`/`MiB`, `G`/`GB`/`GiB` (all 1024-based, as the defaults: `4MB` = 4 MiB). Returns
 * undefined for anything else (or a limit of 0).
 */
export function parseSize(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(value);
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const n = Math.floor(Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1));
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** `--max-file-size` (kept here, not in read.ts: main.ts must not load the engine eagerly). */
function fileSize(value: string): number {
  const n = parseSize(value);
  if (n === undefined) throw new InvalidArgumentError('expected a size in bytes, or with a unit such as 500KB, 10MB or 1GB');
  return n;
}

function buildProgram(write: { out: (s: string) => void; err: (s: string) => void }): Command {
  const program = new Command('amlint');
  program
    .description(
      'Find Azure Machine Learning SDK v1 (azureml.*) code in Python files and Jupyter notebooks, ' +
        'and point to its SDK v2 (azure.ai.ml) replacement. amlint never runs or imports the code it reads.',
    )
    .argument('[paths...]', 'files and directories to lint; directories are searched for .py and .ipynb files, dependency files and scripts (see docs/cli.md) (default: .)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'sarif', 'github']).default('stylish'))
    .addOption(new Option('--list-rules', 'list every rule and exit').conflicts(['explain', 'stdin']))
    .addOption(new Option('--explain <code>', "print a rule's documentation and exit").conflicts(['stdin']))
    .option('--select <codes>', 'only these rules (comma-separated codes or prefixes, e.g. AML0,AML101)', commaList)
    .option('--ignore <codes>', 'skip these rules (comma-separated codes or prefixes)', commaList)
    .option('--fix', 'apply safe fixes to the files (written atomically; notebooks keep outputs and metadata)')
    .option('--unsafe-fixes', 'with --fix or --diff: also apply suggestions (rewrites that may change behaviour)')
    .option('--diff', 'print the fixes as a unified diff instead of writing them (exit 1 when there are any)')
    .option('--stdin', 'lint text read from standard input')
    .option('--stdin-filename <name>', 'the file name to lint stdin as (a .ipynb name reads a notebook)')
    .option('-q, --quiet', 'report errors only (warnings, info and hints are neither shown nor counted)')
    .option('--max-warnings <n>', 'tolerate up to n warnings: exit 1 only for errors or more than n warnings', nonNegativeInt)
    .option('-o, --output-file <file>', 'write the report to a file instead of stdout')
    .option('--max-file-size <size>', 'skip larger files with a message (bytes, or 500KB, 10MB, 1GB; default 4MB, notebooks 200MB)', fileSize)
    .option('--config <file>', 'use this configuration file (a pyproject.toml with [tool.amlint], or a TOML file with the same keys at the top level) instead of searching for one')
    .option('--no-config', 'ignore every configuration file')
    .option('--force-exclude', "apply the configuration's exclude to files named on the command line too (for pre-commit)")
    .option('--report-unused-disable-directives', 'report # amlint: disable comments that suppress nothing (fixable with --fix)')
    .addOption(new Option('--report-unused-disable-directives-severity <level>', 'the severity of those reports (default: warning)').choices(['off', 'hint', 'info', 'warning', 'error']))
    .option('--baseline <file>', `the baseline file to use or write (default: ${'amlint-baseline.json'} next to the configuration, else in the current directory)`)
    .addOption(new Option('--write-baseline', "record today's findings in the baseline; later runs report only new ones").conflicts(['pruneBaseline', 'diff']))
    .addOption(new Option('--prune-baseline', 'drop baseline entries that no longer match a finding').conflicts(['diff']))
    .option('--statistics', 'print how many findings each rule produced instead of the findings')
    .option('-j, --jobs <n>', 'lint with n worker threads (default: one per core; runs of fewer than 20 files use one)', positiveInt)
    .option('--cache', 'reuse the results of files that did not change since the last --cache run (same version and settings)')
    .option('--no-cache', 'do not use the cache (the default)')
    .option('--cache-location <dir>', 'where --cache keeps its file (default: node_modules/.cache/amlint when ./node_modules exists, else .amlint-cache)')
    .option('--color', 'force colour in stylish output')
    .option('--no-color', 'disable colour')
    .version(readVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    .addHelpText(
      'after',
      '\nMigration report: amlint report [paths] --output report.html (amlint report --help).\n' +
        '\nExit codes: 0 nothing found, 1 findings, 2 usage, configuration or internal error.\n' +
        'Docs: docs/cli.md; rules: amlint --list-rules, amlint --explain AML101.',
    )
    .showHelpAfterError("(run 'amlint --help' for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: write.out,
      writeErr: write.err,
      outputError: (str, w) => w(str.startsWith('error:') ? `amlint: ${str}` : str),
    });
  return program;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

function useColor(flag: boolean | undefined, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  const env = process.env;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return Boolean(process.stdout.isTTY) && env.TERM !== 'dumb';
}

/** `amlint ... | head` closes the pipe early: that is not an error worth a stack trace. */
function tolerateClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') return;
      process.exitCode = EXIT_USAGE;
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  const debug = process.env.AMLINT_DEBUG === '1';
  tolerateClosedPipes();
  const out = (s: string): void => {
    process.stdout.write(s);
  };
  const err = (s: string): void => {
    process.stderr.write(s);
  };

  if (argv[0] === 'report') {
    // `amlint report ...`: the migration report (lint a directory named "report" as ./report).
    try {
      const { reportMain } = await import('../report/cli');
      return await reportMain(argv.slice(1), { out, err, version: readVersion(), debug });
    } catch (e) {
      err(`amlint: internal error: ${debug && e instanceof Error && e.stack ? e.stack : String((e as Error)?.message ?? e)}\n`);
      return EXIT_USAGE;
    }
  }

  const program = buildProgram({ out, err });
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; every other parse failure is a usage error.
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    err(`amlint: internal error: ${debug && e instanceof Error && e.stack ? e.stack : String((e as Error)?.message ?? e)}\n`);
    return EXIT_USAGE;
  }

  const opts = program.opts<ParsedOptions>();
  const paths = (program.processedArgs[0] as string[] | undefined) ?? [];
  const usage = (message: string): number => {
    err(`amlint: ${message}\n(run 'amlint --help' for usage)\n`);
    return EXIT_USAGE;
  };
  if (opts.stdin && paths.length > 0) return usage('--stdin reads from standard input; do not give paths as well');
  if (opts.stdinFilename !== undefined && !opts.stdin) return usage('--stdin-filename needs --stdin');
  if (opts.stdin && opts.fix) return usage('--fix cannot write to standard input; use --diff to see the fixes');
  if (opts.unsafeFixes && !opts.fix && !opts.diff) return usage('--unsafe-fixes needs --fix or --diff');

  try {
    const run = await import('./run');
    let outcome: RunOutcome;
    if (opts.explain !== undefined) {
      outcome = run.runExplain(opts.explain);
    } else if (opts.listRules) {
      outcome = run.runListRules(opts.format);
    } else {
      const palette = createColors(useColor(opts.color, opts.outputFile !== undefined));
      const stdinBytes = opts.stdin ? await readStdin() : undefined;
      try {
        outcome = run.runLint(
          {
            cwd: process.cwd(),
            paths,
            format: opts.format,
            settings: { select: opts.select, ignore: opts.ignore },
            quiet: Boolean(opts.quiet),
            maxWarnings: opts.maxWarnings,
            fix: opts.fix || opts.diff ? { mode: opts.diff ? 'diff' : 'write', unsafe: Boolean(opts.unsafeFixes) } : undefined,
            stdin: stdinBytes ? { bytes: stdinBytes, filename: opts.stdinFilename } : undefined,
            palette,
            maxFileSize: opts.maxFileSize,
            config: opts.config === false ? { none: true } : opts.config !== undefined ? { explicit: path.resolve(opts.config) } : undefined,
            forceExclude: Boolean(opts.forceExclude),
            reportUnusedDirectives: opts.reportUnusedDisableDirectivesSeverity ?? (opts.reportUnusedDisableDirectives ? 'warning' : undefined),
            baseline: { file: opts.baseline, write: Boolean(opts.writeBaseline), prune: Boolean(opts.pruneBaseline) },
            statistics: Boolean(opts.statistics),
            version: readVersion(),
            progress: true, // shown only on a TTY outside CI (see progress.ts)
            jobs: opts.jobs,
            cache: opts.cache ? { location: opts.cacheLocation !== undefined ? path.resolve(opts.cacheLocation) : undefined } : undefined,
          },
          debug,
        );
      } catch (e) {
        if (e instanceof run.UsageError) return usage(e.message);
        const { MissingPathError } = await import('./files');
        if (e instanceof MissingPathError) return usage(e.message);
        throw e;
      }
    }

    if (opts.outputFile !== undefined && (outcome.output !== '' || outcome.exitCode !== EXIT_USAGE)) {
      // Written even when empty (a clean stylish run), so an old report never lingers.
      try {
        run.writeOutputFile(opts.outputFile, outcome.output);
      } catch (e) {
        err(`amlint: cannot write ${opts.outputFile}: ${(e as Error).message}\n`);
        return EXIT_USAGE;
      }
    } else if (outcome.output) {
      out(outcome.output);
    }
    if (outcome.diagnostics) err(outcome.diagnostics);
    return outcome.exitCode;
  } catch (e) {
    const text = debug && e instanceof Error && e.stack ? e.stack : (e as Error)?.message ?? String(e);
    err(`amlint: internal error: ${text}\n`);
    if (!debug) err('(set AMLINT_DEBUG=1 for a stack trace)\n');
    return EXIT_USAGE;
  }
}
