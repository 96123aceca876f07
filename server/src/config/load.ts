/**
 * Reading and validating a configuration file: `[tool.amlint]` in a `pyproject.toml`, or the
 * top level of any other TOML file given with `--config` (an `amlint.toml`, say).
 *
 * Every problem becomes a ConfigError with file, line, column and key; nothing is dropped
 * silently and nothing throws. Validation goes on after the first problem so a user sees
 * them all at once.
 */
import * as path from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { listRules, type SeveritySetting } from '../engine';
import { KeyLocator } from './locate';
import type { ConfigError, ConfigResult, LoadedConfig, PerFileIgnore, SettingsLayer } from './types';
import { resolveSettings } from './resolve';

/** The keys of the amlint table, in documentation order. */
export const CONFIG_KEYS = [
  'select',
  'extend-select',
  'ignore',
  'severity',
  'notebook-severity',
  'per-file-ignores',
  'exclude',
  'report-unused-directives',
] as const;

const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'] as const;

/** Is this file read as a pyproject.toml (settings under `[tool.amlint]`)? */
export function isPyproject(file: string): boolean {
  return path.basename(file).toLowerCase() === 'pyproject.toml';
}

/** Does the text look like it has an amlint section (checked before/without parsing)? */
export function mentionsAmlint(text: string): boolean {
  return /^\s*\[\s*tool\s*\.\s*["']?amlint\b|^\s*tool\s*\.\s*["']?amlint["']?\s*[.=]|^\s*\[\s*tool\s*\][\s\S]*^\s*["']?amlint["']?\s*[.=]/m.test(text);
}

function typeName(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  if (v instanceof Date) return 'a date';
  switch (typeof v) {
    case 'string':
      return 'a string';
    case 'number':
    case 'bigint':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'a table';
    default:
      return typeof v;
  }
}

function isTable(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Levenshtein distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

function suggestion(word: string, choices: readonly string[]): string {
  const norm = word.toLowerCase().replace(/_/g, '-');
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of choices) {
    const dist = distance(norm, c);
    if (dist < bestD) {
      best = c;
      bestD = dist;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean '${best}'?)` : '';
}

/** A rule code or prefix that matches at least one rule ("AML1", "AML10", "AML101"). */
export function isKnownSelector(s: string): boolean {
  return /^AML\d{0,3}$/.test(s) && listRules().some((r) => r.code.startsWith(s));
}

class Validator {
  readonly errors: ConfigError[] = [];
  private readonly locator: KeyLocator;

  constructor(
    private readonly file: string,
    text: string,
    /** Key path of the amlint table: ['tool', 'amlint'] or []. */
    private readonly base: string[],
  ) {
    this.locator = new KeyLocator(text);
  }

  keyName(keys: readonly string[]): string {
    return [...this.base, ...keys].map((k) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k))).join('.');
  }

  error(keys: readonly string[], message: string, needle?: string): void {
    const at = this.locator.locate([...this.base, ...keys], needle);
    this.errors.push({ file: this.file, line: at.line, column: at.column, key: this.keyName(keys), message });
  }

  /** An array of rule codes or prefixes, upper-cased; undefined (with an error) when invalid. */
  codes(keys: readonly string[], value: unknown): string[] | undefined {
    if (!Array.isArray(value)) {
      this.error(keys, `expected an array of rule codes such as ["AML1", "AML201"], got ${typeName(value)}`);
      return undefined;
    }
    const out: string[] = [];
    let ok = true;
    value.forEach((item, i) => {
      if (typeof item !== 'string') {
        this.error(keys, `element ${i + 1}: expected a rule code (a string), got ${typeName(item)}`);
        ok = false;
        return;
      }
      const code = item.trim().toUpperCase();
      if (!isKnownSelector(code)) {
        this.error(keys, `unknown rule code or prefix '${item}' (run 'amlint --list-rules' to see the codes)`, item);
        ok = false;
        return;
      }
      out.push(code);
    });
    return ok ? out : undefined;
  }

  severityValue(keys: readonly string[], value: unknown): SeveritySetting | undefined {
    const v = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
    if (v !== undefined && (SEVERITIES as readonly string[]).includes(v)) return v as SeveritySetting;
    this.error(keys, `expected one of "off", "hint", "info", "warning", "error", got ${typeof value === 'string' ? JSON.stringify(value) : typeName(value)}`);
    return undefined;
  }

  severityTable(keys: readonly string[], value: unknown): Record<string, SeveritySetting> | undefined {
    if (!isTable(value)) {
      this.error(keys, `expected a table of rule code = severity, such as { AML103 = "off" }, got ${typeName(value)}`);
      return undefined;
    }
    const out: Record<string, SeveritySetting> = {};
    for (const [code, sev] of Object.entries(value)) {
      const upper = code.trim().toUpperCase();
      if (!isKnownSelector(upper)) {
        this.error([...keys, code], `unknown rule code or prefix '${code}' (run 'amlint --list-rules' to see the codes)`);
        continue;
      }
      const s = this.severityValue([...keys, code], sev);
      if (s) out[upper] = s;
    }
    return out;
  }

  globs(keys: readonly string[], value: unknown): string[] | undefined {
    if (!Array.isArray(value)) {
      this.error(keys, `expected an array of glob patterns such as ["build/", "**/*_v1.py"], got ${typeName(value)}`);
      return undefined;
    }
    const out: string[] = [];
    value.forEach((item, i) => {
      if (typeof item !== 'string' || item.trim() === '') {
        this.error(keys, `element ${i + 1}: expected a glob pattern (a non-empty string), got ${typeof item === 'string' ? 'an empty string' : typeName(item)}`);
        return;
      }
      out.push(item.trim());
    });
    return out;
  }
}

/**
 * Validates the text of a configuration file. `file` is used for messages and as the base of
 * relative globs. A pyproject.toml without a `[tool.amlint]` table gives `{ok: true, config:
 * undefined}`; so does one with a TOML syntax error that does not mention amlint at all (it
 * belongs to other tools, whose problem it is). Any other file is read from its top level.
 */
export function parseConfigText(text: string, file: string): ConfigResult {
  const abs = path.resolve(file);
  const pyproject = isPyproject(abs);
  let data: Record<string, unknown>;
  try {
    data = parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch (e) {
    if (pyproject && !mentionsAmlint(text)) return { ok: true, config: undefined };
    if (e instanceof TomlError) {
      const first = e.message.split('\n')[0].replace(/^Invalid TOML document:\s*/, '');
      return { ok: false, errors: [{ file: abs, line: e.line, column: e.column, key: '', message: `TOML syntax error: ${first}` }] };
    }
    return { ok: false, errors: [{ file: abs, line: 1, column: 1, key: '', message: `cannot parse: ${(e as Error)?.message ?? e}` }] };
  }

  const base = pyproject ? ['tool', 'amlint'] : [];
  const v = new Validator(abs, text, base);
  let table: unknown = data;
  if (pyproject) {
    const tool = data.tool;
    if (tool === undefined) return { ok: true, config: undefined };
    if (!isTable(tool)) return { ok: true, config: undefined }; // `tool` is another tool's business
    table = tool.amlint;
    if (table === undefined) return { ok: true, config: undefined };
    if (!isTable(table)) {
      v.error([], `expected a table ([tool.amlint]), got ${typeName(table)}`);
      return { ok: false, errors: v.errors };
    }
  }
  const t = table as Record<string, unknown>;
  const layer: SettingsLayer = {};
  let exclude: string[] = [];
  const perFileIgnores: PerFileIgnore[] = [];
  for (const [key, value] of Object.entries(t)) {
    switch (key) {
      case 'select':
        layer.select = v.codes([key], value);
        break;
      case 'extend-select':
        layer.extendSelect = v.codes([key], value);
        break;
      case 'ignore':
        layer.ignore = v.codes([key], value);
        break;
      case 'severity':
        layer.severity = v.severityTable([key], value);
        break;
      case 'notebook-severity':
        layer.notebookSeverity = v.severityTable([key], value);
        break;
      case 'exclude':
        exclude = v.globs([key], value) ?? [];
        break;
      case 'report-unused-directives':
        if (typeof value === 'boolean') layer.reportUnusedDirectives = value ? 'warning' : 'off';
        else layer.reportUnusedDirectives = v.severityValue([key], value);
        break;
      case 'per-file-ignores':
        if (!isTable(value)) {
          v.error([key], `expected a table of glob = [rule codes], such as { "notebooks/**" = ["AML100"] }, got ${typeName(value)}`);
          break;
        }
        for (const [glob, codes] of Object.entries(value)) {
          if (glob.trim() === '' || glob.trim() === '!') {
            v.error([key, glob], 'expected a glob pattern, got an empty key');
            continue;
          }
          const list = v.codes([key, glob], codes);
          if (!list) continue;
          const negated = glob.startsWith('!');
          perFileIgnores.push({ pattern: negated ? glob.slice(1) : glob, negated, codes: list });
        }
        break;
      default:
        v.error([key], `unknown key '${key}'${suggestion(key, CONFIG_KEYS)}; expected one of: ${CONFIG_KEYS.join(', ')}`);
    }
  }
  if (v.errors.length) return { ok: false, errors: v.errors };
  for (const k of Object.keys(layer) as Array<keyof SettingsLayer>) if (layer[k] === undefined) delete layer[k];
  const config: LoadedConfig = {
    file: abs,
    dir: path.dirname(abs),
    layer,
    settings: resolveSettings({ layers: [layer] }),
    exclude,
    perFileIgnores,
  };
  return { ok: true, config };
}

/** `file:line:column: key: message`, the form the CLI and the server's log print. */
export function formatConfigError(e: ConfigError, displayFile: string = e.file): string {
  return `${displayFile}:${e.line}:${e.column}: ${e.key ? `${e.key}: ` : ''}${e.message}`;
}
