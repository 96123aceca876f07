/**
 * The baseline (`amlint-baseline.json`): today's findings, recorded so that later runs report
 * only new ones. For gradual migration of a large repository.
 *
 * An entry is keyed by rule, file (relative to the baseline's directory, posix) and symbol
 * (the v1 qualified name the finding is about, or its message when it has none), plus the
 * occurrence index among findings with the same key in document order. Line numbers are not
 * part of the key, so inserting or deleting lines above a finding changes nothing. Each entry
 * also keeps a short hash of its source line: when a file has several findings with the same
 * key and a new one is added, the hash tells which one is new (the one whose line is not
 * recorded); the occurrence order decides only when the lines are identical too.
 *
 *   { "version": 1, "tool": "amlint", "entries": [
 *       { "file": "src/train.py", "rule": "AML101", "symbol": "azureml.core.Workspace.from_config",
 *         "occurrence": 0, "lineHash": "3f2a9c1e0b7d" } ] }
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentInput, Finding } from '../engine';
import { UNUSED_DIRECTIVE } from '../engine/suppressions';

export const BASELINE_FILE_NAME = 'amlint-baseline.json';
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  file: string;
  rule: string;
  symbol: string;
  occurrence: number;
  lineHash?: string;
}

export class BaselineError extends Error {}

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/** The source line a finding starts on, whitespace-normalised, hashed (12 hex digits). */
function lineHashOf(f: Finding, input: DocumentInput | undefined): string | undefined {
  if (!input) return undefined;
  const text = input.kind === 'notebook' ? (f.cell === undefined ? undefined : input.cells[f.cell]?.text) : input.text;
  if (text === undefined) return undefined;
  const line = text.split('\n')[f.range.start.line];
  if (line === undefined) return undefined;
  return createHash('sha256').update(line.trim().replace(/\s+/g, ' ')).digest('hex').slice(0, 12);
}

function keyOf(rule: string, symbol: string): string {
  return `${rule}\0${symbol}`;
}

/** Findings a baseline records: rule findings (unused-directive reports are never baselined). */
export function baselinable(f: Finding): boolean {
  return f.code !== UNUSED_DIRECTIVE;
}

/** The entries of one file's findings (in document order, as the engine returns them). */
export function entriesOf(file: string, findings: readonly Finding[], input: DocumentInput | undefined): BaselineEntry[] {
  const seen = new Map<string, number>();
  const out: BaselineEntry[] = [];
  for (const f of findings) {
    if (!baselinable(f)) continue;
    const symbol = f.symbol ?? f.message;
    const k = keyOf(f.code, symbol);
    const occurrence = seen.get(k) ?? 0;
    seen.set(k, occurrence + 1);
    const entry: BaselineEntry = { file, rule: f.code, symbol, occurrence };
    const h = lineHashOf(f, input);
    if (h) entry.lineHash = h;
    out.push(entry);
  }
  return out;
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  const s = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return s(a.file, b.file) || s(a.rule, b.rule) || s(a.symbol, b.symbol) || a.occurrence - b.occurrence;
}

function isEntry(v: unknown): v is BaselineEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.file === 'string' && typeof e.rule === 'string' && typeof e.symbol === 'string' &&
    typeof e.occurrence === 'number' && Number.isInteger(e.occurrence) && e.occurrence >= 0 &&
    (e.lineHash === undefined || typeof e.lineHash === 'string');
}

/** Parses a baseline file's text; throws BaselineError with a readable reason. */
export function parseBaseline(text: string, file: string): BaselineEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new BaselineError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new BaselineError(`${file}: expected a JSON object with "version" and "entries"`);
  const obj = data as Record<string, unknown>;
  if (obj.version !== BASELINE_VERSION) {
    throw new BaselineError(`${file}: unsupported baseline version ${JSON.stringify(obj.version)} (this amlint reads version ${BASELINE_VERSION}; re-create it with --write-baseline)`);
  }
  if (!Array.isArray(obj.entries)) throw new BaselineError(`${file}: "entries" must be an array`);
  obj.entries.forEach((e, i) => {
    if (!isEntry(e)) throw new BaselineError(`${file}: entry ${i + 1} is not {file, rule, symbol, occurrence[, lineHash]}`);
  });
  return obj.entries as BaselineEntry[];
}

export function serializeBaseline(entries: readonly BaselineEntry[]): string {
  const sorted = [...entries].sort(compareEntries).map((e) => {
    const o: BaselineEntry = { file: e.file, rule: e.rule, symbol: e.symbol, occurrence: e.occurrence };
    if (e.lineHash) o.lineHash = e.lineHash;
    return o;
  });
  return JSON.stringify({ version: BASELINE_VERSION, tool: 'amlint', entries: sorted }, null, 2) + '\n';
}

/**
 * A baseline in use during one run: filters each file's findings and remembers what matched,
 * for --prune-baseline and --write-baseline.
 */
export class Baseline {
  readonly dir: string;
  private readonly byFile = new Map<string, BaselineEntry[]>();
  /** Files linted in this run (baseline-relative) → entries that match their findings now. */
  private readonly current = new Map<string, { all: BaselineEntry[]; matched: BaselineEntry[] }>();
  hidden = 0;

  constructor(readonly file: string, entries: readonly BaselineEntry[]) {
    this.dir = path.dirname(path.resolve(file));
    for (const e of entries) {
      let list = this.byFile.get(e.file);
      if (!list) this.byFile.set(e.file, (list = []));
      list.push(e);
    }
    for (const list of this.byFile.values()) list.sort(compareEntries);
  }

  static load(file: string, mustExist: boolean): Baseline {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !mustExist) return new Baseline(file, []);
      throw new BaselineError(`${file}: cannot read the baseline: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
    return new Baseline(file, parseBaseline(text, file));
  }

  get size(): number {
    let n = 0;
    for (const list of this.byFile.values()) n += list.length;
    return n;
  }

  /** The baseline key of a linted file. */
  relative(filePath: string): string {
    return toPosix(path.relative(this.dir, path.resolve(filePath)));
  }

  /**
   * The findings of a file that the baseline does not cover (document order kept). First
   * findings whose rule, symbol and line hash match an entry, then the rest by rule and symbol
   * in occurrence order.
   */
  filter(filePath: string, findings: readonly Finding[], input: DocumentInput | undefined): Finding[] {
    const rel = this.relative(filePath);
    const entries = this.byFile.get(rel) ?? [];
    const now = entriesOf(rel, findings, input);
    const taken = new Set<BaselineEntry>();
    const matchedAt = new Map<number, BaselineEntry>(); // index in `now`
    for (const strict of [true, false]) {
      now.forEach((n, i) => {
        if (matchedAt.has(i)) return;
        const hit = entries.find((e) => !taken.has(e) && e.rule === n.rule && e.symbol === n.symbol && (!strict || (e.lineHash !== undefined && e.lineHash === n.lineHash)));
        if (hit) {
          taken.add(hit);
          matchedAt.set(i, hit);
        }
      });
    }
    const matched = [...matchedAt.keys()].sort((a, b) => a - b).map((i) => now[i]);
    this.current.set(rel, { all: now, matched });
    const out: Finding[] = [];
    let k = 0;
    for (const f of findings) {
      if (!baselinable(f)) {
        out.push(f);
        continue;
      }
      if (matchedAt.has(k)) this.hidden++;
      else out.push(f);
      k++;
    }
    return out;
  }

  /** Entries of linted files that no finding matched in this run (fixed or removed code). */
  unmatchedCount(): number {
    let n = 0;
    for (const [rel, { matched }] of this.current) n += (this.byFile.get(rel)?.length ?? 0) - matched.length;
    return n;
  }

  private renumber(entries: BaselineEntry[]): BaselineEntry[] {
    const seen = new Map<string, number>();
    return entries.map((e) => {
      const k = keyOf(e.rule, e.symbol);
      const occurrence = seen.get(k) ?? 0;
      seen.set(k, occurrence + 1);
      return { ...e, occurrence };
    });
  }

  /** Entries of files not linted in this run, minus those of files that no longer exist. */
  private untouched(): BaselineEntry[] {
    const out: BaselineEntry[] = [];
    for (const [rel, list] of this.byFile) {
      if (this.current.has(rel)) continue;
      if (!fs.existsSync(path.join(this.dir, rel))) continue;
      out.push(...list);
    }
    return out;
  }

  /** --write-baseline: every finding of the linted files, plus the entries of other files. */
  written(): BaselineEntry[] {
    const out = this.untouched();
    for (const { all } of this.current.values()) out.push(...all);
    return out.sort(compareEntries);
  }

  /** --prune-baseline: only the entries that still match (refreshed), plus other files'. */
  pruned(): BaselineEntry[] {
    const out = this.untouched();
    for (const { matched } of this.current.values()) out.push(...this.renumber(matched));
    return out.sort(compareEntries);
  }
}
