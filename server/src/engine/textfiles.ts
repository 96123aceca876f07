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
 * CI pipeline definitions by path: GitHub Actions (workflows and `action.yml`), Azure DevOps (`azure-pipelines*.yml`, and the
 * `.pipelines/`, `.azure-pipelines/`, `.azuredevops/` folders the MLOpsPython template and its forks
 * keep them in), GitLab, Bitbucket and CircleCI.
 */
function isCiPath(norm: string, name: string): boolean {
  return /(^|\/)\.github\/workflows\//.test(norm)
    || /^azure-pipelines.*\.ya?ml$/.test(name)
    || /(^|\/)\.(azure-?pipelines?|pipelines|azuredevops|circleci)\//.test(norm)
    || name === '.gitlab-ci.yml' || name === 'bitbucket-pipelines.yml'
    // A GitHub composite action (`runs: steps: - run: ...`).
    || name === 'action.yml' || name === 'action.yaml';
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
  return (/^(trigger|pr|stages|steps|jobs|pool|extends|before_script|workflows)\s*:/m.test(text) || ADO_TEMPLATE_ROOT.test(text))
    && !/^\$schema\s*:.*azuremlschemas/m.test(text)
    && !/^type\s*:\s*['"]?(command|pipeline|sweep|parallel|spark|automl)['"]?\s*(#.*)?$/m.test(text);
}

/**
 * An Azure DevOps template whose root is the list itself (`- stage:` / `- job:` / `- task:` at
 * column 0, no `stages:`/`steps:` key above it), as template files included with `- template:` are
 * often written.
 */
const ADO_TEMPLATE_ROOT = /^- (stage|job|deployment|task|script|bash|pwsh|powershell|template|checkout|download|publish)\s*:/m;

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
  // Extras of azureml-sdk (`[explain]`, `[tensorboard]`) and packages that require azureml-core
  // and azureml-dataset-runtime (azureml-opendatasets): SDK v1 only.
  'azureml-explain-model', 'azureml-tensorboard', 'azureml-opendatasets', 'azureml-train-restclients-hyperdrive',
]);

/** The first line of a Databricks notebook exported as Python source (Databricks "Export > Source file"). */
export const DATABRICKS_HEADER = '# Databricks notebook source';

/** PEP 503 normalised project name. */
export function normalisePackage(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** `azure-cli-ml`: the CLI v1 extension, also a pip package (`install_requires`, requirements files). */
export function isV1CliPackage(name: string): boolean {
  return normalisePackage(name) === 'azure-cli-ml';
}

export function isV1Package(name: string): boolean {
  const n = normalisePackage(name);
  // azureml-contrib-services (AMLRequest/AMLResponse) still serves v2 scoring scripts.
  return V1_PACKAGES.has(n) || (n.startsWith('azureml-contrib-') && n !== 'azureml-contrib-services');
}

/**
 * The AutoML runtime packages of the inference environment AutoML generates with a model (see
 * isAutomlInferenceEnvironment).
 */
export const AUTOML_RUNTIME_PACKAGES: ReadonlySet<string> = new Set(['azureml-train-automl-runtime', 'azureml-automl-runtime', 'azureml-automl-core', 'azureml-interpret', 'azureml-explain-model']);

/**
 * What else the environments AutoML generates for NLP and vision (DNN) models pin (AutoML 1.42, 1.46 outputs): kept
 * silent in a file under the generated name (isGeneratedAutomlEnvironment), not beyond. `azureml-sdk`, pipeline or
 * widgets packages there are still reported: AutoML does not generate them.
 */
export const AUTOML_GENERATED_ENVIRONMENT_PACKAGES: ReadonlySet<string> = new Set([...AUTOML_RUNTIME_PACKAGES, 'azureml-core', 'azureml-telemetry', 'azureml-train-automl-client', 'azureml-dataset-runtime']);

/**
 * The inference environment AutoML generates with a model (`conda_env_v_1_0_0.yml`, also kept under other names):
 * `azureml-train-automl-runtime` (or `azureml-automl-runtime`) beside `inference-schema`, without the v1 client
 * (`azureml-core`, `azureml-sdk`). It is the model's runtime, not client code: SDK v2 deploys it unchanged with the
 * generated scoring script (learn how-to-deploy-automl-endpoint: `Environment(conda_file="./src/conda_env_v_1_0_0.yml")`),
 * and AutoML jobs submitted with SDK v2 generate it too. `names`: the environment's normalised package names.
 */
export function isAutomlInferenceEnvironment(names: ReadonlySet<string>): boolean {
  return names.has('inference-schema') && (names.has('azureml-train-automl-runtime') || names.has('azureml-automl-runtime')) && !names.has('azureml-core') && !names.has('azureml-sdk');
}

/**
 * A conda environment file under the name AutoML gives the one it generates (`conda_env_v_1_0_0.yml`) that holds
 * an AutoML runtime (`azureml-train-automl-runtime`, `azureml-automl-runtime`, `azureml-automl-dnn-nlp`,
 * `azureml-automl-dnn-vision`, ...): the generated environment of a model, whole. The NLP and vision (DNN)
 * models' ones also pin `azureml-core`, `azureml-train-automl-client`, `azureml-dataset-runtime` and
 * `azureml-telemetry` (AutoML 1.42, 1.46 outputs), all the model's runtime: those (AUTOML_GENERATED_ENVIRONMENT_PACKAGES)
 * are not reported there.
 */
export function isGeneratedAutomlEnvironment(path: string, names: ReadonlySet<string>): boolean {
  // The name ends the path (saved copies may prefix it: `model1_conda_env_v_1_0_0.yml`).
  if (!/conda_env_v_\d+_\d+_\d+\.ya?ml$/.test(path)) return false;
  return [...names].some((n) => n === 'azureml-train-automl-runtime' || n === 'azureml-automl-runtime' || n.startsWith('azureml-automl-dnn'));
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
export const PIP_VALUE_OPTIONS: ReadonlySet<string> = new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--src', '--python-version', '--platform', '--implementation', '--abi', '--progress-bar', '--log', '--cache-dir', '--trusted-host', '--proxy', '--timeout', '--retries', '--upgrade-strategy', '--no-binary', '--only-binary']);

/** A package argument of a `pip install` / `conda install` command. */
export interface InstallToken extends Token {
  /** Which install command of its line it belongs to (0 for the first). */
  command: number;
  /** The argument as written, quotes included: what a replacement takes the place of. */
  written: Range;
  /** The argument with the blanks that separate it from the next (or, last on the line, the previous) one: what a removal takes. */
  removal: Range;
  /** The first line of the (possibly `\`-continued) command line: with `command`, which command the token belongs to. */
  firstLine: number;
}

/**
 * Package tokens of every `pip install` / `conda install` on one shell line (also `python -m
 * pip`, `pip3`, `%pip`, a pip named by its path: `~/.conda/envs/py37/bin/pip`), with their columns.
 * `lineNo` and `offset` place the line in its document.
 */
export function pipInstallPackages(line: string, lineNo: number, offset = 0): InstallToken[] {
  return installTokens(line, (col) => ({ line: lineNo, character: offset + col }), lineNo);
}

/**
 * The same over the lines of a shell script, Dockerfile or CI file, where a line ending with `\`
 * goes on on the next one (`RUN pip install azure-ai-ml \` + `    azureml-core \` + ...): the
 * packages of the continuation lines belong to the same command. Tokens never span lines.
 */
export function shellInstallPackages(lines: readonly string[]): InstallToken[] {
  const out: InstallToken[] = [];
  for (let i = 0; i < lines.length; ) {
    const first = i;
    const starts: number[] = [];
    let text = '';
    for (;;) {
      const raw = lines[i].replace(/\r$/, '');
      starts.push(text.length);
      i++;
      // The backslash becomes a line break of the same length: columns stay, and a removal never takes it.
      if (/\\$/.test(raw) && i < lines.length) text += `${raw.slice(0, -1)}\n\n`;
      else {
        text += raw;
        break;
      }
    }
    const at = (col: number): Position => {
      let k = starts.length - 1;
      while (k > 0 && starts[k] > col) k--;
      return { line: first + k, character: col - starts[k] };
    };
    for (const t of installTokens(text, at, first)) {
      const own = t.range.start.line;
      const physical = lines[own].replace(/\r$/, '');
      if (own + 1 < i && /^[ \t]*\S+[ \t]*\\$/.test(physical)) {
        // A package alone on a line that goes on (`    azureml-core \`): a removal takes the whole line.
        t.removal = { start: { line: own, character: 0 }, end: { line: own + 1, character: 0 } };
      } else if (own > first && own + 1 === i && /^[ \t]*\S+[ \t]*$/.test(physical)) {
        // Alone on the group's last line (`RUN pip install azure-ai-ml \` + `    azureml-core`): the removal starts
        // at the previous line's `\`, so the command ends there (an empty line left inside a Dockerfile
        // continuation would join the next instruction to the command).
        const prev = lines[own - 1].replace(/\r$/, '');
        const keep = prev.replace(/[ \t]*\\$/, '').length;
        t.removal = { start: { line: own - 1, character: keep }, end: t.range.end };
      }
      out.push(t);
    }
  }
  return out;
}

function installTokens(line: string, at: (col: number) => Position, firstLine: number): InstallToken[] {
  const out: InstallToken[] = [];
  // Also a Makefile recipe's `@pip install` / `-pip install`, `pipenv install`, `poetry add`, `uv add`.
  const re = /(?:^|[\s;&|(`!%"'])[@-]*(?:\S*python[\d.]*\s+-m\s+)?(?:[^\s;&|()`'"]*\/)?(?:(?:pip[\d.]*|pipenv|conda|mamba|micromamba)\s+install|(?:poetry|uv)\s+add)\b/g;
  let command = 0;
  for (let m = re.exec(line); m; m = re.exec(line), command++) {
    // Text that only names an install: `echo "pip install azureml-core"` (also printf, PowerShell Write-Host /
    // Write-Output) in the same command, or a CI step's label (`displayName: 'pip install azureml-sdk'`).
    if (/(?:^|[;&|(`]\s*)(?:echo|printf|Write-Host|Write-Output)\b[^;&|`]*$/i.test(line.slice(0, m.index + 1)) || /^\s*(?:-\s*)?(?:displayName|name|description|title)\s*:/.test(line)) continue;
    // The arguments run to the end of the command: a separator or a comment ends them.
    const from = m.index + m[0].length;
    const stop = /[;&|`)]|\s#/.exec(line.slice(from));
    const args = line.slice(from, stop ? from + stop.index : line.length);
    let skipNext = false;
    for (const t of args.matchAll(/"[^"\n]*"|'[^'\n]*'|\S+/g)) {
      const raw = t[0];
      if (skipNext) { skipNext = false; continue; }
      if (raw.startsWith('-')) {
        if (PIP_VALUE_OPTIONS.has(raw)) skipNext = true;
        continue;
      }
      const quoted = /^["']/.test(raw) ? 1 : 0;
      // The closing quote of a YAML or shell string the command is in (`inlineScript: 'pip install azureml-sdk'`).
      const closing = !quoted && /["']$/.test(raw) && !raw.slice(0, -1).includes(raw.slice(-1)) ? 1 : 0;
      const begin = from + t.index!;
      const end = begin + raw.length - closing;
      const start = begin + quoted;
      const text = raw.slice(quoted, raw.length - quoted - closing);
      const after = /^[ \t]+/.exec(line.slice(end))?.[0].length ?? 0;
      const before = after ? 0 : /[ \t]+$/.exec(line.slice(0, begin))?.[0].length ?? 0;
      out.push({
        text,
        command,
        firstLine,
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
export function azureCliMlExtension(line: string, lineNo: number, offset = 0): Array<Token & { rename: { range: Range; newText: string } }> {
  const out: Array<Token & { rename: { range: Range; newText: string } }> = [];
  const code = stripShellComment(line);
  // Adding or updating it; `az extension remove -n azure-cli-ml` is the migration step itself.
  if (!/\baz\s+extension\s+(add|update)\b/.test(code)) return out;
  // By name, or from the extension's wheel (`--source .../azure_cli_ml-1.27.0-py3-none-any.whl`, as
  // the MLOpsPython pipelines pin it).
  const re = /(--name|-n)(\s+|=)(["']?)(azure-cli-ml)\3(?![\w-])|(--source|-s)(\s+|=)(["']?)([^\s"']*azure_cli_ml-[^\s"']*\.whl)\7(?![\w.-])/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const name = m[4] ?? m[8];
    const start = m.index + m[0].indexOf(name, (m[1] ?? m[5]).length);
    const at = (col: number) => ({ line: lineNo, character: offset + col });
    const range = { start: at(start), end: at(start + name.length) };
    // The v2 extension by name: the name itself, or `--source <wheel>` (with its quotes) → `-n ml`.
    const rename = m[4] ? { range, newText: 'ml' } : { range: { start: at(m.index), end: at(m.index + m[0].length) }, newText: '-n ml' };
    out.push({ text: name, range, rename });
  }
  return out;
}

/** The code part of a shell/YAML line (a `#` comment at line start or after a space removed). */
export function stripShellComment(line: string): string {
  const m = /(^|\s)#/.exec(line);
  return m ? line.slice(0, m.index) : line;
}
