/**
 * AML401 v1-package-dependency: SDK v1 packages (`azureml-sdk`, `azureml-core`, ...) in
 * requirements files, conda environment YAML, pyproject.toml, Dockerfiles/shell scripts and
 * notebook `%pip`/`!pip install` lines.
 */
import type { Node as YamlNode } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { isV1Package, lineStarts, normalisePackage, pipInstallPackages, positionAt, requirementName, type InstallToken, type Token } from '../engine/textfiles';
import type { Range } from '../engine/types';
import type { ModuleFix, Rule, TextContext } from './rule';
import { notebookShellLines } from './shell';

const MIG = 'https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1';
const INSTALL = 'https://learn.microsoft.com/python/api/overview/azure/ml/install';

function message(name: string): string {
  return `\`${name}\` is an SDK v1 package (support ended 2026-06-30): depend on \`azure-ai-ml\` and \`azure-identity\` instead (plus \`mlflow\` and \`azureml-mlflow\` where runs log metrics).`;
}

function replaceFix(range: Range, newText: string): ModuleFix {
  return { title: newText ? `Replace with ${newText.replace(/\n/g, ' + ')}` : 'Remove the SDK v1 package', safety: 'suggestion', edits: [{ range, newText }] };
}

/** Requirement strings of a requirements file, with their ranges. */
function requirementsTokens(ctx: TextContext): Token[] {
  const out: Token[] = [];
  ctx.lines.forEach((raw, line) => {
    const text = raw.replace(/\r$/, '');
    const code = text.replace(/(^|\s)#.*$/, '').trimEnd();
    const m = /^\s*(\S.*)$/.exec(code);
    if (!m || m[1].startsWith('-')) return;
    const start = code.length - m[1].length;
    out.push({ text: m[1], range: { start: { line, character: start }, end: { line, character: code.length } } });
  });
  return out;
}

/**
 * The YAML library, loaded on first use: it is a third of the CLI's start-up time (40 ms) and
 * most runs read no conda environment file.
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const yaml = (): typeof import('yaml') => require('yaml') as typeof import('yaml');

/** Scalars of a conda environment's `dependencies:` (and its `pip:` sub-list). */
function condaTokens(ctx: TextContext): Token[] {
  const { parseDocument, isMap, isScalar, isSeq } = yaml();
  const doc = parseDocument(ctx.text);
  if (doc.errors.length || !isMap(doc.contents)) return [];
  const starts = lineStarts(ctx.text);
  const out: Token[] = [];
  const add = (n: YamlNode): void => {
    if (isScalar(n) && typeof n.value === 'string' && n.range) {
      out.push({ text: n.value, range: { start: positionAt(starts, n.range[0]), end: positionAt(starts, n.range[1]) } });
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

/** Dependency strings of pyproject.toml (PEP 621 and Poetry), located in the text. */
function pyprojectTokens(ctx: TextContext): Token[] {
  let data: Record<string, unknown>;
  try {
    data = parseToml(ctx.text) as Record<string, unknown>;
  } catch {
    return [];
  }
  const names = new Set<string>();
  const project = data.project as Record<string, unknown> | undefined;
  const collect = (list: unknown): void => {
    if (Array.isArray(list)) for (const r of list) if (typeof r === 'string') names.add(normalisePackage(requirementName(r) ?? ''));
  };
  collect(project?.dependencies);
  for (const group of Object.values((project?.['optional-dependencies'] as Record<string, unknown>) ?? {})) collect(group);
  const poetry = (data.tool as Record<string, unknown> | undefined)?.poetry as Record<string, unknown> | undefined;
  const poetryTables = [poetry?.dependencies, poetry?.['dev-dependencies'], ...Object.values((poetry?.group as Record<string, { dependencies?: unknown }>) ?? {}).map((g) => g?.dependencies)];
  for (const t of poetryTables) if (t && typeof t === 'object') for (const k of Object.keys(t)) names.add(normalisePackage(k));
  const out: Token[] = [];
  ctx.lines.forEach((text, line) => {
    // "azureml-core>=1.4" in an array, or azureml-core = "^1.4" as a Poetry key.
    for (const m of text.matchAll(/"([A-Za-z0-9][A-Za-z0-9._-]*)([^"]*)"|^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*=/g)) {
      const name = m[1] ?? m[3];
      if (!names.has(normalisePackage(name))) continue;
      const start = m.index! + (m[1] ? 1 : m[0].indexOf(name));
      const len = m[1] ? m[1].length + m[2].length : name.length;
      out.push({ text: m[1] ? m[1] + m[2] : name, range: { start: { line, character: start }, end: { line, character: start + len } } });
    }
  });
  return out;
}

function shellTokens(ctx: TextContext): InstallToken[] {
  return ctx.lines.flatMap((text, line) => pipInstallPackages(text.replace(/\r$/, ''), line));
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
    const key = `${t.range.start.line}:${t.command}`;
    commands.set(key, [...(commands.get(key) ?? []), t]);
  }
  for (const group of commands.values()) {
    const v1 = group.filter((t) => isV1Package(requirementName(t.text) ?? ''));
    const onlyV1 = v1.length === group.length;
    v1.forEach((t, i) => {
      const pair = i === 0 && (first || onlyV1);
      if (pair) first = false;
      edits.set(t, pair ? { range: t.written, newText: V2_PAIR } : { range: t.removal, newText: '' });
    });
  }
  return edits;
}

const rule: Rule = {
  meta: {
    code: 'AML401',
    name: 'v1-package-dependency',
    family: 'AML4',
    defaultSeverity: 'warning',
    fixable: 'sometimes',
    docs: {
      summary: 'Finds SDK v1 packages (`azureml-sdk`, `azureml-core`, `azureml-train-*`, `azureml-pipeline-*`, `azureml-widgets`, `azureml-contrib-*`, ...) in requirements files, conda environment YAML (including its `pip:` list), pyproject.toml dependency arrays, Dockerfile/shell `pip install` lines and notebook `%pip`/`!pip install` lines.',
      why: 'SDK v1 reached end of support on 2026-06-30; installing it keeps v1 code alive. SDK v2 is the `azure-ai-ml` package with `azure-identity` for credentials; training scripts log with `mlflow` and `azureml-mlflow`. v2-era packages are never reported: `azureml-mlflow`, `azureml-defaults`, `azureml-inference-server-http`, `azureml-fsspec`, `mltable`, `azure-ai-ml`.',
      v1Example: '# requirements.txt\nazureml-sdk[notebooks]==1.48.0\npandas\n\n# notebook\n%pip install azureml-core azureml-widgets',
      v2Example: '# requirements.txt\nazure-ai-ml\nazure-identity\npandas\n\n# notebook\n%pip install azure-ai-ml azure-identity',
      fixSafety: 'Suggestion only (never applied by `--fix` without `--unsafe-fixes`): the first v1 package of a file becomes `azure-ai-ml` + `azure-identity` and the others are removed, which breaks code that still imports `azureml.*`. In shell scripts, Dockerfiles and notebook `%pip` lines a quoted name goes with its quotes, and an install command that would be left with no package (`pip install azureml-core` after the pair went on an earlier line) gets the pair instead. Conda YAML, pyproject.toml and CI pipeline YAML get no fix.',
      limitations: '`azureml-dataprep` is not reported (its relation to v2 `mltable` is unconfirmed). Requirements pulled in with `-r other.txt` are reported in that file, when it is linted.',
      references: [MIG, INSTALL],
    },
  },
  checkText(ctx) {
    const tokens = ctx.kind === 'requirements' ? requirementsTokens(ctx)
      : ctx.kind === 'conda' ? condaTokens(ctx)
      : ctx.kind === 'pyproject' ? pyprojectTokens(ctx)
      : shellTokens(ctx);
    const hasV2 = tokens.some((t) => normalisePackage(requirementName(t.text) ?? '') === 'azure-ai-ml');
    let first = !hasV2;
    const shell = ctx.kind === 'shell' ? installEdits(tokens as InstallToken[], first) : undefined;
    for (const t of tokens) {
      const name = requirementName(t.text);
      if (!name || !isV1Package(name)) continue;
      let fixes: ModuleFix[] | undefined;
      if (ctx.kind === 'requirements') {
        // The first v1 line becomes the v2 pair; later ones go, with their line.
        const whole = { start: { line: t.range.start.line, character: 0 }, end: { line: t.range.start.line + 1, character: 0 } };
        fixes = [first ? replaceFix(t.range, 'azure-ai-ml\nazure-identity') : replaceFix(t.range.start.line + 1 < ctx.lines.length ? whole : t.range, '')];
      } else if (shell) {
        const e = shell.get(t as InstallToken)!;
        fixes = [replaceFix(e.range, e.newText)];
      }
      first = false;
      ctx.report({ range: t.range, message: message(name), symbol: normalisePackage(name), fixes });
    }
  },
  check(ctx) {
    for (const l of notebookShellLines(ctx)) {
      const tokens = pipInstallPackages(l.text, l.line, l.character);
      // One replacement per install line: the first v1 package becomes the v2 pair.
      const edits = installEdits(tokens, !tokens.some((t) => normalisePackage(requirementName(t.text) ?? '') === 'azure-ai-ml'));
      for (const t of tokens) {
        const name = requirementName(t.text);
        if (!name || !isV1Package(name)) continue;
        const { range, newText } = edits.get(t)!;
        ctx.reportAt({ cell: l.cell, range: t.range }, {
          message: message(name),
          symbol: normalisePackage(name),
          fixes: [{ ...replaceFix(range, newText), edits: [{ cell: l.cell, range, newText }] }],
        });
      }
    }
  },
};

export default rule;
