/**
 * Re-analysis of only what an edit can change (issue 7). Most keystrokes in a large script or
 * notebook land in code that has nothing to do with Azure ML: a pandas line, a comment, a
 * docstring, a helper function. Such an edit cannot change any finding, only move the ones
 * after it; the language server then shifts the previous findings instead of running the
 * semantic model and every rule over the whole module again.
 *
 * "Nothing to do with Azure ML" is the over-approximation the semantic model already relies on
 * to skip function bodies (see `bodyMatters` in semantic/model.ts), applied to the top-level
 * statements an edit changed, before and after the edit:
 *   - their text names no SDK binding of the module (`sdkNames`), they contain no import (at
 *     any depth) and none of the TEXT_TRIGGERS words (`amlint` suppression comments, `azureml`
 *     in a string, `get_ipython` shell lines...): so they make no reference, no SDK call, no use
 *     of an SDK binding, no SDK binding and no finding of a rule that reads text;
 *   - the module contains each word some rule tests the module text for (TEXT_TRIGGERS:
 *     `azureml`, ...) before the edit exactly when it does after;
 *   - they bind the same names at module level before and after (rules and fixes look at the
 *     module's bound names: `ml_client`, `__all__`, names an added import would shadow);
 *   - they contain no ERROR node (the statement splice guarantees that too).
 * Anything else (or a re-parse of the whole module) runs the rules as usual.
 */
import type { SyntaxNode, TextEdit } from './syntax';
import type { DocumentInput, Finding, Position, Range } from './types';
import { DATABRICKS_HEADER } from './textfiles';

/**
 * The comments that make a Databricks notebook exported as source: its header line (rules/shell.ts reads a module
 * that starts with it as one), its magic lines (`# MAGIC %pip install ...`, read by the AML4xx/AML5xx rules through
 * databricksShellLines) and its cell separators (which end a `%sh` cell). An edit of such a comment is never inert.
 */
const DATABRICKS_TRIGGERS = [DATABRICKS_HEADER, '# MAGIC', '# COMMAND'];

/** Binding targets: `x`, `x, (y, *z)`; not `a.b` or `a[i]` (those bind nothing). */
function targetNames(target: SyntaxNode | null, out: Set<string>): void {
  if (!target) return;
  if (target.type === 'identifier') out.add(target.text);
  else if (target.type !== 'attribute' && target.type !== 'subscript') for (const c of target.namedChildren) targetNames(c, out);
}

/**
 * The names the statements bind in the module scope, or undefined when that cannot be told
 * cheaply (imports, `match`, `global`, `del`: the edit then runs the rules).
 */
export function moduleBoundNames(statements: readonly SyntaxNode[]): Set<string> | undefined {
  const out = new Set<string>();
  const stack = [...statements];
  while (stack.length) {
    const n = stack.pop()!;
    switch (n.type) {
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
      case 'match_statement':
      case 'global_statement':
      case 'nonlocal_statement':
      case 'delete_statement':
        return undefined;
      case 'function_definition':
      case 'class_definition': {
        const name = n.childForFieldName('name');
        if (name) out.add(name.text);
        // A `global x` in a function body binds the module's x; an import inside may be an SDK's.
        if (n.descendantsOfType(['global_statement', 'import_statement', 'import_from_statement']).length) return undefined;
        continue;
      }
      case 'assignment':
      case 'augmented_assignment':
        targetNames(n.childForFieldName('left'), out);
        break;
      case 'for_statement':
        targetNames(n.childForFieldName('left'), out);
        break;
      case 'lambda':
      case 'list_comprehension':
      case 'set_comprehension':
      case 'dictionary_comprehension':
      case 'generator_expression':
        // Their own scope; only a walrus inside would bind here.
        if (n.descendantsOfType('named_expression').length) return undefined;
        continue;
      case 'named_expression':
        targetNames(n.childForFieldName('name'), out);
        break;
      case 'as_pattern':
        // `with f() as x`, `except E as e`
        targetNames(n.childForFieldName('alias'), out);
        break;
    }
    for (const c of n.children) stack.push(c);
  }
  return out;
}

/**
 * Words whose presence in a module's text decides what rules run or read (rules' `requires`,
 * `ctx.module.text.includes(...)`, suppression comments): a statement containing one is never
 * neutral, and an edit that changes whether the module contains one runs the rules. A test
 * checks that every such word in server/src/rules is covered.
 */
export const TEXT_TRIGGERS = [
  'azureml', 'azure.ai.ml', 'amlint', 'v1_legacy_mode', 'private_endpoint_config', 'allow_public_access_when_behind_vnet', 'get_ipython',
  // Shell commands a Python call runs (rules/shell.ts pythonShellLines: `os.system("az ml run submit-script ...")`):
  // the CLI v1 extension and its commands, which name no `azureml`.
  'az ml', 'azure-cli-ml', 'azure_cli_ml',
  ...DATABRICKS_TRIGGERS,
];

/** TEXT_TRIGGERS as matched: in text folded by triggerText (package names are case-insensitive: `AzureML-Core`). */
const FOLDED_TRIGGERS = TEXT_TRIGGERS.map((t) => t.toLowerCase());

/** Text as the trigger words are looked for in it: lower case, runs of blanks as one (`az  ml` is `az ml` to a shell). */
function triggerText(text: string): string {
  return text.toLowerCase().replace(/[ \t]+/g, ' ');
}

function hasTrigger(text: string): boolean {
  const folded = triggerText(text);
  return FOLDED_TRIGGERS.some((t) => folded.includes(t));
}

/**
 * The module contains each TEXT_TRIGGERS word after the edit exactly when it did before. Only
 * text around the edit can differ: neither the old nor the new text near it (the changed span
 * and a word's length either side) contains a trigger word, then every occurrence lies in the
 * unchanged text, the same in both: O(edit), not a scan of the module per keystroke. Else the
 * whole texts are compared.
 */
export function triggersKept(oldText: string, newText: string, edit: TextEdit): boolean {
  const reach = Math.max(...TEXT_TRIGGERS.map((t) => t.length)) - 1;
  const start = Math.max(0, edit.startIndex - reach);
  const near = [oldText.slice(start, edit.oldEndIndex + reach), newText.slice(start, edit.newEndIndex + reach)];
  if (!near.some(hasTrigger)) return true;
  // A trigger word near the edit: compare the whole texts.
  const [a, b] = [triggerText(oldText), triggerText(newText)];
  return FOLDED_TRIGGERS.every((t) => a.includes(t) === b.includes(t));
}

const IDENTIFIER = /[\p{L}\p{Nl}_][\p{L}\p{N}\p{M}_]*/gu;

/**
 * The statements' text names no SDK binding, has none of the TEXT_TRIGGERS words and no identifier
 * ending in `V1` (the collision fix's alias must be a fresh name). Imports were ruled out by
 * `moduleBoundNames`. A trigger word makes a statement a possible source of findings without naming an
 * SDK binding: `azureml` in a string (a package in `setup.py`'s `install_requires`, AML401),
 * `v1_legacy_mode=` (AML3xx), `get_ipython().system("az ml ...")` in a script exported from a notebook
 * (AML4xx/AML5xx, rules/shell.ts exportedShellLines), `os.system("az ml ...")` (pythonShellLines), `amlint` (a
 * suppression comment).
 */
export function sdkNeutral(texts: readonly string[], sdkNames: ReadonlySet<string>): boolean {
  for (const text of texts) {
    if (hasTrigger(text)) return false;
    // The collision fix picks the alias `<Name>V1` only when no identifier has that text.
    if (/V1(?![\p{L}\p{N}\p{M}_])/u.test(text)) return false;
    if (!sdkNames.size) continue;
    for (const m of text.matchAll(IDENTIFIER)) if (sdkNames.has(m[0])) return false;
  }
  return true;
}

/** What one statement splice replaced, for the decision above. */
export interface StatementChange {
  /** The changed span of the module text. */
  edit: TextEdit;
  /** Old statements: their text and module-bound names, taken before the old tree was consumed. */
  oldTexts: string[];
  oldBound: Set<string> | undefined;
  /** The statements that replaced them. */
  added: SyntaxNode[];
  /** The edit stayed inside one comment or docstring (see `insideInertToken`). */
  inert?: boolean;
  /**
   * An old statement had a syntax error: it may have been a line the rules read as text (a Databricks notebook's
   * bare `!az ml ...` line) that the edit turned into a comment, so its findings must go.
   */
  oldError?: boolean;
  /**
   * The module names AutoML (catalogue AUTOML_SCORING_WORD): it may be an AutoML scoring script, which catalogue isAutomlScoringScript tells
   * by its top-level `init` and `run` functions, so a statement binding either is never neutral there.
   */
  automlText?: boolean;
}

/**
 * The text no rule reads: a comment, or a docstring (a plain string that is a statement of its
 * own: no call, assignment or f-string reads it).
 */
function inertToken(node: SyntaxNode | null): SyntaxNode | undefined {
  for (let n = node; n; n = n.parent) {
    if (n.type === 'comment') return n;
    if (n.type === 'string') {
      const stmt = n.parent;
      const plain = !n.children.some((c) => c.type === 'interpolation');
      return plain && stmt?.type === 'expression_statement' && stmt.namedChildCount === 1 ? n : undefined;
    }
    if (n.type.endsWith('statement') || n.type === 'block' || n.type === 'module') return undefined;
  }
  return undefined;
}

/**
 * Text that makes a comment or docstring matter: `amlint` (a suppression comment), the Databricks comments, and
 * `azureml.automl` (catalogue isAutomlScoringScript reads the module text to classify an AutoML scoring script).
 */
const COMMENT_TRIGGERS = ['amlint', 'azureml.automl', ...DATABRICKS_TRIGGERS];

/**
 * The edit (old span `[start, oldEnd)`, new span `[start, newEnd)`) lies inside one comment or
 * docstring both before and after, and that token starts at the same offset and ends where it
 * did (moved by the edit): the text around it is unchanged, so the tree is the same but for
 * the token's content, which no rule reads. Neither version may contain `amlint` (a
 * suppression comment) or any other COMMENT_TRIGGERS word. Call while `oldStatement` still reads the old text.
 */
export function insideInertToken(oldStatement: SyntaxNode, newStatement: SyntaxNode, edit: TextEdit, newText: string): boolean {
  const before = inertToken(oldStatement.descendantForIndex(edit.startIndex, edit.oldEndIndex));
  const after = inertToken(newStatement.descendantForIndex(edit.startIndex, edit.newEndIndex));
  if (!before || !after || before.type !== after.type || before.startIndex !== after.startIndex) return false;
  if (before.endIndex + (edit.newEndIndex - edit.oldEndIndex) !== after.endIndex) return false;
  if (before.startIndex > edit.startIndex || before.endIndex < edit.oldEndIndex) return false;
  const read = (text: string): boolean => COMMENT_TRIGGERS.some((t) => text.includes(t));
  return !read(before.text) && !read(newText.slice(after.startIndex, after.endIndex));
}

export function neutralChange(change: StatementChange, sdkNames: ReadonlySet<string>): boolean {
  if (change.inert) return true;
  if (!change.oldBound || change.oldError || change.added.some((n) => n.hasError)) return false;
  const newBound = moduleBoundNames(change.added);
  if (!newBound || newBound.size !== change.oldBound.size || [...newBound].some((n) => !change.oldBound!.has(n))) return false;
  if (change.automlText && (newBound.has('init') || newBound.has('run'))) return false;
  return sdkNeutral(change.oldTexts, sdkNames) && sdkNeutral(change.added.map((n) => n.text), sdkNames);
}

// ---- moving findings ----------------------------------------------------------------------

/** The changed span between two texts: what lies between their common prefix and suffix. */
export function changedSpan(oldText: string, newText: string): TextEdit {
  // Equal 1 KiB blocks are skipped with one string comparison each (memcmp speed), then the
  // first difference is found character by character.
  const BLOCK = 1024;
  let start = 0;
  const max = Math.min(oldText.length, newText.length);
  while (start + BLOCK <= max && oldText.slice(start, start + BLOCK) === newText.slice(start, start + BLOCK)) start += BLOCK;
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  while (oldEnd - BLOCK >= start && newEnd - BLOCK >= start && oldText.slice(oldEnd - BLOCK, oldEnd) === newText.slice(newEnd - BLOCK, newEnd)) {
    oldEnd -= BLOCK;
    newEnd -= BLOCK;
  }
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { startIndex: start, oldEndIndex: oldEnd, newEndIndex: newEnd };
}


interface DocumentEdit {
  cell: number | undefined;
  start: Position;
  oldEnd: Position;
  newEnd: Position;
}

function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/**
 * The one contiguous text change between two versions of a document, in document coordinates;
 * undefined when more changed (several cells, cells added or removed, another kind), when a
 * line ending other than '\n' is involved (positions count '\r' lines too), or when a line break
 * is typed or deleted on the last line (findings cannot simply move then: see below).
 */
export function documentEdit(before: DocumentInput, after: DocumentInput): DocumentEdit | undefined {
  let cell: number | undefined;
  let a: string;
  let b: string;
  if (before.kind === 'python' && after.kind === 'python') {
    a = before.text;
    b = after.text;
  } else if (before.kind === 'notebook' && after.kind === 'notebook' && before.cells.length === after.cells.length) {
    for (let i = 0; i < after.cells.length; i++) {
      if (before.cells[i]!.kind !== after.cells[i]!.kind) return undefined;
      if (before.cells[i]!.text === after.cells[i]!.text) continue;
      if (cell !== undefined) return undefined;
      cell = i;
    }
    if (cell === undefined) return undefined;
    a = before.cells[cell]!.text;
    b = after.cells[cell]!.text;
  } else return undefined;
  if (a.includes('\r') || b.includes('\r')) return undefined;
  const { startIndex: start, oldEndIndex: oldEnd, newEndIndex: newEnd } = changedSpan(a, b);
  // A fix deleting the last statement of a file or cell takes the line break before it (fixes.ts
  // statementRemoval): a line break typed or deleted on the last line changes such a fix.
  if (!a.includes('\n', oldEnd) && (a.slice(start, oldEnd).includes('\n') || b.slice(start, newEnd).includes('\n'))) return undefined;
  return { cell, start: positionAt(a, start), oldEnd: positionAt(a, oldEnd), newEnd: positionAt(b, newEnd) };
}

function before(p: Position, q: Position): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}

/** A range moved by the edit, or undefined when it touches the edited text (ends included). */
function moved(r: Range, cell: number | undefined, e: DocumentEdit): Range | undefined {
  if (cell !== e.cell || before(r.end, e.start)) return r;
  if (!before(e.oldEnd, r.start)) return undefined;
  const shift = (p: Position): Position =>
    p.line === e.oldEnd.line ? { line: e.newEnd.line, character: e.newEnd.character + (p.character - e.oldEnd.character) } : { line: p.line + (e.newEnd.line - e.oldEnd.line), character: p.character };
  return { start: shift(r.start), end: shift(r.end) };
}

/**
 * The previous findings moved past the edit; undefined when a finding, a related location or
 * a fix's edit touches the edited text (it might read differently now).
 */
export function shiftFindings(findings: readonly Finding[], e: DocumentEdit): Finding[] | undefined {
  const out: Finding[] = [];
  for (const f of findings) {
    const range = moved(f.range, f.cell, e);
    if (!range) return undefined;
    const g: Finding = { ...f, range };
    if (f.related) {
      const related = [];
      for (const r of f.related) {
        const rr = moved(r.range, r.cell, e);
        if (!rr) return undefined;
        related.push({ ...r, range: rr });
      }
      g.related = related;
    }
    if (f.fixes) {
      const fixes = [];
      for (const fix of f.fixes) {
        const edits = [];
        for (const x of fix.edits) {
          const rr = moved(x.range, x.cell, e);
          if (!rr) return undefined;
          edits.push({ ...x, range: rr });
        }
        fixes.push({ ...fix, edits });
      }
      g.fixes = fixes;
    }
    out.push(g);
  }
  return out;
}
