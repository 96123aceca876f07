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

function nonNegativeInt(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number');
  const n = Number(value);
  if (n < -1) throw new InvalidArgumentError('expected a number >= 0 (or -1 for no limit)');
  return n;
}

function buildProgram(write: { out: (s: string) => void; err: (s: string) => void }): Command {
  const program = new Command('amlint');
  program
    .description(
      'Find Azure Machine Learning SDK v1 (azureml.*) code in Python files and Jupyter notebooks, ' +
        'and point to its SDK v2 (azure.ai.ml) replacement. amlint never runs or imports the code it reads.',
    )
    .argument('[paths...]', 'files and directories to lint; directories are searched for .py and .ipynb files (default: .)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish'))
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
    .option('--color', 'force colour in stylish output')
    .option('--no-color', 'disable colour')
    .version(readVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    .addHelpText(
      'after',
      '\nExit codes: 0 nothing found, 1 findings, 2 usage or internal error.\n' +
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
