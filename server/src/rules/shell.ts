/**
 * Shell code inside notebooks, as document lines: `!cmd` lines, `%pip`/`%conda` magics,
 * automagic `pip install`, and the bodies of `%%bash`/`%%sh`/`%%script` cells. The AML4xx and
 * AML5xx rules read these the same way they read shell scripts.
 */
import type { RuleContext } from './rule';

export interface ShellLine {
  cell?: number;
  line: number;
  /** Column of `text` in the document line. */
  character: number;
  text: string;
}

const SHELL_CELL_MAGICS = new Set(['bash', 'sh', 'script', 'system']);

export function notebookShellLines(ctx: RuleContext): ShellLine[] {
  if (ctx.module.origin !== 'notebook' || ctx.input.kind !== 'notebook') return [];
  const out: ShellLine[] = [];
  for (const cmd of ctx.source.commands) {
    const cell = cmd.location.cell;
    if (cell === undefined) continue;
    const isCellMagic = cmd.kind === 'cell-magic';
    if (isCellMagic && !SHELL_CELL_MAGICS.has(cmd.name)) continue;
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
