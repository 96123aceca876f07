/**
 * The migration report as GitHub-flavoured Markdown, short enough for a pull-request comment:
 * summary, blockers, usage by area, top v1 APIs with their v2 replacements, files.
 */
import type { ReportData } from './model';

/** Escapes text for a Markdown table cell (pipes, line breaks, HTML, emphasis markers). */
export function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[*_~[\]]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

function code(s: string): string {
  const ticks = s.includes('`') ? '``' : '`';
  return `${ticks}${s.replace(/\|/g, '\\|')}${ticks}`;
}

function bar(n: number, max: number): string {
  const w = max ? Math.max(1, Math.round((n / max) * 20)) : 0;
  return '█'.repeat(w);
}

export function renderMarkdown(d: ReportData, limits = { apis: 20, files: 20, blockers: 50 }): string {
  const t = d.totals;
  const lines: string[] = [];
  lines.push('## Azure ML SDK v1 → v2 migration report', '');
  lines.push(
    `**${t.findings}** v1 findings in **${t.filesWithFindings}** of ${t.files} files · **${t.blockers}** blockers · ` +
      `**${d.fixability.safe}** auto-fixable (\`amlint --fix\`), ${d.fixability.suggestion} with a suggested rewrite, ${d.fixability.manual} manual`,
    '',
  );

  lines.push(`### Blockers (${t.blockers})`, '');
  if (!d.blockers.length) {
    lines.push('None: every v1 feature found has a v2 equivalent, and no network-isolation settings need attention.', '');
  } else {
    lines.push('| Rule | File | Where | Finding |', '|---|---|---|---|');
    for (const b of d.blockers.slice(0, limits.blockers)) {
      lines.push(`| [${b.code}](${b.doc}) | ${code(b.path)} | ${b.cell !== undefined ? `cell ${b.cell}, ` : ''}${b.line}:${b.column} | ${cell(b.message)} |`);
    }
    if (d.blockers.length > limits.blockers) lines.push('', `…and ${d.blockers.length - limits.blockers} more.`);
    lines.push('');
  }

  lines.push('### v1 usage by area', '');
  if (!d.areas.length) lines.push('No SDK v1 usage found.', '');
  else {
    const max = Math.max(...d.areas.map((a) => a.count));
    lines.push('| Area | Rules | Findings | Files | |', '|---|---|---:|---:|---|');
    for (const a of d.areas) lines.push(`| ${cell(a.label)}${a.blocker ? ' (blocker)' : ''} | ${a.codes} | ${a.count} | ${a.files} | ${bar(a.count, max)} |`);
    lines.push('');
  }

  if (d.apis.length) {
    lines.push('### Top v1 APIs', '');
    lines.push('| SDK v1 API | Uses | SDK v2 replacement | Docs |', '|---|---:|---|---|');
    for (const a of d.apis.slice(0, limits.apis)) {
      lines.push(`| ${code(a.symbol)} | ${a.count} | ${a.v2 ? code(a.v2) : a.kind === 'no-v2-equivalent' ? 'no v2 equivalent' : 'see docs'} | [Learn](${a.doc}) |`);
    }
    if (d.apis.length > limits.apis) lines.push('', `…and ${d.apis.length - limits.apis} more APIs.`);
    lines.push('');
  }

  if (d.files.length) {
    lines.push('<details><summary>Files with findings</summary>', '');
    lines.push('| File | Findings | Blockers | Auto-fixable |', '|---|---:|---:|---:|');
    for (const f of d.files.slice(0, limits.files)) lines.push(`| ${code(f.path)} | ${f.count} | ${f.blockers} | ${f.safe} |`);
    if (d.files.length > limits.files) lines.push('', `…and ${d.files.length - limits.files} more files.`);
    lines.push('', '</details>', '');
  }

  if (d.notLinted.length) {
    lines.push(`### Files that could not be linted (${d.notLinted.length})`, '');
    for (const n of d.notLinted) lines.push(`- ${code(n.path)}: ${cell(n.message)}`);
    lines.push('');
  }
  lines.push(`<sub>amlint ${d.tool.version} · ${d.generated}</sub>`, '');
  return lines.join('\n');
}
