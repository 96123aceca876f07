/**
 * `amlint report [paths...]`: the migration report.
 *
 *   amlint report . --output report.html        one self-contained HTML page
 *   amlint report --format markdown             Markdown on stdout (for a PR comment)
 *   amlint report --format json -o plan.json    the report's data
 *
 * It lints like `amlint` does (same file discovery, configuration, --select/--ignore and
 * suppression comments) but ignores the baseline: a plan needs everything. Exit code 0 when
 * the report was written (findings are the report's content, not a failure), 2 on a usage,
 * configuration or internal error.
 */
import * as path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { createColors } from 'picocolors';
import { buildReport } from './model';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';

export interface ReportIo {
  out: (s: string) => void;
  err: (s: string) => void;
  version: string;
  debug: boolean;
}

interface ReportOptions {
  output?: string;
  format?: 'html' | 'markdown' | 'json';
  config?: string | false;
  select?: string[];
  ignore?: string[];
}

function commaList(value: string, previous: string[] | undefined): string[] {
  const items = value.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
  if (!items.length) throw new InvalidArgumentError('expected a comma-separated list of rule codes or prefixes');
  return [...(previous ?? []), ...items];
}

export async function reportMain(argv: string[], io: ReportIo): Promise<number> {
  const program = new Command('amlint report')
    .description('Write a migration plan: SDK v1 usage by area and by file, top v1 APIs with their v2 replacements, what is auto-fixable, blockers first.')
    .argument('[paths...]', 'files and directories to analyse (default: .)')
    .option('-o, --output <file>', 'write the report to this file (default: stdout); the format follows a .html/.md/.json extension')
    .addOption(new Option('-f, --format <format>', 'html, markdown or json (default: from --output, else html)').choices(['html', 'markdown', 'json']))
    .option('--config <file>', 'use this configuration file instead of the nearest pyproject.toml')
    .option('--no-config', 'ignore every configuration file')
    .option('--select <codes>', 'only these rules (comma-separated codes or prefixes)', commaList)
    .option('--ignore <codes>', 'skip these rules (comma-separated codes or prefixes)', commaList)
    .helpOption('-h, --help', 'print this help')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (str, w) => w(str.startsWith('error:') ? `amlint: ${str}` : str) });
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  const opts = program.opts<ReportOptions>();
  const paths = (program.processedArgs[0] as string[] | undefined) ?? [];
  const ext = opts.output ? path.extname(opts.output).toLowerCase() : '';
  const format = opts.format ?? (ext === '.md' || ext === '.markdown' ? 'markdown' : ext === '.json' ? 'json' : 'html');

  const run = await import('../cli/run');
  let outcome;
  try {
    outcome = await run.runLint(
      {
        cwd: process.cwd(),
        paths,
        format: 'json',
        settings: { select: opts.select, ignore: opts.ignore },
        quiet: false,
        palette: createColors(false),
        config: opts.config === false ? { none: true } : opts.config !== undefined ? { explicit: path.resolve(opts.config) } : undefined,
        baseline: { none: true },
        version: io.version,
        progress: true,
      },
      io.debug,
    );
  } catch (e) {
    const { MissingPathError } = await import('../cli/files');
    if (e instanceof run.UsageError || e instanceof MissingPathError) {
      io.err(`amlint: ${(e as Error).message}\n(run 'amlint report --help' for usage)\n`);
      return 2;
    }
    throw e;
  }
  if (outcome.exitCode === 2 && !outcome.files) {
    io.err(outcome.diagnostics);
    return 2;
  }
  if (outcome.diagnostics) io.err(outcome.diagnostics);
  const data = buildReport(outcome.files ?? [], { version: io.version, scope: paths.length ? paths : ['.'] });
  const text = format === 'json' ? JSON.stringify(data, null, 2) + '\n' : format === 'markdown' ? renderMarkdown(data) : renderHtml(data);
  if (opts.output !== undefined) {
    try {
      run.writeOutputFile(opts.output, text);
    } catch (e) {
      io.err(`amlint: cannot write ${opts.output}: ${(e as Error).message}\n`);
      return 2;
    }
    io.err(`amlint: wrote the migration report (${data.totals.findings} findings, ${data.totals.blockers} blockers) to ${opts.output}\n`);
  } else {
    io.out(text);
  }
  return outcome.exitCode === 2 ? 2 : 0;
}
