/**
 * Shell code inside notebooks, as document lines: `!cmd` lines, `%pip`/`%conda` magics,
 * automagic `pip install`, the bodies of `%%bash`/`%%sh`/`%%script` cells, and of `%%writefile`
 * cells that write a shell script, Dockerfile or CI file. The AML4xx and
 * AML5xx rules read these the same way they read shell scripts.
 */
import { fileKindOf, type FileKind } from '../engine/textfiles';
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
  for (const cmd of ctx.source.commands) {
    const cell = cmd.location.cell;
    if (cell === undefined) continue;
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
    let row = body.row;
    let column = body.column;
    for (const piece of body.text.split(/(\r?\n|\\n)/)) {
      if (piece === '\\n') column += 2;
      else if (/^\r?\n$/.test(piece)) {
        row++;
        column = 0;
      } else {
        out.push({ line: row, character: column - prefix.length, text: prefix + piece });
        column += piece.length;
        prefix = '';
      }
    }
  }
  return out;
}

