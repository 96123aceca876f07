/**
 * Building fixes: replacing nodes, adding the imports a rewrite needs (once, in the right
 * place), and finding or introducing one `ml_client`. A builder that cannot produce a correct
 * edit returns undefined: the finding is still reported, without a fix.
 */
import type { SyntaxNode } from '../engine/syntax';
import { sdkOf, type Binding } from '../engine/semantic/model';
import type { Range } from '../engine/types';
import type { SourceModule } from '../engine/source/types';
import { nodeRange, rangeContains, type ModuleEdit, type ModuleFix, type RuleContext } from './rule';

/** Arguments of a call: positional nodes and keyword value nodes; `splat` when `*a`/`**k` appear. */
export interface CallArgs {
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
  splat: boolean;
}

export function callArgs(call: SyntaxNode): CallArgs {
  const out: CallArgs = { positional: [], keywords: new Map(), splat: false };
  for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (a.type === 'comment') continue;
    if (a.type === 'keyword_argument') {
      const name = a.childForFieldName('name')?.text;
      const value = a.childForFieldName('value');
      if (name && value) out.keywords.set(name, value);
    } else if (a.type === 'list_splat' || a.type === 'dictionary_splat') out.splat = true;
    else out.positional.push(a);
  }
  return out;
}

/**
 * Maps a call's arguments onto a signature (parameter names in order). Undefined when an
 * argument is not in `accepted` (the builder cannot translate it) or the call uses splats.
 */
export function bindArgs(call: SyntaxNode, signature: string[], accepted: string[]): Map<string, SyntaxNode> | undefined {
  const args = callArgs(call);
  if (args.splat || args.positional.length > signature.length) return undefined;
  const out = new Map<string, SyntaxNode>();
  args.positional.forEach((node, i) => out.set(signature[i], node));
  for (const [k, v] of args.keywords) out.set(k, v);
  for (const k of out.keys()) if (!accepted.includes(k)) return undefined;
  return out;
}

/** The top-level statements of a module, without comments. */
function topLevel(root: SyntaxNode): SyntaxNode[] {
  return root.namedChildren.filter((c) => c.type !== 'comment');
}

function isDocstring(node: SyntaxNode): boolean {
  return node.type === 'expression_statement' && node.namedChildren.length === 1 && node.namedChildren[0].type === 'string';
}

/**
 * Where a fix adds imports, per module: the line of the first top-level import, else the line
 * after the docstring and `__future__` imports (undefined/-1 when no import can go there), and
 * its offset. Computed once per module: every fix of every finding asks, and computing
 * it walks the top-level statements and counts lines (was per call: quadratic in the size of
 * a file with many findings, about 40% of the time of a lint of a 5,000-line v1 script).
 */
const insertionPoints = new WeakMap<RuleContext['module'], { line: number | undefined; offset: number; statements?: number }>();

/**
 * Where added statements (the `ml_client = ...` line) go: after the run of top-level imports
 * that starts at the import insertion line (within one notebook cell), so that imports added by
 * a later pass, which go to the first import, stay above every statement.
 */
function statementLine(ctx: RuleContext, line: number): number {
  const stmts = topLevel(ctx.model.tree.rootNode);
  let i = stmts.findIndex((s) => s.startPosition.row >= line);
  const lines = ctx.module.lines;
  const cell = lines?.[line]?.cell;
  let end = line;
  const lineCount = lines ? lines.length : countLines(ctx.module.text);
  for (; i >= 0 && i < stmts.length; i++) {
    const st = stmts[i];
    if ((st.type !== 'import_statement' && st.type !== 'import_from_statement') || (lines && lines[st.startPosition.row]?.cell !== cell)) break;
    // The line after the import must exist in the same cell (else the insertion would join the next cell).
    const next = st.endPosition.row + 1;
    if (next >= lineCount || (lines && (lines[next].cell !== cell || lines[next].indent > 0))) break;
    end = next;
  }
  return end;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function insertionPoint(ctx: RuleContext): { line: number | undefined; offset: number; statements?: number } {
  // Keyed by the module (one per analysis, always with the same model and line map).
  let point = insertionPoints.get(ctx.module);
  if (!point) {
    const line = computeInsertionLine(ctx);
    let offset = -1;
    if (line !== undefined) {
      const text = ctx.module.text;
      offset = 0;
      for (let l = 0; l < line; l++) offset = text.indexOf('\n', offset) + 1;
    }
    point = { line, offset, statements: line === undefined ? undefined : statementLine(ctx, line) };
    insertionPoints.set(ctx.module, point);
  }
  return point;
}

function computeInsertionLine(ctx: RuleContext): number | undefined {
  const stmts = topLevel(ctx.model.tree.rootNode);
  const firstImport = stmts.find((s) => s.type === 'import_statement' || s.type === 'import_from_statement');
  let line: number;
  if (firstImport) line = firstImport.startPosition.row;
  else {
    let i = 0;
    while (i < stmts.length && (isDocstring(stmts[i]) || stmts[i].type === 'future_import_statement')) i++;
    line = i < stmts.length ? stmts[i].startPosition.row : (stmts.length ? stmts[stmts.length - 1].endPosition.row + 1 : 0);
  }
  // Not inside a dedented notebook cell: the inserted line would not line up.
  const ml = ctx.module.lines?.[line];
  if (ml && ml.indent > 0) return undefined;
  if (ctx.module.lines && line >= ctx.module.lines.length) return undefined;
  return line;
}

/** Per model (one per analysis): the module-level name bound once to a v2 `MLClient`, or ''. */
const mlClients = new WeakMap<RuleContext['model'], string>();

export function boundMlClient(ctx: RuleContext): string {
  let name = mlClients.get(ctx.model);
  if (name === undefined) {
    name = '';
    for (const [n, list] of ctx.model.moduleScope.bindings) {
      const b = list[list.length - 1];
      if (list.length === 1 && b.value?.kind === 'instance' && b.value.type === 'azure.ai.ml.MLClient' && sdkOf(b.value) === 'v2') {
        name = n;
        break;
      }
    }
    mlClients.set(ctx.model, name);
  }
  return name;
}

export class FixBuilder {
  private readonly edits: ModuleEdit[] = [];
  private readonly inserts: string[] = [];
  private failed = false;
  /** Set by `sameFixAs`: the v1 call or attribute whose fix this finding offers instead. */
  delegate?: SyntaxNode;

  /** `useAt`: the module offset of the code being rewritten (where added names must be bound). */
  constructor(private readonly ctx: RuleContext, private readonly useAt: number) {}

  replace(node: SyntaxNode | Range, text: string): this {
    const range = 'type' in node ? nodeRange(node) : node;
    this.edits.push({ range, newText: text });
    if (this.companions.length) this.companionsOf(range);
    return this;
  }

  /**
   * Edits in another module of the document that go with whichever edit of this fix rewrites `at`
   * (a notebook job and the `%%writefile` script it runs: however the job's edit reaches the fix, its
   * own finding's replacement or an edit merged into another one's, the script's edits come with it,
   * once each).
   */
  withCompanion(at: SyntaxNode, module: SourceModule, edits: ReadonlyArray<[SyntaxNode | Range, string]>): void {
    if (!this.companions.some((c) => c.at.id === at.id && c.module === module)) this.companions.push({ at, module, edits, done: false });
  }

  private readonly companions: Array<{ at: SyntaxNode; module: SourceModule; edits: ReadonlyArray<[SyntaxNode | Range, string]>; done: boolean }> = [];
  /** Per module (two `%%writefile` cells may write one file name): the companion edits made. */
  private readonly companionKeys = new Map<SourceModule, Set<string>>();

  private companionsOf(range: Range): void {
    for (const c of this.companions) {
      if (c.done || !rangeContains(range, nodeRange(c.at))) continue;
      c.done = true;
      for (const [n, t] of c.edits) {
        const r = 'type' in n ? nodeRange(n) : n;
        const key = `${JSON.stringify(r)}:${t}`;
        let made = this.companionKeys.get(c.module);
        if (!made) this.companionKeys.set(c.module, (made = new Set()));
        if (made.has(key)) continue;
        made.add(key);
        this.replaceIn(c.module, r, t);
      }
    }
  }

  /**
   * An edit in another module of the same document (`ctx.modules()`): a notebook's `%%writefile`
   * script edited with the cells that run it. Imports it needs are the caller's edits there too.
   */
  replaceIn(module: SourceModule, node: SyntaxNode | Range, text: string): this {
    if (module === this.ctx.module) return this.replace(node, text);
    this.edits.push({ range: 'type' in node ? nodeRange(node) : node, newText: text, module });
    return this;
  }

  /** The module line where new imports go: the first top-level import, else after the docstring and `__future__` imports. */
  private insertionLine(): number | undefined {
    return insertionPoint(this.ctx).line;
  }

  private insertionOffset(): number {
    return insertionPoint(this.ctx).offset;
  }

  /**
   * `name` is bound in a function (or class, lambda, comprehension) around the module offset `at` (default: the code
   * being rewritten): a local, a parameter or a loop variable there hides the module-level import of `qname` a fix
   * would add (`def f(json): ...` then `json.dumps(...)` reads the parameter; `for json in ...:` later in the
   * function makes it local everywhere in it). An import of the same thing there (`def f(): import mlflow`) is not.
   */
  hidden(name: string, qname: string, at: number = this.useAt): boolean {
    return this.ctx.model.scopes.some((s) => s.kind !== 'module' && s.node.startIndex <= at && at < s.node.endIndex && !s.globals?.has(name) &&
      (s.bindings.get(name) ?? []).some((b) => !(b.value?.kind === 'ref' && b.value.qname === qname)));
  }

  private moduleBinding(name: string, before: number): Binding | undefined {
    const list = this.ctx.model.moduleScope.bindings.get(name);
    return list?.filter((b) => b.start <= before).pop();
  }

  /**
   * Makes `name` from `module` available and returns the local name, adding
   * `from module import name` at the insertion point when it is not bound there yet.
   * Fails the fix when the name is bound to something else.
   */
  need(module: string, name: string): string {
    const at = this.insertionOffset();
    if (at < 0) {
      this.failed = true;
      return name;
    }
    const qname = `${module}.${name}`;
    if (this.hidden(name, qname)) this.failed = true;
    const all = this.ctx.model.moduleScope.bindings.get(name) ?? [];
    const same = all.every((b) => b.value?.kind === 'ref' && b.value.qname === qname);
    // Bound to something else somewhere in the module: adding an import would change it.
    if (!same) this.failed = true;
    // Already imported before the code that needs it.
    if (all.length && same && (this.moduleBinding(name, at) || all[0].start <= this.useAt)) return name;
    const line = module === name ? `import ${name}` : `from ${module} import ${name}`;
    if (!this.inserts.includes(line)) this.inserts.push(line);
    return name;
  }

  /** `import importlib.metadata`-style module import; returns the dotted name to use. */
  needModule(module: string): string {
    const top = module.split('.')[0];
    const at = this.insertionOffset();
    if (at < 0) {
      this.failed = true;
      return module;
    }
    const all = this.ctx.model.moduleScope.bindings.get(top) ?? [];
    if (all.some((b) => !(b.value?.kind === 'ref' && b.value.qname === top)) || this.hidden(top, top)) this.failed = true;
    const line = `import ${module}`;
    const already = this.ctx.model.imports.some((i) => i.statement.type === 'import_statement' && i.module === module && i.statement.startIndex <= Math.max(at, this.useAt) && i.names.some((n) => n.bound === top));
    if (!already && !this.inserts.includes(line)) this.inserts.push(line);
    return module;
  }

  /** The name of an `MLClient` bound in the module, or one introduced at the insertion point. */
  mlClient(): string {
    const bound = boundMlClient(this.ctx);
    if (bound) return bound;
    if (this.ctx.model.moduleScope.bindings.has('ml_client')) {
      this.failed = true;
      return 'ml_client';
    }
    const client = this.need('azure.ai.ml', 'MLClient');
    const cred = this.need('azure.identity', 'DefaultAzureCredential');
    const line = `ml_client = ${client}.from_config(credential=${cred}())`;
    if (!this.inserts.includes(line)) this.inserts.push(line);
    return 'ml_client';
  }

  /**
   * The name of the module's `MLClient` (the one `mlClient()` returns) when it is bound once,
   * at module level, before `at` (default: the code being rewritten; a fix offered on several
   * findings passes the statement it rewrites, so that each offers the same edits), to
   * `MLClient.from_config(credential=...)` with no other argument: a client of the default
   * config file's workspace, which a `Workspace.from_config()` there names too. Else undefined.
   */
  configClient(at: number = this.useAt): string | undefined {
    const name = boundMlClient(this.ctx);
    const b = name ? this.ctx.model.moduleScope.bindings.get(name)?.[0] : undefined;
    if (!b || b.kind !== 'assign' || b.start > at) return undefined;
    const assign = b.node.parent;
    if (assign?.type !== 'assignment' || assign.childForFieldName('left')?.id !== b.node.id || assign.parent?.type !== 'expression_statement' || assign.parent.parent?.type !== 'module') return undefined;
    const call = assign.childForFieldName('right');
    const fn = call?.type === 'call' ? call.childForFieldName('function') : undefined;
    if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'from_config') return undefined;
    const args = callArgs(call!);
    if (args.splat || args.positional.length || args.keywords.size !== 1 || !args.keywords.has('credential')) return undefined;
    return name;
  }

  /**
   * For a builder whose code only changes as part of another finding's rewrite (a v1
   * environment passed to a `ScriptRunConfig` that is rewritten with it): this finding offers
   * the fix of the v1 reference at `node` (a call or attribute the model resolves), provided
   * that fix edits this finding's code. Returns '' (the builder returns it as its text).
   */
  sameFixAs(node: SyntaxNode): string {
    this.delegate = node;
    return '';
  }

  /** Set by `removeStatement`: the fix's title; it deletes a statement instead of replacing the finding's code. */
  removal?: string;

  /**
   * The fix deletes `stmt` (a builder returns this method's result, ''): its lines, or `pass`
   * where a block would be left empty. No fix when other code shares its lines.
   */
  removeStatement(stmt: SyntaxNode, title: string): string {
    const edit = statementRemoval(this.ctx, stmt);
    if (!edit) this.failed = true;
    else this.edits.push(edit);
    this.removal = title;
    return '';
  }

  /** A statement added once after the module's imports (where the `ml_client` line goes). */
  addStatement(line: string): void {
    if (!this.inserts.includes(line)) this.inserts.push(line);
  }

  build(title: string, safety: ModuleFix['safety']): ModuleFix | undefined {
    if (this.failed || !this.edits.length) return undefined;
    // Overlaps are looked for within each module (another module's ranges are in its own coordinates).
    const modules = new Set(this.edits.map((e) => e.module));
    if ([...modules].some((m) => overlapping(this.edits.filter((e) => e.module === m)))) return undefined;
    const edits = [...this.edits];
    if (this.inserts.length) {
      const line = this.insertionLine();
      if (line === undefined) return undefined;
      // Imports at the first import, statements (the ml_client line) after the imports there, each once.
      const isImport = (l: string): boolean => l.startsWith('import ') || l.startsWith('from ');
      const imports = this.inserts.filter(isImport);
      const statements = this.inserts.filter((l) => !isImport(l));
      const at = insertionPoint(this.ctx).statements ?? line;
      const insert = (row: number, list: string[]): ModuleEdit => ({ range: { start: { line: row, character: 0 }, end: { line: row, character: 0 } }, newText: list.map((l) => `${l}\n`).join('') });
      if (at === line || !statements.length) edits.unshift(insert(line, [...imports, ...statements]));
      else edits.unshift(...(imports.length ? [insert(line, imports)] : []), insert(at, statements));
    }
    const kept = this.keptComments(edits);
    // (kept only where they fit: a comment line that would land inside another edit leaves the fix as it was)
    if (kept.length && !overlapping([...edits, ...kept].filter((e) => !e.module))) edits.push(...kept);
    return { title, safety, edits };
  }

  /**
   * The comments inside a replaced range that the replacement does not carry (`# compute_target="cpu"` between a
   * ScriptRunConfig's arguments, a note after one of them): each goes on its own line above the statement it was in,
   * at that statement's indentation, so a rewrite never drops what the user wrote. (Deleted code takes its comments.)
   */
  private keptComments(edits: ModuleEdit[]): ModuleEdit[] {
    const replaced = edits.filter((e) => !e.module && e.newText && beforePos(e.range.start, e.range.end));
    if (!replaced.length) return [];
    const root = this.ctx.model.tree.rootNode;
    let comments = commentsOf.get(root);
    if (!comments) commentsOf.set(root, (comments = root.descendantsOfType('comment')));
    const byRow = new Map<number, { indent: string; lines: string[] }>();
    for (const e of replaced) {
      for (const c of comments) {
        const r = nodeRange(c);
        if (beforePos(r.start, e.range.start) || beforePos(e.range.end, r.end) || e.newText.includes(c.text.trim())) continue;
        let stmt: SyntaxNode = c;
        while (stmt.parent && stmt.parent.type !== 'block' && stmt.parent.type !== 'module') stmt = stmt.parent;
        // (a comment line of its own inside the range: above the range's first line)
        const row = stmt === c ? e.range.start.line : stmt.startPosition.row;
        const indent = ' '.repeat(stmt === c ? 0 : stmt.startPosition.column);
        const at = byRow.get(row) ?? { indent, lines: [] };
        if (!at.lines.includes(c.text.trim())) at.lines.push(c.text.trim());
        byRow.set(row, at);
      }
    }
    return [...byRow].map(([row, { indent, lines }]) => ({ range: { start: { line: row, character: 0 }, end: { line: row, character: 0 } }, newText: lines.map((l) => `${indent}${l}\n`).join('') }));
  }
}

/** Per tree: its comments (keptComments runs once per fix built; the module's comments are scanned once). */
const commentsOf = new WeakMap<SyntaxNode, SyntaxNode[]>();

const beforePos = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);

/**
 * Two edits of one fix overlap (one inside the other: a rewrite of a call and of an argument of
 * it). Applied together they would garble the text, so such a fix is not offered; builders
 * fold nested rewrites into one edit. An insertion at the start of a replaced range is fine.
 */
function overlapping(edits: ModuleEdit[]): boolean {
  const empty = (r: Range): boolean => !beforePos(r.start, r.end);
  // By start; at one start, insertions first.
  const sorted = [...edits].sort((a, b) => (beforePos(a.range.start, b.range.start) ? -1 : beforePos(b.range.start, a.range.start) ? 1 : Number(!empty(a.range)) - Number(!empty(b.range))));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1].range;
    const cur = sorted[i].range;
    // cur starts before prev ends, and they are not two insertions / an insertion at a start.
    if (beforePos(cur.start, prev.end) && !(empty(prev) && empty(cur))) return true;
  }
  return false;
}

/**
 * In a notebook cell, would deleting module lines `row..endRow` leave a `%%magic` line as the
 * cell's first non-blank line? It would then become a cell magic and change what the whole cell
 * is (`%%file x.py` below an import turns the rest of the cell into a file). Found by fuzzing
 * (issue 8).
 */
function promotesCellMagic(ctx: RuleContext, row: number, endRow: number): boolean {
  const lines = ctx.module.lines;
  const first = lines?.[row];
  const last = lines?.[endRow];
  if (!first || !last || ctx.input.kind !== 'notebook') return false;
  const cellLines = (ctx.input.cells[first.cell]?.text ?? '').split(/\r\n|\r|\n/);
  // Above: only blank lines and cell magics (`%%time` runs its body as a cell of its own).
  if (cellLines.slice(0, first.line).some((l) => l.trim() && !/^\s*%%/.test(l))) return false;
  const next = cellLines.slice(last.line + 1).find((l) => l.trim());
  return next !== undefined && /^\s*%%/.test(next);
}

/**
 * Removing a whole statement: its lines when it stands alone, `pass` when a block would empty;
 * undefined when other code shares its lines.
 */
export function statementRemoval(ctx: RuleContext, stmt: SyntaxNode): ModuleEdit | undefined {
  const text = ctx.module.text;
  const lineStart = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
  const lineEndIdx = text.indexOf('\n', stmt.endIndex);
  const lineEnd = lineEndIdx < 0 ? text.length : lineEndIdx;
  const before = text.slice(lineStart, stmt.startIndex);
  const after = text.slice(stmt.endIndex, lineEnd);
  if (before.trim() || (after.trim() && !after.trim().startsWith('#'))) return undefined;
  const siblings = stmt.parent?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  if (stmt.parent?.type === 'block' && siblings.length === 1) return { range: nodeRange(stmt), newText: 'pass' };
  const row = stmt.startPosition.row;
  const endRow = stmt.endPosition.row;
  if (promotesCellMagic(ctx, row, endRow)) return { range: nodeRange(stmt), newText: 'pass' };
  // Delete the lines, newline included, unless the next line belongs to another notebook cell.
  const lines = ctx.module.lines;
  const sameCell = !lines || (lines[endRow + 1] !== undefined && lines[endRow + 1].cell === lines[row].cell);
  if (lineEndIdx >= 0 && sameCell) return { range: { start: { line: row, character: 0 }, end: { line: endRow + 1, character: 0 } }, newText: '' };
  // The last line of its cell (or of the file) after a line of the same cell: from the end of
  // that line, so the cell does not end with an empty line.
  if (row > 0 && (!lines || lines[row - 1]?.cell === lines[row].cell)) {
    const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const prevText = text.slice(prevStart, lineStart - 1).replace(/\r$/, '');
    return { range: { start: { line: row - 1, character: prevText.length }, end: nodeRange(stmt).end }, newText: '' };
  }
  return { range: { start: { line: row, character: 0 }, end: nodeRange(stmt).end }, newText: '' };
}

/** The call that a name was assigned from (`exp = Experiment(ws, "x")` → that call). */
export function definingCall(ctx: RuleContext, name: SyntaxNode): SyntaxNode | undefined {
  if (name.type !== 'identifier') return undefined;
  const b = ctx.model.resolveName(name.text, name);
  const assign = b?.node.parent;
  if (!b || b.kind !== 'assign' || assign?.type !== 'assignment' || assign.childForFieldName('left')?.id !== b.node.id) return undefined;
  const right = assign.childForFieldName('right');
  return right?.type === 'call' ? right : undefined;
}

/** A literal Python string/number node's text, or undefined for anything computed. */
export function literalText(node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'integer' || node.type === 'float') return node.text;
  if (node.type === 'string' && !node.descendantsOfType('interpolation').length) return node.text;
  return undefined;
}

/** The value of a plain string literal (no prefixes other than r/u, no escapes), or undefined. */
export function stringValue(node: SyntaxNode | undefined): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  const m = /^[rRuU]?("""|'''|"|')([\s\S]*)\1$/.exec(node.text);
  if (!m || m[2].includes('\\')) return undefined;
  return m[2];
}
