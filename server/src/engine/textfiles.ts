/**
 * Files that are not Python but may hold SDK v1 traces: dependency files (requirements, conda
 * environment YAML, pyproject.toml) and scripts that run the v1 CLI (shell scripts, CI
 * workflow YAML, Dockerfiles). What kind a file is follows from its path (and, for YAML, its
 * text); the AML4xx/AML5xx rules read them line by line.
 */
import type { Position, Range } from './types';

export type TextFileKind = 'requirements' | 'conda' | 'pyproject' | 'shell' | 'workflow';
export type FileKind = 'python' | 'notebook' | TextFileKind;

function basename(path: string): string {
  return path.replace(/\\/g, '/').split('/').pop() ?? path;
}

/**
 * CI pipeline definitions by path: GitHub Actions, Azure DevOps (`azure-pipelines*.yml`, and the
 * `.pipelines/`, `.azure-pipelines/`, `.azuredevops/` folders the MLOpsPython template and its forks
 * keep them in), GitLab, Bitbucket and CircleCI.
 */
function isCiPath(norm: string, name: string): boolean {
  return /(^|\/)\.github\/workflows\//.test(norm)
    || /^azure-pipelines.*\.ya?ml$/.test(name)
    || /(^|\/)\.(azure-?pipelines?|pipelines|azuredevops|circleci)\//.test(norm)
    || name === '.gitlab-ci.yml' || name === 'bitbucket-pipelines.yml';
}

/**
 * A YAML text that is a CI pipeline or a template of one: a top-level key only CI definitions
 * have (Azure DevOps `trigger`/`stages`/`steps`/`pool`/`jobs`, GitHub `jobs`, GitLab
 * `before_script`). A v2 pipeline job's YAML has `jobs:` too; its `$schema`, or (the key is
 * optional) its top-level job or component `type:` (command, pipeline, sweep, parallel, spark,
 * automl: the CLI v2 YAML schemas), tells it apart.
 */
function looksLikeCi(text: string): boolean {
  // An Azure ML job or component spec is not read, as before.
  return /^(trigger|pr|stages|steps|jobs|pool|extends|before_script|workflows)\s*:/m.test(text)
    && !/^\$schema\s*:.*azuremlschemas/m.test(text)
    && !/^type\s*:\s*['"]?(command|pipeline|sweep|parallel|spark|automl)['"]?\s*(#.*)?$/m.test(text);
}

/**
 * The kind of a file from its path; YAML files need their text to tell a conda environment
 * (`dependencies:`) from a CI pipeline or anything else (undefined: not linted). Without the
 * text, a YAML file outside the CI folders is a conda environment by name (`conda`/`env` in it)
 * or undefined: callers that can read it ask again with the text (cli/files.ts, cli/read.ts).
 */
export function fileKindOf(path: string, text?: string): FileKind | undefined {
  const norm = path.replace(/\\/g, '/');
  const name = basename(norm).toLowerCase();
  if (/\.pyw?$/.test(name)) return 'python';
  if (name.endsWith('.ipynb')) return 'notebook';
  if (name === 'pyproject.toml') return 'pyproject';
  if (/requirements.*\.(txt|in)$/.test(name) || /^constraints.*\.txt$/.test(name)) return 'requirements';
  // Dockerfiles: `Dockerfile`, `Dockerfile.gpu`, `gpu.Dockerfile`, `Containerfile`.
  if (/\.(sh|bash|zsh|ps1|cmd|bat)$/.test(name) || /^(dockerfile|containerfile)(\..+)?$/.test(name) || name.endsWith('.dockerfile') || name === 'makefile') return 'shell';
  if (isYamlName(name)) {
    if (isCiPath(norm, name)) return 'workflow';
    if (text === undefined) return /(conda|env)/.test(name) ? 'conda' : undefined;
    if (/^dependencies\s*:/m.test(text)) return 'conda';
    if (looksLikeCi(text)) return 'workflow';
    return undefined;
  }
  return undefined;
}

/** `.yml` / `.yaml`: files whose kind may depend on their text. */
export function isYamlName(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** SDK v1 packages (reference §5.3). v2-era `azureml-*` packages are not listed on purpose. */
const V1_PACKAGES = new Set([
  'azureml-sdk', 'azureml-core', 'azureml-train', 'azureml-train-core', 'azureml-train-automl',
  'azureml-train-automl-client', 'azureml-train-automl-runtime', 'azureml-automl-core',
  'azureml-automl-runtime', 'azureml-pipeline', 'azureml-pipeline-core', 'azureml-pipeline-steps',
  'azureml-dataset-runtime', 'azureml-widgets', 'azureml-interpret', 'azureml-datadrift',
  'azureml-accel-models', 'azureml-telemetry',
]);

/** PEP 503 normalised project name. */
export function normalisePackage(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export function isV1Package(name: string): boolean {
  const n = normalisePackage(name);
  // azureml-contrib-services (AMLRequest/AMLResponse) still serves v2 scoring scripts.
  return V1_PACKAGES.has(n) || (n.startsWith('azureml-contrib-') && n !== 'azureml-contrib-services');
}

/** The project name at the start of a PEP 508 requirement (`azureml-sdk[automl]>=1.4; ...`). */
export function requirementName(req: string): string | undefined {
  return /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(req)?.[1];
}

/** A token in a text: its text and where it is. */
export interface Token {
  text: string;
  range: Range;
}

/** Line starts of a text, for offset → position. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function positionAt(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** Options of `pip install` that take a value (the value is not a package). */
const PIP_VALUE_OPTIONS = new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--src', '--python-version', '--platform', '--implementation', '--abi', '--progress-bar', '--log', '--cache-dir', '--trusted-host', '--proxy', '--timeout', '--retries', '--upgrade-strategy', '--no-binary', '--only-binary']);

/** A package argument of a `pip install` / `conda install` command. */
export interface InstallToken extends Token {
  /** Which install command of its line it belongs to (0 for the first). */
  command: number;
  /** The argument as written, quotes included: what a replacement takes the place of. */
  written: Range;
  /** The argument with the blanks that separate it from the next (or, last on the line, the previous) one: what a removal takes. */
  removal: Range;
}

/**
 * Package tokens of every `pip install` / `conda install` on one shell line (also `python -m
 * pip`, `pip3`, `%pip`), with their columns. `lineNo` and `offset` place the line in its document.
 */
export function pipInstallPackages(line: string, lineNo: number, offset = 0): InstallToken[] {
  const out: InstallToken[] = [];
  const re = /(?:^|[\s;&|(`!%])(?:\S*python[\d.]*\s+-m\s+)?(?:pip3?|conda|mamba)\s+install\b/g;
  const at = (col: number) => ({ line: lineNo, character: offset + col });
  let command = 0;
  for (let m = re.exec(line); m; m = re.exec(line), command++) {
    // The arguments run to the end of the command: a separator or a comment ends them.
    const from = m.index + m[0].length;
    const stop = /[;&|`)]|\s#/.exec(line.slice(from));
    const args = line.slice(from, stop ? from + stop.index : line.length);
    let skipNext = false;
    for (const t of args.matchAll(/"[^"]*"|'[^']*'|\S+/g)) {
      const raw = t[0];
      if (skipNext) { skipNext = false; continue; }
      if (raw.startsWith('-')) {
        if (PIP_VALUE_OPTIONS.has(raw)) skipNext = true;
        continue;
      }
      const quoted = /^["']/.test(raw) ? 1 : 0;
      const begin = from + t.index!;
      const end = begin + raw.length;
      const start = begin + quoted;
      const text = raw.slice(quoted, raw.length - quoted);
      const after = /^[ \t]+/.exec(line.slice(end))?.[0].length ?? 0;
      const before = after ? 0 : /[ \t]+$/.exec(line.slice(0, begin))?.[0].length ?? 0;
      out.push({
        text,
        command,
        range: { start: at(start), end: at(start + text.length) },
        written: { start: at(begin), end: at(end) },
        removal: { start: at(begin - before), end: at(end + after) },
      });
    }
  }
  return out;
}

/** `az ml ...` invocations on one shell line: the words after `az ml` and where they are. */
export function azMlCommands(line: string, lineNo: number, offset = 0): Array<Token & { words: string[] }> {
  const out: Array<Token & { words: string[] }> = [];
  const code = stripShellComment(line);
  const re = /(?:^|[\s;&|(`!"'])az\s+ml((?:\s+[a-z][a-z0-9-]*){1,2})/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const start = m.index + m[0].indexOf('az');
    const end = m.index + m[0].length;
    out.push({ text: code.slice(start, end), words: m[1].trim().split(/\s+/), range: { start: { line: lineNo, character: offset + start }, end: { line: lineNo, character: offset + end } } });
  }
  return out;
}

/** `az extension add|update -n azure-cli-ml` (the v1 CLI extension): the token of its name. */
export function azureCliMlExtension(line: string, lineNo: number, offset = 0): Token[] {
  const out: Token[] = [];
  const code = stripShellComment(line);
  // Adding or updating it; `az extension remove -n azure-cli-ml` is the migration step itself.
  if (!/\baz\s+extension\s+(add|update)\b/.test(code)) return out;
  const re = /(--name|-n)(\s+|=)(["']?)(azure-cli-ml)\3(?![\w-])/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const start = m.index + m[1].length + m[2].length + m[3].length;
    out.push({ text: m[4], range: { start: { line: lineNo, character: offset + start }, end: { line: lineNo, character: offset + start + m[4].length } } });
  }
  return out;
}

/** The code part of a shell/YAML line (a `#` comment at line start or after a space removed). */
export function stripShellComment(line: string): string {
  const m = /(^|\s)#/.exec(line);
  return m ? line.slice(0, m.index) : line;
}
