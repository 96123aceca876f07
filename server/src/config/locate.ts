/**
 * Where a key is in a TOML text. smol-toml reports positions for syntax errors only, so the
 * validator uses this small line scanner to point every other error (unknown key, wrong type,
 * unknown rule code) at a line and column.
 *
 * It understands table headers (`[tool.amlint]`, `[tool.amlint.severity]`, quoted and dotted
 * keys), dotted keys (`severity.AML101 = "off"`), inline tables and multi-line arrays and
 * strings. It runs only on text that smol-toml already parsed, so it never sees broken TOML.
 */

export interface TextPosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

interface KeyEntry {
  path: string[];
  line: number; // 0-based
  column: number; // 0-based
  /** Offset in the text where the entry starts (for searching inside its value). */
  offset: number;
}

const BARE = /^[A-Za-z0-9_-]+/;

/** Splits `a."b.c".d` into ['a', 'b.c', 'd']; undefined when it is not a key. */
function splitDotted(s: string): string[] | undefined {
  const out: string[] = [];
  let rest = s.trim();
  for (;;) {
    let key: string;
    if (rest.startsWith('"')) {
      const end = rest.indexOf('"', 1);
      if (end < 0) return undefined;
      key = rest.slice(1, end);
      rest = rest.slice(end + 1);
    } else if (rest.startsWith("'")) {
      const end = rest.indexOf("'", 1);
      if (end < 0) return undefined;
      key = rest.slice(1, end);
      rest = rest.slice(end + 1);
    } else {
      const m = BARE.exec(rest);
      if (!m) return undefined;
      key = m[0];
      rest = rest.slice(key.length);
    }
    out.push(key);
    rest = rest.trimStart();
    if (rest === '') return out;
    if (!rest.startsWith('.')) return undefined;
    rest = rest.slice(1).trimStart();
  }
}

/** The offset just past the key part of `key = value` at the start of `s`, if `s` starts with one. */
function keyPrefix(s: string): { keys: string[]; length: number } | undefined {
  // Walk over bare/quoted segments and dots, stop at '='.
  let i = 0;
  let inQuote: string | undefined;
  for (; i < s.length; i++) {
    const ch = s[i];
    if (inQuote) {
      if (ch === inQuote) inQuote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") inQuote = ch;
    else if (ch === '=') break;
    else if (!/[A-Za-z0-9_.\- \t]/.test(ch)) return undefined;
  }
  if (i >= s.length) return undefined;
  const keys = splitDotted(s.slice(0, i));
  return keys ? { keys, length: i } : undefined;
}

/** Scans the text for table headers and key/value lines. */
function scan(text: string): KeyEntry[] {
  const entries: KeyEntry[] = [];
  let header: string[] = [];
  let depth = 0; // brackets/braces open in a value that spans lines
  let multi: string | undefined; // open multi-line string delimiter
  let offset = 0;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const lineOffset = offset;
    offset += line.length + 1;
    let i = 0;
    if (!multi && depth === 0) {
      const indent = /^\s*/.exec(line)![0].length;
      const rest = line.slice(indent);
      if (rest.startsWith('[')) {
        const isArray = rest.startsWith('[[');
        const close = rest.indexOf(isArray ? ']]' : ']');
        const keys = close > 0 ? splitDotted(rest.slice(isArray ? 2 : 1, close)) : undefined;
        if (keys) {
          header = keys;
          entries.push({ path: keys, line: n, column: indent, offset: lineOffset + indent });
          continue;
        }
      }
      const kp = keyPrefix(rest);
      if (kp) {
        entries.push({ path: [...header, ...kp.keys], line: n, column: indent, offset: lineOffset + indent });
        i = indent + kp.length + 1;
      }
    }
    // Track strings and brackets in the rest of the line so continuation lines are not keys.
    for (; i < line.length; i++) {
      const ch = line[i];
      if (multi) {
        if (line.startsWith(multi, i)) {
          multi = undefined;
          i += 2;
        } else if (ch === '\\' && multi === '"""') i++;
        continue;
      }
      if (line.startsWith('"""', i) || line.startsWith("'''", i)) {
        multi = line.slice(i, i + 3);
        i += 2;
        continue;
      }
      if (ch === '#') break;
      if (ch === '"' || ch === "'") {
        let j = i + 1;
        while (j < line.length && line[j] !== ch) j += ch === '"' && line[j] === '\\' ? 2 : 1;
        i = j;
        continue;
      }
      if (ch === '[' || ch === '{') depth++;
      else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    }
  }
  return entries;
}

function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function samePrefix(prefix: readonly string[], path: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((k, i) => k === path[i]);
}

export class KeyLocator {
  private readonly entries: KeyEntry[];

  constructor(private readonly text: string) {
    this.entries = scan(text);
  }

  /**
   * The position of the key at `path` (e.g. ['tool', 'amlint', 'severity', 'AML999']). With
   * `needle`, the position of that string literal inside the key's value (an array element).
   * Falls back to the nearest enclosing key or table, then to line 1.
   */
  locate(path: readonly string[], needle?: string): TextPosition {
    let best: KeyEntry | undefined;
    let bestIndex = -1;
    this.entries.forEach((e, idx) => {
      if (samePrefix(e.path, path) && (!best || e.path.length > best.path.length)) {
        best = e;
        bestIndex = idx;
      }
    });
    if (!best) return { line: 1, column: 1 };
    const end = this.entries[bestIndex + 1]?.offset ?? this.text.length;
    let from = best.offset;
    // Keys below the entry: inside an inline table value or a sub-table's dotted keys.
    for (const key of path.slice(best.path.length)) {
      const re = new RegExp(`(^|[{,\\s])(["']?)${escapeRegExp(key)}\\2\\s*=`, 'gm');
      re.lastIndex = from;
      const m = re.exec(this.text);
      if (!m || m.index >= end) return positionOf(this.text, best.offset);
      from = m.index + m[1].length;
    }
    if (needle !== undefined) {
      const re = new RegExp(`(["'])${escapeRegExp(needle)}\\1`, 'g');
      re.lastIndex = from;
      const m = re.exec(this.text);
      if (m && m.index < end) return positionOf(this.text, m.index);
    }
    return positionOf(this.text, from);
  }
}
