/**
 * The syntax tree the engine works on: a plain-JS copy of tree-sitter's tree.
 *
 * Why a copy (issue 7): every property read on a node-tree-sitter `SyntaxNode` crosses into
 * native code and marshals a node, ~1 µs each; the semantic model and the rules read millions
 * of them on a large file, and node-tree-sitter's `Tree.edit` must then update every node object
 * still alive. Copying the tree once with a `TreeCursor` (a few native calls per node) and
 * walking plain objects afterwards is several times faster, and in the editor the copy is
 * incremental: after an edit, only the top-level statements the edit touched are copied again;
 * the others are reused (shifted when they moved), so a keystroke in a 5,000-line file copies
 * a few dozen nodes, not fifty thousand.
 *
 * The class keeps the names of the node-tree-sitter API the engine uses (`type`, `text`,
 * `namedChildren`, `childForFieldName`, ...) with the same meaning; tests compare it with the
 * native tree node for node.
 */
import type { InputEdit, Tree } from './parser';

export interface Point {
  row: number;
  column: number;
}

/**
 * The text a tree was parsed from, shared by all nodes of one document's trees so reused
 * subtrees read the current text. Rows and columns are computed on demand from line starts.
 */
export class SourceText {
  private lineStarts: number[] | undefined;

  constructor(public text: string) {}

  update(text: string): void {
    this.text = text;
    this.lineStarts = undefined;
  }

  point(index: number): Point {
    if (!this.lineStarts) {
      const starts = [0];
      const t = this.text;
      for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { row: lo, column: index - starts[lo]! };
  }
}

/**
 * Where a top-level statement's subtree starts: its nodes store offsets relative to it, so a
 * statement that moved (text inserted before it) is shifted by one assignment, not node by node.
 */
export class Anchor {
  constructor(
    readonly source: SourceText,
    public offset: number,
  ) {}
}

let nextId = 1;

export class SyntaxNode {
  /** Unique per node object (identity within one analysis; reused nodes keep theirs). */
  readonly id = nextId++;
  parent: SyntaxNode | null = null;
  readonly children: SyntaxNode[] = [];
  /** Field name of each child (parallel to `children`), when any child has one. */
  fields: Array<string | undefined> | undefined;
  private named: SyntaxNode[] | undefined;

  constructor(
    readonly type: string,
    readonly isNamed: boolean,
    /** Offsets relative to `anchor`. */
    private readonly start: number,
    private readonly end: number,
    readonly anchor: Anchor,
    /** This node or a descendant is an ERROR or MISSING node. */
    public hasError: boolean,
  ) {}

  get startIndex(): number {
    return this.start + this.anchor.offset;
  }

  get endIndex(): number {
    return this.end + this.anchor.offset;
  }

  get source(): SourceText {
    return this.anchor.source;
  }

  get text(): string {
    const offset = this.anchor.offset;
    return this.anchor.source.text.slice(this.start + offset, this.end + offset);
  }

  get startPosition(): Point {
    return this.source.point(this.startIndex);
  }

  get endPosition(): Point {
    return this.source.point(this.endIndex);
  }

  get childCount(): number {
    return this.children.length;
  }

  get namedChildren(): SyntaxNode[] {
    return (this.named ??= this.children.filter((c) => c.isNamed));
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  child(i: number): SyntaxNode | null {
    return this.children[i] ?? null;
  }

  namedChild(i: number): SyntaxNode | null {
    return this.namedChildren[i] ?? null;
  }

  get firstChild(): SyntaxNode | null {
    return this.children[0] ?? null;
  }

  get lastChild(): SyntaxNode | null {
    return this.children[this.children.length - 1] ?? null;
  }

  get firstNamedChild(): SyntaxNode | null {
    return this.namedChildren[0] ?? null;
  }

  get lastNamedChild(): SyntaxNode | null {
    const named = this.namedChildren;
    return named[named.length - 1] ?? null;
  }

  private sibling(step: 1 | -1, named: boolean): SyntaxNode | null {
    const siblings = this.parent?.children;
    if (!siblings) return null;
    for (let i = siblings.indexOf(this) + step; i >= 0 && i < siblings.length; i += step) {
      if (!named || siblings[i]!.isNamed) return siblings[i]!;
    }
    return null;
  }

  get nextSibling(): SyntaxNode | null {
    return this.sibling(1, false);
  }

  get previousSibling(): SyntaxNode | null {
    return this.sibling(-1, false);
  }

  get nextNamedSibling(): SyntaxNode | null {
    return this.sibling(1, true);
  }

  get previousNamedSibling(): SyntaxNode | null {
    return this.sibling(-1, true);
  }

  /** The first child in field `name` (tree-sitter's `ts_node_child_by_field_name`). */
  childForFieldName(name: string): SyntaxNode | null {
    const fields = this.fields;
    if (!fields) return null;
    const i = fields.indexOf(name);
    return i < 0 ? null : this.children[i]!;
  }

  childrenForFieldName(name: string): SyntaxNode[] {
    const fields = this.fields;
    if (!fields) return [];
    return this.children.filter((_, i) => fields[i] === name);
  }

  /** Descendants (not this node) of the given type(s), in document order. */
  descendantsOfType(types: string | string[]): SyntaxNode[] {
    const wanted = typeof types === 'string' ? [types] : types;
    const out: SyntaxNode[] = [];
    const stack: SyntaxNode[] = [...this.children].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      if (wanted.includes(n.type)) out.push(n);
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
    return out;
  }

  /**
   * The smallest node (named or not) that spans `[start, end]`, as tree-sitter's
   * `ts_node_descendant_for_byte_range`: a child qualifies when it ends at or after `end`,
   * after `start`, and starts at or before `start`.
   */
  descendantForIndex(start: number, end = start): SyntaxNode {
    let node: SyntaxNode = this;
    for (;;) {
      const next: SyntaxNode | undefined = node.children.find((c) => c.endIndex >= end && c.endIndex > start && c.startIndex <= start);
      if (!next) return node;
      node = next;
    }
  }

  /** An S-expression of the named nodes with field names, as tree-sitter prints a tree. */
  toString(): string {
    const parts: string[] = [];
    const visit = (n: SyntaxNode, field: string | undefined): void => {
      parts.push(`${field ? `${field}: ` : ''}(${n.type}`);
      n.children.forEach((c, i) => {
        if (!c.isNamed) return;
        parts.push(' ');
        visit(c, n.fields?.[i]);
      });
      parts.push(')');
    };
    visit(this, undefined);
    return parts.join('');
  }
}

/** The engine's view of a parsed module. */
export interface SyntaxTree {
  rootNode: SyntaxNode;
}

/** The changed span of an edit, in the old and new text (as given to `Tree.edit`). */
export type TextEdit = Pick<InputEdit, 'startIndex' | 'oldEndIndex' | 'newEndIndex'>;

type Cursor = ReturnType<Tree['walk']>;

/**
 * Node types and field names by numeric id, filled as they are met: reading the id is one cheap
 * native call and the strings are then shared (interned) instead of created per node.
 */
const typeById: Array<[type: string, named: boolean] | undefined> = [];
const fieldById: Array<string | undefined> = [];

/**
 * The internalized copy of a string (the one V8 keeps for property names and literals), so
 * `node.type === 'identifier'` and the field lookups compare pointers, not characters: names
 * that come from native code are not internalized.
 */
function intern(name: string): string {
  return Object.keys({ [name]: 0 })[0]!;
}

/** `offset`: of the text the cursor's tree was parsed from, in the source. */
function copyNode(cursor: Cursor, anchor: Anchor, offset: number): SyntaxNode {
  const typeId = cursor.nodeTypeId;
  const known = (typeById[typeId] ??= [intern(cursor.nodeType), cursor.nodeIsNamed]);
  const start = cursor.startIndex + offset - anchor.offset;
  const end = cursor.endIndex + offset - anchor.offset;
  // ERROR nodes have their own type; MISSING nodes (inserted by error recovery) are zero-width.
  const error = known[0] === 'ERROR' || (start === end && cursor.nodeIsMissing);
  return new SyntaxNode(known[0], known[1], start, end, anchor, error);
}

/**
 * Copies the subtree at `cursor` (a top-level statement: it gets its own anchor), iteratively
 * (no recursion: a file nested thousands of levels deep is copied, and the walkers report it).
 * The cursor ends where it started.
 */
function copySubtree(cursor: Cursor, source: SourceText, offset = 0): SyntaxNode {
  const anchor = new Anchor(source, cursor.startIndex + offset);
  const top = copyNode(cursor, anchor, offset);
  if (!cursor.gotoFirstChild()) return top;
  const stack: SyntaxNode[] = [top];
  for (;;) {
    const parent = stack[stack.length - 1]!;
    const node = copyNode(cursor, anchor, offset);
    const fieldId = cursor.currentFieldId;
    if (fieldId) {
      const field = (fieldById[fieldId] ??= intern(cursor.currentFieldName));
      (parent.fields ??= new Array<string | undefined>(parent.children.length)).push(field);
    } else if (parent.fields) parent.fields.push(undefined);
    node.parent = parent;
    parent.children.push(node);
    if (node.hasError) parent.hasError = true;
    if (cursor.gotoFirstChild()) {
      stack.push(node);
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      cursor.gotoParent();
      const done = stack.pop()!;
      if (done.hasError && done.parent) done.parent.hasError = true;
      if (!stack.length) return top;
    }
  }
}

/**
 * The engine's tree for a tree-sitter tree of `text`. With `previous` (the tree of the text
 * before `edit`, whose tree-sitter tree was re-parsed incrementally into `native`), top-level
 * statements wholly before or after the edited span that parsed to the same extent and type
 * without errors are reused, not copied: their text is the same, so is their subtree. The
 * previous tree is consumed (its nodes move into the new one and read the new text).
 */
export function syntaxTree(native: Tree, text: string, previous?: { tree: SyntaxTree; edit: TextEdit }): SyntaxTree {
  const source = previous?.tree.rootNode.source ?? new SourceText(text);
  source.update(text);
  const cursor = native.walk();
  const root = copyNode(cursor, new Anchor(source, 0), 0);
  if (!cursor.gotoFirstChild()) return { rootNode: root };
  const old = new Map<number, SyntaxNode>();
  for (const c of previous?.tree.rootNode.children ?? []) old.set(c.startIndex, c);
  const edit = previous?.edit;
  const delta = edit ? edit.newEndIndex - edit.oldEndIndex : 0;
  do {
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    let node: SyntaxNode | undefined;
    if (edit) {
      const before = end <= edit.startIndex;
      const after = start >= edit.newEndIndex;
      const candidate = before ? old.get(start) : after ? old.get(start - delta) : undefined;
      if (candidate && !candidate.hasError && candidate.endIndex === (before ? end : end - delta) && candidate.type === (typeById[cursor.nodeTypeId]?.[0] ?? cursor.nodeType)) {
        node = candidate;
        if (after) node.anchor.offset += delta;
      }
    }
    node ??= copySubtree(cursor, source);
    node.parent = root;
    root.children.push(node);
    if (node.hasError) root.hasError = true;
  } while (cursor.gotoNextSibling());
  return { rootNode: root };
}

function lineStart(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

function lineEnd(text: string, index: number): number {
  const i = text.indexOf('\n', index);
  return i < 0 ? text.length : i;
}

/**
 * The tree after an edit, without re-parsing the whole module: only the top-level statements
 * around the edit (one more on each side, whole lines) are parsed again, on their own, and
 * spliced between the unchanged statements before and (shifted) after them.
 *
 * That is only the tree a full parse would give when the re-parsed span is self-contained, so
 * this returns undefined (the caller parses the module) unless: the span parses without an
 * error (an unclosed bracket or string, a dangling block header or a stray indent would change
 * how the following lines parse), the statements kept are error-free, and the span starts and
 * ends on top-level line boundaries. Python's grammar is line-based at the top level: an
 * error-free top-level statement that ends a line is followed by a fresh tokenizer state.
 *
 * `parse` parses a standalone text. `previous` is consumed (see syntaxTree).
 */
export function editedTree(
  previous: SyntaxTree,
  oldText: string,
  edit: TextEdit,
  newText: string,
  parse: (text: string) => Tree,
  /**
   * Called with the old statements of the re-parsed span and those that replace them (some the
   * same objects, kept), while the old ones still read the old text.
   */
  inspect?: (removed: readonly SyntaxNode[], added: readonly SyntaxNode[]) => void,
): SyntaxTree | undefined {
  const old = previous.rootNode.children;
  const n = old.length;
  if (!n || previous.rootNode.type !== 'module') return undefined;
  // The statements the edit touches, and one more on each side (an indent or dedent moves a
  // line into or out of the block before it; a deleted newline joins two statements).
  let lo = old.findIndex((c) => c.endIndex >= edit.startIndex);
  if (lo < 0) lo = n - 1;
  let hi = lo;
  while (hi + 1 < n && old[hi + 1]!.startIndex <= edit.oldEndIndex) hi++;
  lo = Math.max(0, lo - 1);
  hi = Math.min(n - 1, hi + 1);
  // Whole lines: statements after a `;` share a line with the one before.
  let start = Math.min(lineStart(oldText, old[lo]!.startIndex), lineStart(oldText, edit.startIndex));
  while (lo > 0 && old[lo - 1]!.endIndex > start) start = Math.min(start, lineStart(oldText, old[--lo]!.startIndex));
  let end = Math.max(lineEnd(oldText, old[hi]!.endIndex), lineEnd(oldText, edit.oldEndIndex));
  while (hi + 1 < n && old[hi + 1]!.startIndex < end) end = Math.max(end, lineEnd(oldText, old[++hi]!.endIndex));
  if (start > edit.startIndex || end < edit.oldEndIndex) return undefined;
  for (let i = 0; i < n; i++) {
    if (i === lo) i = hi;
    else if (old[i]!.hasError) return undefined;
  }
  const delta = edit.newEndIndex - edit.oldEndIndex;
  const span = parse(newText.slice(start, end + delta));
  const cursor = span.walk();
  if (cursor.currentNode.hasError) return undefined;
  const source = previous.rootNode.source;
  // The neighbours re-parsed with the edited statements usually come back the same (same
  // extent and type, hence same text): those keep their old nodes instead of a copy.
  const oldAt = new Map<number, SyntaxNode>();
  for (let i = lo; i <= hi; i++) oldAt.set(old[i]!.startIndex, old[i]!);
  const middle: SyntaxNode[] = [];
  const moved: SyntaxNode[] = [];
  if (cursor.gotoFirstChild()) {
    do {
      const s = cursor.startIndex + start;
      const e = cursor.endIndex + start;
      const beforeEdit = e <= edit.startIndex;
      const afterEdit = s >= edit.newEndIndex;
      const same = beforeEdit ? oldAt.get(s) : afterEdit ? oldAt.get(s - delta) : undefined;
      if (same && same.endIndex === (beforeEdit ? e : e - delta) && same.type === (typeById[cursor.nodeTypeId]?.[0] ?? cursor.nodeType)) {
        middle.push(same);
        if (afterEdit) moved.push(same);
      } else middle.push(copySubtree(cursor, source, start));
    } while (cursor.gotoNextSibling());
  }
  inspect?.(old.slice(lo, hi + 1), middle);
  source.update(newText);
  const children = [...old.slice(0, lo), ...middle, ...old.slice(hi + 1)];
  for (const m of moved) m.anchor.offset += delta;
  for (let i = hi + 1; i < n; i++) old[i]!.anchor.offset += delta;
  return moduleTree(children, source);
}

/** A module tree over `source` made of these top-level statements (their parent set to its root). */
export function moduleTree(children: readonly SyntaxNode[], source: SourceText): SyntaxTree {
  const end = source.text.length;
  const first = children[0];
  const root = new SyntaxNode('module', true, first ? first.startIndex : end, end, new Anchor(source, 0), false);
  for (const c of children) {
    c.parent = root;
    root.children.push(c);
  }
  return { rootNode: root };
}
