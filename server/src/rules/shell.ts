/**
 * Shell code inside notebooks, as document lines: `!cmd` lines, `%pip`/`%conda` magics,
 * automagic `pip install`, the bodies of `%%bash`/`%%sh`/`%%script` cells, and of `%%writefile`
 * cells that write a shell script, Dockerfile or CI file; the same in notebooks exported to
 * scripts (`get_ipython().system(...)`) and in Databricks notebooks exported as source
 * (`# MAGIC %pip install ...`, `# MAGIC %sh` cells); and commands Python code runs from a string
 * (`os.system("pip install azureml-sdk")`, `subprocess.run("az ml ...", shell=True)`). The AML3xx, AML4xx and
 * AML5xx rules read these the same way they read shell scripts (`shellLinesOf`).
 */
import { DATABRICKS_HEADER, fileKindOf, type FileKind } from '../engine/textfiles';
import { AUTOMAGIC_RE } from '../engine/source/ipython';
import { toDocumentLocation } from '../engine/source';
import type { SyntaxNode } from '../engine/syntax';
import type { RuleContext } from './rule';

export interface ShellLine {
  cell?: number;
  line: number;
  /** Column of `text` in the document line. */
  character: number;
  text: string;
}

const SHELL_CELL_MAGICS = new Set(['bash', 'sh', 'script', 'system']);

/**
 * The kind of file a `%%writefile <target>` cell writes (`-a`/`--append` and quotes dropped), from its name
 * and, for YAML, its text (a conda environment, a CI pipeline): the cell is read as that file.
 */
export function writefileKind(cmd: { kind: string; name: string; args?: string; text: string }): FileKind | undefined {
  if (cmd.kind !== 'cell-magic' || cmd.name !== 'writefile') return undefined;
  const target = (cmd.args ?? '').replace(/^(?:(?:-a|--append)\s+)*/, '').replace(/^(["'])(.*)\1$/, '$2');
  return target ? fileKindOf(target, cmd.text) : undefined;
}

/** `%%writefile setup.sh` / `%%writefile Dockerfile` / `%%writefile .github/workflows/x.yml`: a script the notebook writes. */
function writesScript(cmd: Parameters<typeof writefileKind>[0]): boolean {
  const kind = writefileKind(cmd);
  return kind === 'shell' || kind === 'workflow';
}

export function notebookShellLines(ctx: RuleContext): ShellLine[] {
  if (ctx.module.origin !== 'notebook' || ctx.input.kind !== 'notebook') return [];
  const out: ShellLine[] = [];
  const shCells = databricksShCells(ctx, out);
  for (const cmd of ctx.source.commands) {
    const cell = cmd.location.cell;
    if (cell === undefined || shCells.has(cell)) continue;
    const isCellMagic = cmd.kind === 'cell-magic';
    if (isCellMagic && !SHELL_CELL_MAGICS.has(cmd.name) && !writesScript(cmd)) continue;
    if (cmd.kind === 'help') continue;
    // Lines as the source model counts them: a lone '\r' ends a line too (issue 8).
    const cellLines = (ctx.input.cells[cell]?.text ?? '').split(/\r\n|\r|\n/);
    cmd.text.split('\n').forEach((text, i) => {
      const line = cmd.location.range.start.line + (isCellMagic ? 1 : 0) + i;
      const docText = cellLines[line] ?? '';
      const from = i === 0 && !isCellMagic ? cmd.location.range.start.character : 0;
      const at = docText.indexOf(text.replace(/\r$/, ''), from);
      out.push({ cell, line, character: at < 0 ? from : at, text: text.replace(/\r$/, '') });
    });
  }
  return out;
}

/**
 * Databricks `%sh` cells of a notebook exported as `.ipynb` (a cell whose first line is `%sh`, which IPython does not
 * have): the text after `%sh` and every later line of the cell are shell lines, pushed to `out`. Returns those cells.
 */
function databricksShCells(ctx: RuleContext, out: ShellLine[]): Set<number> {
  const cells = new Set<number>();
  if (ctx.input.kind !== 'notebook') return cells;
  for (const cmd of ctx.source.commands) {
    const cell = cmd.location.cell;
    if (cell === undefined || cmd.kind !== 'line-magic' || cmd.name !== 'sh' || cmd.location.range.start.line !== 0 || cells.has(cell)) continue;
    cells.add(cell);
    const lines = (ctx.input.cells[cell]?.text ?? '').split(/\r\n|\r|\n/);
    const first = /^(\s*%sh\b\s*)(.*)$/.exec(lines[0] ?? '');
    if (first?.[2].trim()) out.push({ cell, line: 0, character: first[1].length, text: first[2] });
    lines.forEach((text, line) => {
      if (line > 0) out.push({ cell, line, character: 0, text });
    });
  }
  return cells;
}

/** The text of a string literal node (prefix and quotes removed) and where that text starts. */
export function literal(node: SyntaxNode | undefined): { text: string; row: number; column: number } | undefined {
  if (node?.type !== 'string') return undefined;
  const m = /^([A-Za-z]*)("""|\'\'\'|"|')([\s\S]*)\2$/.exec(node.text);
  if (!m || /[fF]/.test(m[1])) return undefined;
  const start = node.startPosition;
  return { text: m[3], row: start.row, column: start.column + m[1].length + m[2].length };
}

/**
 * Shell lines of a notebook exported to a script (`jupyter nbconvert --to script`):
 * `get_ipython().system('pip install ...')`, `get_ipython().run_line_magic('pip', 'install ...')`
 * and `get_ipython().run_cell_magic('bash', '', '...')`, as document lines (a `\\n` escape in the
 * string ends a line too).
 */
export function exportedShellLines(ctx: RuleContext): ShellLine[] {
  if (ctx.module.origin !== 'file' || !ctx.module.text.includes('get_ipython')) return [];
  const out: ShellLine[] = [];
  for (const { call, args } of ctx.model.calls) {
    const fn = /^get_ipython\(\)\.(system|getoutput|run_line_magic|run_cell_magic)$/.exec(call.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '');
    if (!fn) continue;
    const nodes = args.filter((a) => !a.keyword).map((a) => a.node);
    let body: ReturnType<typeof literal>;
    let prefix = '';
    if (fn[1] === 'system' || fn[1] === 'getoutput') body = literal(nodes[0]);
    else if (fn[1] === 'run_line_magic') {
      const name = literal(nodes[0])?.text ?? '';
      if (name !== 'pip' && name !== 'conda' && name !== 'system' && name !== 'sx') continue;
      body = literal(nodes[1]);
      if (name === 'pip' || name === 'conda') prefix = `${name} `;
    } else {
      if (!SHELL_CELL_MAGICS.has(literal(nodes[0])?.text ?? '')) continue;
      body = literal(nodes[2]);
    }
    if (!body) continue;
    stringLines(body).forEach((l, i) => out.push(i ? l : { ...l, character: l.character - prefix.length, text: prefix + l.text }));
  }
  return out;
}

const DATABRICKS_CELL = /^# COMMAND -{10}\s*$/;
const DATABRICKS_MAGIC = /^# MAGIC(?: |$)/;
/**
 * A `%pip`/`%conda` line magic or a `!` shell escape written bare in a Python cell of a Databricks source
 * notebook (public notebooks have them: `%pip install azure-ai-ml==1.12.0`, `!pip install ...`), and the
 * automagic form `pip install azureml-sdk==1.0.76` (ipython.ts AUTOMAGIC_RE: not `pip in x`, `pip is x`).
 */
const DATABRICKS_BARE_MAGIC = /^(\s*)(?:%(?:pip|conda)\s|!(?!=))/;
const DATABRICKS_BARE_AUTOMAGIC = new RegExp(`^(\\s*)${AUTOMAGIC_RE.source.slice(1)}`);

/** Whether offset `at` of the module text is inside a string literal (a docstring that shows an install). */
function inString(ctx: RuleContext, at: number): boolean {
  for (let n: SyntaxNode | null = ctx.model.tree.rootNode.descendantForIndex(at, at); n; n = n.parent) {
    if (n.type === 'string' || n.type === 'string_content') return true;
  }
  return false;
}

/**
 * Shell lines of a Databricks notebook exported as Python source: its cells are separated by
 * `# COMMAND ----------` lines and a magic cell is commented out line by line with `# MAGIC `.
 * The magic on a cell's first non-blank `# MAGIC` line says what the cell is: in a `%pip`/`%conda` cell each
 * `%pip`/`%conda` line is read as `pip ...`/`conda ...`; in a `%sh` cell, the text after `%sh` and every later
 * `# MAGIC` line of the cell are shell lines. A magic further down a cell of another kind is that cell's text
 * (`%pip install ...` shown in a `%md` cell), and other magics (`%md`, `%sql`, `%scala`, `%run`, `%fs`...) are
 * not shell. In Python cells, bare `%pip`/`%conda`/`!` lines and automagic `pip install ...` lines are read
 * too, unless they are inside a string literal.
 */
export function databricksShellLines(ctx: RuleContext): ShellLine[] {
  const text = ctx.module.text;
  if (ctx.module.origin !== 'file' || !text.startsWith(DATABRICKS_HEADER)) return [];
  const out: ShellLine[] = [];
  const PREFIX = '# MAGIC ';
  /** The magic of the current cell (from its first non-blank `# MAGIC` line; '' when that line has none). */
  let cellMagic: string | undefined;
  /** The current cell has a Python line. */
  let cellHasCode = false;
  const visit = (raw: string, line: number, lineStart: number): void => {
    if (DATABRICKS_CELL.test(raw)) {
      cellMagic = undefined;
      cellHasCode = false;
      return;
    }
    if (!DATABRICKS_MAGIC.test(raw)) {
      // A Python line: `# MAGIC` lines later in the same cell are comments of that code, not a magic cell.
      if (raw.trim() && !raw.trimStart().startsWith('#')) cellHasCode = true;
      const bare = DATABRICKS_BARE_MAGIC.exec(raw);
      const auto = bare ? undefined : DATABRICKS_BARE_AUTOMAGIC.exec(raw);
      const lead = (bare ?? auto)?.[1];
      if (lead === undefined || inString(ctx, lineStart + lead.length)) return;
      // `%pip install x` and `!pip install x` are read from the character after `%`/`!`.
      const from = lead.length + (bare ? 1 : 0);
      out.push({ line, character: from, text: raw.slice(from) });
      return;
    }
    // Databricks writes `# MAGIC` lines for magic cells only, never after code in the cell, nor inside a string.
    if (cellHasCode || inString(ctx, lineStart)) return;
    const body = raw.slice(PREFIX.length);
    const magic = /^(\s*)%(\w+)\b\s*/.exec(body);
    const pipLine = (): void => {
      // `%pip install x` is read as `pip install x`, starting at the `p` after `%`.
      if (magic) out.push({ line, character: PREFIX.length + magic[1].length + 1, text: body.slice(magic[1].length + 1) });
    };
    if (cellMagic === undefined) {
      if (!body.trim()) return;
      cellMagic = magic?.[2] ?? '';
      if (cellMagic === 'sh') {
        const rest = body.slice(magic![0].length);
        if (rest.trim()) out.push({ line, character: PREFIX.length + magic![0].length, text: rest });
      } else if (cellMagic === 'pip' || cellMagic === 'conda') pipLine();
      return;
    }
    if (cellMagic === 'sh') out.push({ line, character: PREFIX.length, text: body });
    else if ((cellMagic === 'pip' || cellMagic === 'conda') && (magic?.[2] === 'pip' || magic?.[2] === 'conda')) pipLine();
  };
  const breaks = /\r\n|\r|\n/g;
  let line = 0;
  let lineStart = 0;
  for (;;) {
    const br = breaks.exec(text);
    visit(text.slice(lineStart, br ? br.index : text.length), line, lineStart);
    if (!br) break;
    lineStart = br.index + br[0].length;
    line++;
  }
  return out;
}

/** Every shell line of the module: notebook magics and shell cells, exported notebooks, Databricks source notebooks, Python's shell calls. */
export function shellLinesOf(ctx: RuleContext): ShellLine[] {
  // Read once per module analysis: AML301, AML401, AML501 and AML502 all ask.
  let lines = shellLinesMemo.get(ctx.model);
  if (!lines) shellLinesMemo.set(ctx.model, (lines = [...notebookShellLines(ctx), ...exportedShellLines(ctx), ...databricksShellLines(ctx), ...pythonShellLines(ctx)]));
  return lines;
}

/**
 * Python's functions that run a command: a string is a shell command line (`os.system`, `os.popen`, `subprocess.getoutput`;
 * `subprocess.run("pip install ...", shell=True)`), a list the program and its arguments
 * (`subprocess.check_call([sys.executable, "-m", "pip", "install", "azureml-sdk"])`, AML401 pythonInstallList).
 */
export const PYTHON_SHELL_CALLS: ReadonlySet<string> = new Set([
  'os.system', 'os.popen',
  'subprocess.run', 'subprocess.call', 'subprocess.check_call', 'subprocess.check_output', 'subprocess.Popen',
  'subprocess.getoutput', 'subprocess.getstatusoutput',
]);

/** The command a call of PYTHON_SHELL_CALLS runs: its first positional argument, or `args=`/`cmd=`/`command=`. */
export function shellCommandArg(call: { callee?: { kind: string; qname?: string }; args: ReadonlyArray<{ node: SyntaxNode; keyword?: string }> }): SyntaxNode | undefined {
  if (call.callee?.kind !== 'ref' || !PYTHON_SHELL_CALLS.has(call.callee.qname ?? '')) return undefined;
  return (call.args.find((a) => a.keyword === 'args' || a.keyword === 'cmd' || a.keyword === 'command') ?? call.args.find((a) => !a.keyword))?.node;
}

/**
 * A command Python code runs as a string literal (PYTHON_SHELL_CALLS: `os.system("pip install azureml-sdk")`), as
 * document lines (a `\\n` escape or a line break in a triple-quoted string ends a line). Not an f-string, nor a
 * string built at run time.
 */
function pythonShellLines(ctx: RuleContext): ShellLine[] {
  if (!/\b(?:os|subprocess)\b/.test(ctx.module.text)) return [];
  // A line magic wrapping the call (`%time os.system("pip install ...")`) is read whole by notebookShellLines.
  const magicLines = new Set<string>();
  for (const cmd of ctx.source.commands) {
    if (cmd.kind === 'cell-magic' || cmd.kind === 'help') continue;
    for (let line = cmd.location.range.start.line; line <= cmd.location.range.end.line; line++) magicLines.add(`${cmd.location.cell}:${line}`);
  }
  const out: ShellLine[] = [];
  for (const call of ctx.model.calls) {
    const body = literal(shellCommandArg(call));
    if (!body) continue;
    for (const l of stringLines(body)) {
      const at = toDocumentLocation(ctx.module, { start: { line: l.line, character: l.character }, end: { line: l.line, character: l.character + l.text.length } });
      if (!magicLines.has(`${at.cell}:${at.range.start.line}`)) out.push({ cell: at.cell, line: at.range.start.line, character: at.range.start.character, text: l.text });
    }
  }
  return out;
}

/**
 * The lines of a string literal's text where they stand: a line break, or a `\\n` escape, ends a line (not an
 * escaped backslash before an `n`: Python's `"echo 'a\\npip install x'"` is one line).
 */
function stringLines(body: { text: string; row: number; column: number }): ShellLine[] {
  const out: ShellLine[] = [];
  const t = body.text;
  let row = body.row;
  let from = 0;
  let column = body.column;
  for (let i = 0; i < t.length; ) {
    const br = t[i] === '\n' ? 1 : t[i] === '\r' && t[i + 1] === '\n' ? 2 : 0;
    const escape = t[i] === '\\' ? t[i + 1] : undefined;
    if (!br && escape !== 'n') {
      i += escape === '\\' ? 2 : 1;
      continue;
    }
    out.push({ line: row, character: column, text: t.slice(from, i) });
    if (br) {
      row++;
      column = 0;
      i += br;
    } else {
      column += i - from + 2;
      i += 2;
    }
    from = i;
  }
  out.push({ line: row, character: column, text: t.slice(from) });
  return out;
}

const shellLinesMemo = new WeakMap<RuleContext['model'], ShellLine[]>();
