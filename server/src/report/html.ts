/**
 * The migration report as one self-contained HTML page: inline CSS and SVG only, no scripts,
 * no fonts, no images from the network. A Content-Security-Policy forbids any load, so the
 * page looks the same offline, in a CI artifact or attached to a ticket.
 *
 * Elements carry data attributes with the numbers they show (`data-metric`, `data-area`,
 * `data-file`, `data-api`, `data-fix`, `data-rule`, `data-blocker`), so tests and scripts can
 * read them without parsing text.
 */
import type { ReportData } from './model';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const e = escapeHtml;

function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${e(String(v))}"`)
    .join('');
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function safeUrl(url: string): string | undefined {
  return /^https?:\/\//.test(url) ? url : undefined;
}

function link(url: string, text: string): string {
  const u = safeUrl(url);
  return u ? `<a href="${e(u)}" rel="noopener noreferrer">${e(text)}</a>` : e(text);
}

interface Bar {
  label: string;
  value: number;
  attrs: Record<string, string | number | undefined>;
  className?: string;
}

/** A horizontal bar chart in inline SVG. */
function barChart(title: string, bars: Bar[], id: string): string {
  if (!bars.length) return '';
  const rowH = 26;
  const labelW = 300;
  const barMax = 380;
  const width = labelW + barMax + 70;
  const height = bars.length * rowH + 8;
  const max = Math.max(...bars.map((b) => b.value), 1);
  const rows = bars
    .map((b, i) => {
      const y = 4 + i * rowH;
      const w = Math.max(2, Math.round((b.value / max) * barMax));
      const label = b.label.length > 44 ? `…${b.label.slice(-43)}` : b.label;
      return (
        `<g class="bar ${b.className ?? ''}"${attrs({ ...b.attrs, 'data-count': b.value })}>` +
        `<title>${e(b.label)}: ${b.value}</title>` +
        `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end" class="label">${e(label)}</text>` +
        `<rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 8}" rx="3"></rect>` +
        `<text x="${labelW + w + 6}" y="${y + 17}" class="value">${b.value}</text>` +
        `</g>`
      );
    })
    .join('');
  return `<svg id="${e(id)}" class="chart" role="img" aria-label="${e(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${rows}</svg>`;
}

/** One stacked bar for safe / suggestion / manual. */
function fixChart(d: ReportData): string {
  const total = d.fixability.safe + d.fixability.suggestion + d.fixability.manual;
  const width = 720;
  let x = 0;
  const parts = (['safe', 'suggestion', 'manual'] as const)
    .map((k) => {
      const n = d.fixability[k];
      const w = total ? (n / total) * width : 0;
      const seg = `<rect class="fix-${k}" x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="28"${attrs({ 'data-fix-segment': k, 'data-count': n })}><title>${k}: ${n}</title></rect>`;
      x += w;
      return seg;
    })
    .join('');
  return `<svg class="chart stacked" role="img" aria-label="Fixability" viewBox="0 0 ${width} 28" width="${width}" height="28" xmlns="http://www.w3.org/2000/svg">${parts}</svg>`;
}

const CSS = `
:root { --fg:#1b1f24; --muted:#57606a; --bg:#ffffff; --card:#f6f8fa; --line:#d0d7de; --bar:#0969da; --block:#cf222e; --safe:#1a7f37; --sugg:#9a6700; --manual:#8c959f; --link:#0969da; }
@media (prefers-color-scheme: dark) { :root { --fg:#e6edf3; --muted:#9198a1; --bg:#0d1117; --card:#161b22; --line:#30363d; --bar:#4493f8; --block:#f85149; --safe:#3fb950; --sugg:#d29922; --manual:#6e7681; --link:#4493f8; } }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
p.meta, .muted { color: var(--muted); }
a { color: var(--link); }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--card); padding: 1px 4px; border-radius: 4px; word-break: break-all; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 12px; margin: 16px 0; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px; }
.card .n { display: block; font-size: 26px; font-weight: 600; }
.card.blocker .n { color: var(--block); } .card.safe .n { color: var(--safe); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--card); font-weight: 600; } td.num, th.num { text-align: right; white-space: nowrap; }
svg.chart { max-width: 100%; height: auto; display: block; margin: 8px 0; }
svg.chart text { fill: var(--fg); font: 12px system-ui, sans-serif; } svg.chart text.value { fill: var(--muted); }
svg.chart rect { fill: var(--bar); } svg.chart g.blocker rect { fill: var(--block); }
rect.fix-safe { fill: var(--safe) !important; } rect.fix-suggestion { fill: var(--sugg) !important; } rect.fix-manual { fill: var(--manual) !important; }
.legend span { display: inline-block; margin-right: 16px; } .legend i { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.tag { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 10px; border: 1px solid var(--line); color: var(--muted); }
.tag.blocker { color: var(--block); border-color: var(--block); }
.ok { color: var(--safe); }
#file-table td:first-child, #api-table td:first-child { width: 38%; } #blocker-table td:nth-child(2) { width: 28%; } #blocker-table td:first-child { width: 14%; }
code { word-break: normal; overflow-wrap: anywhere; }
details summary { cursor: pointer; color: var(--link); margin: 8px 0; }
@media print { details { display: block; } body { max-width: none; } }
`;

export function renderHtml(d: ReportData): string {
  const t = d.totals;
  const card = (metric: string, value: number, label: string, cls = ''): string =>
    `<div class="card ${cls}"${attrs({ 'data-metric': metric, 'data-value': value })}><span class="n">${value}</span>${e(label)}</div>`;

  const blockers = d.blockers.length
    ? `<table id="blocker-table"><thead><tr><th>Rule</th><th>Where</th><th>What</th></tr></thead><tbody>${d.blockers
        .map(
          (b) =>
            `<tr${attrs({ 'data-blocker': b.code, 'data-file': b.path })}><td>${link(b.doc, b.code)}<br><span class="muted">${e(b.name)}</span></td>` +
            `<td><code>${e(b.path)}</code><br><span class="muted">${b.cell !== undefined ? `cell ${b.cell}, ` : ''}line ${b.line}, column ${b.column}</span></td>` +
            `<td>${e(b.message)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p class="ok" id="no-blockers">No blockers: every v1 feature found has a v2 equivalent, and no network-isolation settings need attention.</p>';

  const areaBars: Bar[] = d.areas.map((a) => ({ label: `${a.label} (${a.codes})`, value: a.count, attrs: { 'data-area': a.id }, className: a.blocker ? 'blocker' : '' }));
  const topFiles = d.files.slice(0, 25);
  const fileBars: Bar[] = topFiles.map((f) => ({ label: f.path, value: f.count, attrs: { 'data-chart-file': f.path }, className: f.blockers ? 'blocker' : '' }));
  const fileTable = `<table id="file-table"><thead><tr><th>File</th><th class="num">Findings</th><th class="num">Blockers</th><th class="num">Auto-fixable</th><th>Areas</th></tr></thead><tbody>${d.files
    .map(
      (f) =>
        `<tr${attrs({ 'data-file': f.path, 'data-count': f.count, 'data-blockers': f.blockers, 'data-safe': f.safe })}><td><code>${e(f.path)}</code></td><td class="num">${f.count}</td><td class="num">${f.blockers}</td><td class="num">${f.safe}</td>` +
        `<td>${Object.entries(f.areas)
          .sort((a, b) => b[1] - a[1])
          .map(([id, n]) => `<span class="tag">${e(d.areas.find((a) => a.id === id)?.label ?? id)} ${n}</span>`)
          .join(' ')}</td></tr>`,
    )
    .join('')}</tbody></table>`;

  const apiRows = d.apis.slice(0, 50);
  const apis = apiRows.length
    ? `<table id="api-table"><thead><tr><th>SDK v1 API</th><th class="num">Uses</th><th class="num">Files</th><th>Rule</th><th>SDK v2 replacement</th><th>Docs</th></tr></thead><tbody>${apiRows
        .map(
          (a) =>
            `<tr${attrs({ 'data-api': a.symbol, 'data-count': a.count })}><td><code>${e(a.symbol)}</code></td><td class="num">${a.count}</td><td class="num">${a.files}</td>` +
            `<td>${a.codes.map((c) => e(c)).join(', ')}</td>` +
            `<td>${a.v2 ? `<code>${e(a.v2)}</code>` : `<span class="muted">${a.kind === 'no-v2-equivalent' ? 'no v2 equivalent' : 'see docs'}</span>`}</td>` +
            `<td>${link(a.doc, 'Microsoft Learn')}</td></tr>`,
        )
        .join('')}</tbody></table>${d.apis.length > apiRows.length ? `<p class="muted">${d.apis.length - apiRows.length} more APIs are used; see the JSON report (<code>amlint report --format json</code>).</p>` : ''}`
    : '<p class="muted">No findings name a v1 API.</p>';

  const rules = `<table id="rule-table"><thead><tr><th>Rule</th><th>Name</th><th class="num">Findings</th><th class="num">Auto-fixable</th></tr></thead><tbody>${d.rules
    .map(
      (r) =>
        `<tr${attrs({ 'data-rule': r.code, 'data-count': r.count })}><td>${link(r.doc, r.code)}${r.blocker ? ' <span class="tag blocker">blocker</span>' : ''}</td><td>${e(r.name)}</td><td class="num">${r.count}</td><td class="num">${r.safe}</td></tr>`,
    )
    .join('')}</tbody></table>`;

  const notLinted = d.notLinted.length
    ? `<section id="not-linted"><h2>Files that could not be linted (${d.notLinted.length})</h2><table><tbody>${d.notLinted
        .map((n) => `<tr${attrs({ 'data-not-linted': n.path })}><td><code>${e(n.path)}</code></td><td>${e(n.message)}</td></tr>`)
        .join('')}</tbody></table></section>`
    : '';

  const body =
    `<header><h1>Azure ML SDK v1 → v2 migration report</h1>` +
    `<p class="meta">${e(d.scope.join(' '))} · ${plural(t.files, 'file')} linted · amlint ${e(d.tool.version)} · <time datetime="${e(d.generated)}">${e(d.generated.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))}</time></p></header>` +
    `<section id="summary" class="cards">` +
    card('findings', t.findings, 'v1 findings') +
    card('files-with-findings', t.filesWithFindings, `of ${t.files} files use SDK v1`) +
    card('blockers', t.blockers, 'blockers', t.blockers ? 'blocker' : '') +
    card('safe', d.fixability.safe, 'auto-fixable (amlint --fix)', 'safe') +
    card('suggestion', d.fixability.suggestion, 'with a suggested rewrite') +
    card('manual', d.fixability.manual, 'to migrate by hand') +
    `</section>` +
    `<section id="blockers"><h2>Blockers first (${t.blockers})</h2><p class="muted">AML2xx: v1 features with no full v2 equivalent. AML3xx: network isolation (private endpoints, <code>v1_legacy_mode</code>), which can block SDK v2 entirely. Plan these before the rest.</p>${blockers}</section>` +
    `<section id="areas"><h2>v1 usage by area</h2>${barChart('Findings by area', areaBars, 'area-chart') || '<p class="ok">No SDK v1 usage found.</p>'}</section>` +
    `<section id="fixability"><h2>What can be fixed automatically</h2>${fixChart(d)}<p class="legend">` +
    `<span${attrs({ 'data-fix': 'safe', 'data-count': d.fixability.safe })}><i style="background:var(--safe)"></i>${d.fixability.safe} auto-fixable: <code>amlint --fix</code> rewrites them safely</span>` +
    `<span${attrs({ 'data-fix': 'suggestion', 'data-count': d.fixability.suggestion })}><i style="background:var(--sugg)"></i>${d.fixability.suggestion} suggestion: a rewrite to review (<code>--unsafe-fixes</code> or the editor's quick fix)</span>` +
    `<span${attrs({ 'data-fix': 'manual', 'data-count': d.fixability.manual })}><i style="background:var(--manual)"></i>${d.fixability.manual} manual</span></p></section>` +
    `<section id="files"><h2>v1 usage by file (${t.filesWithFindings})</h2>${barChart('Findings by file', fileBars, 'file-chart')}` +
    (d.files.length ? `<details${d.files.length <= 25 ? ' open' : ''}><summary>All ${plural(d.files.length, 'file')} with findings</summary>${fileTable}</details>` : '') +
    `</section>` +
    `<section id="apis"><h2>Top v1 APIs and their v2 replacements</h2>${apis}</section>` +
    `<section id="rules"><h2>Findings by rule</h2>${rules}</section>` +
    notLinted +
    `<footer><p class="muted">Counts are the findings <code>amlint --format json</code> reports for the same paths and configuration (baselines do not apply to the report). ` +
    `Rule documentation: <code>amlint --explain CODE</code>.</p></footer>`;

  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<meta name="generator" content="amlint ${e(d.tool.version)}">` +
    '<title>amlint migration report</title>' +
    `<style>${CSS}</style></head>\n<body${attrs({ 'data-report': 'amlint', 'data-total-findings': t.findings, 'data-total-files': t.files })}>\n${body}\n</body></html>\n`
  );
}
