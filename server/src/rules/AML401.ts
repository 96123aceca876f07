/**
 * AML401 v1-package-dependency: SDK v1 packages (`azureml-sdk`, `azureml-core`, ...) in
 * requirements files, conda environment YAML, pyproject.toml, Dockerfiles/shell scripts and
 * notebook `%pip`/`!pip install` lines.
 */
import type { Node as YamlNode } from 'yaml';
import { AUTOML_GENERATED_ENVIRONMENT_PACKAGES, AUTOML_RUNTIME_PACKAGES, isAutomlInferenceEnvironment, isGeneratedAutomlEnvironment, isV1CliPackage, isV1Package, lineStarts, normalisePackage, PIP_VALUE_OPTIONS, pipInstallPackages, positionAt, requirementName, shellInstallPackages, type InstallToken, type Token } from '../engine/textfiles';
import type { Range } from '../engine/types';
import type { SyntaxNode } from '../engine/syntax';
import type { ModuleFix, Rule, RuleContext, TextContext } from './rule';
import { literal, shellCommandArg, shellLinesOf, writefileKind } from './shell';

const MIG = 'https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1';
const INSTALL = 'https://learn.microsoft.com/python/api/overview/azure/ml/install';

function message(name: string): string {
  // azureml-opendatasets installs azureml-core (its dependency list) but SDK v2 has no package in its place.
  if (normalisePackage(name) === 'azureml-opendatasets') return `\`${name}\` installs SDK v1 (\`azureml-core\`, whose support ended 2026-06-30), and SDK v2 has no package in its place: keep it only apart from v2 code, or read the open dataset's files without it.`;
  return `\`${name}\` is an SDK v1 package (support ended 2026-06-30): depend on \`azure-ai-ml\` and \`azure-identity\` instead (plus \`mlflow\` and \`azureml-mlflow\` where runs log metrics).`;
}

/**
 * A v1 package the fixes replace with the v2 pair. `azureml-opendatasets` is reported but left in place: it
 * installs SDK v1, yet SDK v2 has nothing in its place, so removing it would only break the code that uses it.
 */
function replaceable(name: string): boolean {
  return isV1Package(name) && normalisePackage(name) !== 'azureml-opendatasets';
}

const CLI_MESSAGE = '`azure-cli-ml` is the Azure ML CLI v1 extension (support ended 2025-09-30), here installed as a Python package: drop it and install the v2 extension `ml` with `az extension add -n ml` (Azure CLI 2.38.0 or later).';

function replaceFix(range: Range, newText: string): ModuleFix {
  return { title: newText ? `Replace with ${newText.replace(/\n/g, ' + ')}` : 'Remove the SDK v1 package', safety: 'suggestion', edits: [{ range, newText }] };
}

/** A requirement and the range a fix replaces (the requirement with its per-line options). */
interface RequirementToken extends Token {
  edit?: Range;
  noFix?: boolean;
}

/**
 * Requirement strings of a requirements file, with their ranges: the requirement itself, without
 * the options pip reads after it on its line (`azureml-sdk==1.27.0a0 --index-url https://...`).
 */
function requirementsTokens(lines: readonly string[], lineOffset = 0): RequirementToken[] {
  const out: RequirementToken[] = [];
  // One `--hash` anywhere puts pip in hash-checking mode, where every requirement must be pinned and
  // hashed (pip "Secure installs"): the unpinned, unhashed v2 pair would fail the install. No fixes then.
  const hashed = lines.some((l) => /(^|\s)--hash[=\s]/.test(l));
  lines.forEach((raw, i) => {
    const line = i + lineOffset;
    const text = raw.replace(/\r$/, '');
    const code = text.replace(/(^|\s)#.*$/, '').trimEnd();
    const m = /^\s*(\S.*)$/.exec(code);
    if (!m || m[1].startsWith('-')) return;
    const start = code.length - m[1].length;
    // A requirement continued on the next lines (`\` + `    --hash=sha256:...`) gets no fix either.
    const continued = /(^|\s)\\$/.test(m[1]);
    const body = continued ? m[1].replace(/\s*\\$/, '') : m[1];
    const options = /\s+--?[A-Za-z]/.exec(body);
    const req = options ? body.slice(0, options.index) : body;
    out.push({
      text: req,
      range: { start: { line, character: start }, end: { line, character: start + req.length } },
      edit: continued ? undefined : { start: { line, character: start }, end: { line, character: code.length } },
      noFix: continued || hashed,
    });
  });
  return out;
}

/**
 * The YAML library, loaded on first use: it is a third of the CLI's start-up time (40 ms) and
 * most runs read no conda environment file.
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const yaml = (): typeof import('yaml') => require('yaml') as typeof import('yaml');

/** Scalars of a conda environment's `dependencies:` (and its `pip:` sub-list). `lineOffset` places the text in its document. */
function condaTokens(text: string, lineOffset = 0): Token[] {
  const { parseDocument, isMap, isScalar, isSeq } = yaml();
  const doc = parseDocument(text);
  if (doc.errors.length || !isMap(doc.contents)) return [];
  const starts = lineStarts(text);
  const at = (offset: number) => {
    const p = positionAt(starts, offset);
    return { line: p.line + lineOffset, character: p.character };
  };
  const out: Token[] = [];
  const add = (n: YamlNode): void => {
    if (isScalar(n) && typeof n.value === 'string' && n.range) {
      out.push({ text: n.value, range: { start: at(n.range[0]), end: at(n.range[1]) } });
    }
  };
  const deps = doc.contents.get('dependencies', true);
  if (!isSeq(deps)) return out;
  for (const item of deps.items) {
    if (isMap(item)) {
      const pip = item.get('pip', true);
      if (isSeq(pip)) pip.items.forEach((p) => add(p as YamlNode));
    } else add(item as YamlNode);
  }
  return out;
}

/**
 * Dependency names of pyproject.toml, located line by line in the tables that declare
 * dependencies: PEP 621 `[project]` `dependencies = [...]` and `[project.optional-dependencies]`,
 * PEP 735 `[dependency-groups]`, Poetry `[tool.poetry.dependencies]`, `[tool.poetry.dev-dependencies]`
 * and `[tool.poetry.group.<name>.dependencies]` keys. Other tables (`[tool.poetry.extras]`, which
 * only names packages declared above, `[build-system]`...) are not read. A line scan, so a file
 * the TOML parser rejects (a cookiecutter template with bare names) is read too.
 */
function pyprojectTokens(ctx: TextContext): Token[] {
  const out: Token[] = [];
  let table = '';
  let inProjectDeps = false;
  /** The strings of `text` from column `from` on. */
  const strings = (text: string, line: number, from: number): void => {
    for (const m of text.slice(from).matchAll(/"([A-Za-z0-9][A-Za-z0-9._-]*)([^"]*)"|'([A-Za-z0-9][A-Za-z0-9._-]*)([^']*)'/g)) {
      const name = m[1] ?? m[3];
      const rest = m[2] ?? m[4];
      const start = from + m.index! + 1;
      out.push({ text: name + rest, range: { start: { line, character: start }, end: { line, character: start + name.length + rest.length } } });
    }
  };
  ctx.lines.forEach((raw, line) => {
    const text = raw.replace(/\r$/, '').replace(/(^|\s)#.*$/, '');
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*$/.exec(text);
    if (header) {
      table = header[1].replace(/["'\s]/g, '');
      inProjectDeps = false;
      return;
    }
    if (table === 'project') {
      const key = /^\s*dependencies\s*=\s*\[/.exec(text);
      if (key) inProjectDeps = true;
      if (inProjectDeps) {
        strings(text, line, key ? key[0].length : 0);
        if (/\]\s*,?\s*$/.test(text)) inProjectDeps = false;
      }
    } else if (table === 'project.optional-dependencies' || table === 'dependency-groups') {
      strings(text, line, /^\s*(["']?)[A-Za-z0-9_.-]+\1\s*=/.exec(text)?.[0].length ?? 0);
    } else if (/^tool\.poetry\.(dependencies|dev-dependencies|group\.[^.]+\.dependencies)$/.test(table)) {
      // `azureml-sdk = "^1.48"`, `"azureml-core" = {version = "..."}`, or a bare name in a template.
      const m = /^(\s*)(["']?)([A-Za-z0-9][A-Za-z0-9._-]*)\2\s*(=|$)/.exec(text);
      if (m) {
        const start = m[1].length + m[2].length;
        out.push({ text: m[3], range: { start: { line, character: start }, end: { line, character: start + m[3].length } } });
      }
    }
  });
  return out;
}

function shellTokens(ctx: TextContext): InstallToken[] {
  return shellInstallPackages(ctx.lines);
}

const V2_PAIR = 'azure-ai-ml azure-identity';

/**
 * The edit for each v1 package of shell install commands: the first v1 package (of the file,
 * `first`, when nothing installs azure-ai-ml yet) becomes `azure-ai-ml azure-identity`, the others
 * go with the blank after them, quotes included (`"azureml-sdk[notebooks]"` → nothing, not `""`).
 * A command that would be left installing nothing (`pip install azureml-core` when the pair went
 * on an earlier line) gets the pair instead: `pip install` with no package fails.
 */
function installEdits(tokens: InstallToken[], first: boolean): Map<InstallToken, { range: Range; newText: string }> {
  const edits = new Map<InstallToken, { range: Range; newText: string }>();
  const commands = new Map<string, InstallToken[]>();
  for (const t of tokens) {
    const key = `${t.firstLine}:${t.command}`;
    commands.set(key, [...(commands.get(key) ?? []), t]);
  }
  for (const group of commands.values()) {
    const v1 = group.filter((t) => replaceable(requirementName(t.text) ?? ''));
    // azure-cli-ml and azureml-opendatasets are reported, not edited: they are left in the command.
    const others = group.filter((t) => {
      const name = requirementName(t.text) ?? '';
      return !isV1CliPackage(name) && (replaceable(name) || !isV1Package(name));
    });
    const onlyV1 = v1.length === others.length;
    v1.forEach((t, i) => {
      const pair = i === 0 && (first || onlyV1);
      if (pair) first = false;
      edits.set(t, pair ? { range: t.written, newText: V2_PAIR } : { range: t.removal, newText: '' });
    });
  }
  return edits;
}

type DependencyToken = Token & { edit?: Range; noFix?: boolean };

/** The `setup()` keywords that list requirements. */
const SETUP_KEYWORDS = new Set(['install_requires', 'extras_require', 'tests_require', 'setup_requires']);

/**
 * String literals listed in a `setup()` argument: a list, tuple or set, a dict of them (`extras_require`), lists
 * joined with `+`. Nothing else: a comprehension or a test (`[r for r in reqs if r not in ("azureml-core",)]`)
 * names packages it leaves out.
 */
function stringNodes(node: SyntaxNode): SyntaxNode[] {
  switch (node.type) {
    case 'string':
      return [node];
    case 'list':
    case 'tuple':
    case 'set':
    case 'parenthesized_expression':
      return node.namedChildren.flatMap(stringNodes);
    case 'dictionary':
      return node.namedChildren.flatMap((c) => (c.type === 'pair' ? stringNodes(c.childForFieldName('value') ?? c) : []));
    case 'binary_operator':
      return node.childForFieldName('operator')?.text === '+' ? [node.childForFieldName('left'), node.childForFieldName('right')].flatMap((c) => (c ? stringNodes(c) : [])) : [];
    default:
      return [];
  }
}

/**
 * The findings of a dependency file's tokens. Requirements files get a fix: the first v1 line
 * becomes the v2 pair (when the file has no azure-ai-ml yet), later ones go with their line.
 */
function dependencyFindings(kind: 'requirements' | 'conda' | 'pyproject', tokens: DependencyToken[], lineCount: number, path = ''): Array<{ range: Range; message: string; symbol: string; fixes?: ModuleFix[] }> {
  const out: Array<{ range: Range; message: string; symbol: string; fixes?: ModuleFix[] }> = [];
  const names = new Set(tokens.map((t) => normalisePackage(requirementName(t.text) ?? '')));
  let first = !names.has('azure-ai-ml');
  // An AutoML model's generated inference environment: its AutoML runtime is not SDK v1 client code (kept under the
  // generated name, also what the NLP and vision models' environments pin beside it).
  const automlSilent = kind === 'conda' && isGeneratedAutomlEnvironment(path, names) ? AUTOML_GENERATED_ENVIRONMENT_PACKAGES : isAutomlInferenceEnvironment(names) ? AUTOML_RUNTIME_PACKAGES : undefined;
  for (const t of tokens) {
    const name = requirementName(t.text);
    if (!name) continue;
    if (isV1CliPackage(name)) {
      out.push({ range: t.range, message: CLI_MESSAGE, symbol: 'azure-cli-ml' });
      continue;
    }
    if (!isV1Package(name) || automlSilent?.has(normalisePackage(name))) continue;
    let fixes: ModuleFix[] | undefined;
    if (kind === 'requirements' && !t.noFix && replaceable(name)) {
      const line = t.range.start.line;
      const whole = { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
      fixes = [first ? replaceFix(t.edit ?? t.range, 'azure-ai-ml\nazure-identity') : replaceFix(line + 1 < lineCount ? whole : t.edit ?? t.range, '')];
      // The pair goes where the first fix is (a package left in place does not take it).
      first = false;
    }
    out.push({ range: t.range, message: message(name), symbol: normalisePackage(name), fixes });
  }
  return out;
}

/**
 * A v1 package (or `azure-cli-ml`) named by a Python string literal (`setup.py` lists, `installPyPI("azureml-sdk")`):
 * reported on the requirement itself, without the blanks around it in the string; no fix.
 */
function reportStringRequirement(ctx: RuleContext, str: SyntaxNode): void {
  const content = literal(str);
  const name = content && requirementName(content.text);
  if (!content || !name) return;
  const cli = isV1CliPackage(name);
  if (!cli && !isV1Package(name)) return;
  const lead = content.text.length - content.text.trimStart().length;
  const column = content.column + lead;
  const range = { start: { line: content.row, character: column }, end: { line: content.row, character: column + content.text.trim().length } };
  ctx.report({ range, message: cli ? CLI_MESSAGE : message(name), symbol: cli ? 'azure-cli-ml' : normalisePackage(name) });
}

/**
 * The packages of a pip install written as a program and its arguments (`[sys.executable, "-m", "pip", "install",
 * "azureml-sdk"]`, `["pip", "-q", "install", "-U", "azureml-core"]`): the string literals after `install` that are not
 * options or option values. Items that are not literals (a variable) are skipped; `["echo", "pip", "install", ...]`
 * runs no pip.
 */
function pipListPackages(list: SyntaxNode): SyntaxNode[] {
  const items = list.namedChildren.filter((c) => c.type !== 'comment');
  const text = items.map((n) => literal(n)?.text);
  // pip is the program (first) or the module Python runs (`-m pip`); its options may come before `install` (`-q`).
  const pip = text.findIndex((t, i) => !!t && /(?:^|[\\/])pip[\d.]*(?:\.exe)?$/.test(t) && (i === 0 || text[i - 1] === '-m'));
  let install = pip + 1;
  while (pip >= 0 && text[install]?.startsWith('-')) install++;
  if (pip < 0 || text[install] !== 'install') return [];
  const out: SyntaxNode[] = [];
  for (let i = install + 1; i < items.length; i++) {
    const t = text[i];
    if (t === undefined) continue;
    if (t.startsWith('-')) {
      if (PIP_VALUE_OPTIONS.has(t)) i++;
      continue;
    }
    out.push(items[i]);
  }
  return out;
}

const rule: Rule = {
  meta: {
    code: 'AML401',
    name: 'v1-package-dependency',
    family: 'AML4',
    defaultSeverity: 'warning',
    fixable: 'sometimes',
    docs: {
      summary: 'Finds SDK v1 packages (`azureml-sdk`, `azureml-core`, `azureml-train-*`, `azureml-pipeline-*`, `azureml-widgets`, `azureml-opendatasets`, `azureml-contrib-*`, ...) in requirements files, conda environment YAML (including its `pip:` list), pyproject.toml dependency tables (PEP 621, PEP 735 groups, Poetry), `setup.py` `install_requires`/`extras_require`, Dockerfile/shell `pip install` commands (also continued over `\\` lines, and a pip named by its path), notebook `%pip`/`!pip install` lines (also `get_ipython().system(...)` in notebooks exported to scripts, and in Databricks notebooks exported as source `# MAGIC %pip install` lines, `# MAGIC %sh` cells and bare `%pip`/`!pip`/`pip install` lines of Python cells; `dbutils.library.installPyPI(...)` in Databricks notebooks of either form gets no fix: it installs one package and was removed in Databricks Runtime 11.0), notebook `%%writefile` cells that write a conda environment, requirements file or shell script, and installs Python runs (`os.system("pip install azureml-sdk")`, `subprocess.run("pip install ...", shell=True)`: the v2 pair as a suggestion; `subprocess.check_call([sys.executable, "-m", "pip", "install", "azureml-sdk"])`: no fix, the list is a program and its arguments). `azure-cli-ml` listed as a Python package (the CLI v1 extension) is reported too.',
      why: 'SDK v1 reached end of support on 2026-06-30; installing it keeps v1 code alive. SDK v2 is the `azure-ai-ml` package with `azure-identity` for credentials; training scripts log with `mlflow` and `azureml-mlflow`. v2-era packages are never reported: `azureml-mlflow`, `azureml-defaults`, `azureml-inference-server-http`, `azureml-fsspec`, `mltable`, `azure-ai-ml`. Nor is the AutoML runtime (`azureml-train-automl-runtime`, `azureml-automl-runtime`, `azureml-automl-core`, `azureml-interpret`) of the inference environment AutoML generates with a model (`conda_env_v_1_0_0.yml`: the runtime beside `inference-schema`, without `azureml-core` or `azureml-sdk`): SDK v2 deploys that environment unchanged with the generated scoring script (how-to-deploy-automl-endpoint). A conda file kept under the generated name (`conda_env_v_<version>.yml`) with an AutoML runtime (also `azureml-automl-dnn-nlp`/`-vision`) is such an environment, and what the NLP and vision models\' environments pin beside the runtime is not reported there either (`azureml-core`, `azureml-telemetry`, `azureml-train-automl-client`, `azureml-dataset-runtime`); other v1 packages (`azureml-sdk`, pipeline, widgets) still are.',
      v1Example: '# requirements.txt\nazureml-sdk[notebooks]==1.48.0\npandas\n\n# notebook\n%pip install azureml-core azureml-widgets',
      v2Example: '# requirements.txt\nazure-ai-ml\nazure-identity\npandas\n\n# notebook\n%pip install azure-ai-ml azure-identity',
      fixSafety: 'Suggestion only (never applied by `--fix` without `--unsafe-fixes`): the first v1 package of a file becomes `azure-ai-ml` + `azure-identity` and the others are removed, which breaks code that still imports `azureml.*`. In shell scripts, Dockerfiles and notebook `%pip` lines a quoted name goes with its quotes, and an install command that would be left with no package (`pip install azureml-core` after the pair went on an earlier line) gets the pair instead. Conda YAML, pyproject.toml, `setup.py`, `%%writefile` cells that write a conda environment or requirements file, CI pipeline YAML and `azure-cli-ml` get no fix, nor does a requirements file that uses `--hash` (pip\'s hash-checking mode would reject the unpinned v2 pair). A requirement line\'s own options (`azureml-sdk==1.27 --index-url ...`) go with it.',
      limitations: '`azureml-dataprep` is not reported (its relation to v2 `mltable` is unconfirmed). Requirements pulled in with `-r other.txt` are reported in that file, when it is linted. Only literal lists are read in `setup.py`; requirements read from a file there (`install_requires=open(...)`) are not. Commands assembled in variables are not read (nor, in Python, an f-string or a concatenated string given to `os.system`/`subprocess`; a `subprocess` string command gets the fix whether or not it passes `shell=True`), nor an install only echoed (`echo "pip install ..."`, `printf`, `Write-Host`) or named in a CI step\'s label (`displayName:`, `name:`).',
      references: [MIG, INSTALL],
    },
  },
  checkText(ctx) {
    if (ctx.kind === 'requirements' || ctx.kind === 'conda' || ctx.kind === 'pyproject') {
      const tokens: DependencyToken[] = ctx.kind === 'requirements' ? requirementsTokens(ctx.lines) : ctx.kind === 'conda' ? condaTokens(ctx.text) : pyprojectTokens(ctx);
      for (const f of dependencyFindings(ctx.kind, tokens, ctx.lines.length, ctx.path)) ctx.report(f);
      return;
    }
    const tokens = shellTokens(ctx);
    const hasV2 = tokens.some((t) => normalisePackage(requirementName(t.text) ?? '') === 'azure-ai-ml');
    const shell = ctx.kind === 'shell' ? installEdits(tokens, !hasV2) : undefined;
    for (const t of tokens) {
      const name = requirementName(t.text);
      if (!name) continue;
      if (isV1CliPackage(name)) {
        ctx.report({ range: t.range, message: CLI_MESSAGE, symbol: 'azure-cli-ml' });
        continue;
      }
      if (!isV1Package(name)) continue;
      const e = shell?.get(t);
      ctx.report({ range: t.range, message: message(name), symbol: normalisePackage(name), fixes: e ? [replaceFix(e.range, e.newText)] : undefined });
    }
  },
  check(ctx) {
    for (const l of shellLinesOf(ctx)) {
      const tokens = pipInstallPackages(l.text, l.line, l.character);
      // One replacement per install line: the first v1 package becomes the v2 pair.
      const edits = installEdits(tokens, !tokens.some((t) => normalisePackage(requirementName(t.text) ?? '') === 'azure-ai-ml'));
      for (const t of tokens) {
        const name = requirementName(t.text);
        if (name && isV1CliPackage(name)) {
          ctx.reportAt({ cell: l.cell, range: t.range }, { message: CLI_MESSAGE, symbol: 'azure-cli-ml' });
          continue;
        }
        if (!name || !isV1Package(name)) continue;
        const e = edits.get(t);
        ctx.reportAt({ cell: l.cell, range: t.range }, {
          message: message(name),
          symbol: normalisePackage(name),
          fixes: e && [{ ...replaceFix(e.range, e.newText), edits: [{ cell: l.cell, range: e.range, newText: e.newText }] }],
        });
      }
    }
    if (ctx.module.origin === 'notebook' && ctx.input.kind === 'notebook') {
      // `%%writefile environment.yml` / `%%writefile requirements.txt` cells: the file the notebook writes.
      for (const cmd of ctx.source.commands) {
        const kind = writefileKind(cmd);
        if ((kind !== 'conda' && kind !== 'requirements') || cmd.location.cell === undefined) continue;
        const bodyLine = cmd.location.range.start.line + 1;
        const tokens = kind === 'conda' ? condaTokens(cmd.text, bodyLine) : requirementsTokens(cmd.text.split('\n'), bodyLine);
        for (const f of dependencyFindings(kind, tokens, Infinity)) {
          ctx.reportAt({ cell: cmd.location.cell, range: f.range }, { message: f.message, symbol: f.symbol });
        }
      }
    }
    if (ctx.module.origin === 'file') {
      // setup.py: `setup(install_requires=[...], extras_require={...})`.
      for (const call of ctx.model.calls) {
        if (call.callee?.kind !== 'ref' || !/^(setuptools|distutils\.core)\.setup$/.test(call.callee.qname)) continue;
        for (const arg of call.args) {
          if (!arg.keyword || !SETUP_KEYWORDS.has(arg.keyword)) continue;
          for (const str of stringNodes(arg.node)) reportStringRequirement(ctx, str);
        }
      }
    }
    // `subprocess.check_call([sys.executable, "-m", "pip", "install", "azureml-sdk"])` (a string command is a shell
    // line: shellLinesOf). No fix: the list is the program's arguments, and v2 needs two packages in place of one.
    for (const call of ctx.model.calls) {
      const cmd = shellCommandArg(call);
      if (cmd?.type === 'list' || cmd?.type === 'tuple') for (const str of pipListPackages(cmd)) reportStringRequirement(ctx, str);
    }
    // Databricks: `dbutils.library.installPyPI("azureml-sdk", version="1.0.8", extras="databricks")`, in a notebook
    // exported as source or as .ipynb. Reported without a fix: the call installs one package (v2 needs two) and was
    // removed in Databricks Runtime 11.0, which recommends `%pip install` (https://docs.databricks.com/archive/dev-tools/dbutils-library.html).
    for (const { call, args } of ctx.model.calls) {
      if (call.childForFieldName('function')?.text.replace(/\s+/g, '') !== 'dbutils.library.installPyPI') continue;
      const project = args.find((a) => a.keyword === 'pypiPackage') ?? args.find((a) => !a.keyword);
      if (project) reportStringRequirement(ctx, project.node);
    }
  },
};

export default rule;
