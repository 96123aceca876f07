/**
 * `--format github`: GitHub Actions workflow commands, one line per finding, which GitHub
 * shows as annotations on the run and on the pull request's changed lines:
 *
 *   ::warning file=src/train.py,line=3,col=6,endLine=3,endColumn=34,title=AML101::message
 *
 * Escaping follows @actions/core: in the message `%`, `\r` and `\n` become `%25`, `%0D`,
 * `%0A`; in property values `:` and `,` also become `%3A` and `%2C`. Levels: error → `error`,
 * warning → `warning`, info and hint → `notice`.
 *
 * Notebook findings name their cell in the message (`cell 3, line 2, column 5: ...`) and are
 * annotated on the file without `line`: a cell-relative line does not address a line of the
 * notebook's JSON text, and a wrong line would be worse than none.
 */
import type { Severity } from '../engine';
import type { ReportedFile } from './report';

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(level: Severity | 'fatal'): 'error' | 'warning' | 'notice' {
  return level === 'error' || level === 'fatal' ? 'error' : level === 'warning' ? 'warning' : 'notice';
}

function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

export function formatGithub(files: readonly ReportedFile[]): string {
  let out = '';
  for (const file of files) {
    for (const { json, level } of file.messages) {
      const props: Array<[string, string]> = [['file', toPosix(file.displayPath)]];
      let message = json.message;
      if (json.cell !== undefined) {
        message = `cell ${json.cell}, line ${json.line}, column ${json.column}: ${message}`;
      } else if (!json.fatal) {
        props.push(['line', String(json.line)], ['col', String(json.column)]);
        if (json.endLine !== undefined) props.push(['endLine', String(json.endLine)]);
        if (json.endColumn !== undefined) props.push(['endColumn', String(json.endColumn)]);
      }
      props.push(['title', json.ruleId ?? (json.fatal ? 'amlint: file not linted' : 'amlint')]);
      const head = props.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',');
      out += `::${command(json.fatal ? 'fatal' : level)} ${head}::${escapeData(message)}\n`;
    }
  }
  return out;
}
