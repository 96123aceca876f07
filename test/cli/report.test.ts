/**
 * `amlint report`: the migration report. The HTML page is loaded in headless Chromium (Debian's
 * `chromium`, driven by playwright-core) and the numbers it shows are read from the DOM and
 * compared with the JSON output of `amlint --format json` on the same directory. The page
 * must not load anything from the network.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { amlint, write, type FileResult, type Message } from './helpers';

const CHROMIUM = '/usr/bin/chromium';

function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM)) return;
  // Debian's package; another test script may install it too (apt-get serialises on its lock).
  execFileSync('apt-get', ['update'], { stdio: 'ignore', timeout: 300_000 });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'ignore', timeout: 600_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is still missing after apt-get install chromium`);
}

/** The report's area of a rule code, written out independently of the implementation. */
function areaOf(code: string): string {
  const aml1: Record<string, string> = {
    AML100: 'imports', AML101: 'workspace', AML102: 'jobs', AML103: 'logging', AML104: 'environment', AML105: 'compute', AML106: 'datastore',
    AML107: 'data', AML108: 'model', AML109: 'deployment', AML110: 'pipeline', AML111: 'sweep', AML112: 'automl', AML113: 'other',
  };
  const family = code.slice(0, 4);
  return { AML0: 'mixing', AML2: 'no-v2-equivalent', AML3: 'network', AML4: 'dependencies', AML5: 'cli' }[family] ?? aml1[code] ?? 'other';
}

function countBy<T>(items: T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of items) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

function notebook(cells: string[]): string {
  return JSON.stringify({
    cells: [{ cell_type: 'markdown', metadata: {}, source: ['# Train <b>&amp;</b> "deploy"'] }, ...cells.map((text) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: text.split(/(?<=\n)/) }))],
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

/** A small repository with v1 code in every area family, blockers, fixable findings and a broken file. */
function makeRepo(dir: string): void {
  write(dir, 'src/train.py', [
    'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
    'from azureml.core.compute import ComputeTarget, AmlCompute',
    '',
    'ws = Workspace.from_config()',
    'env = Environment.from_conda_specification("env", "environment.yml")',
    'target = ComputeTarget(workspace=ws, name="cpu")',
    'src = ScriptRunConfig(source_directory=".", script="train.py", compute_target=target, environment=env)',
    'run = Experiment(ws, "exp").submit(src)',
    'run.wait_for_completion(show_output=True)',
    '',
  ].join('\n'));
  write(dir, 'src/pipeline.py', [
    'from azureml.core import Workspace',
    'from azureml.pipeline.core import Pipeline',
    'from azureml.pipeline.steps import PythonScriptStep',
    '',
    'ws = Workspace.from_config()',
    'step = PythonScriptStep(name="s", script_name="s.py")',
    'pipeline = Pipeline(workspace=ws, steps=[step])',
    'published = pipeline.publish(name="nightly")',
    '',
  ].join('\n'));
  write(dir, 'infra/create_ws.py', [
    'from azureml.core import Workspace',
    '',
    'ws = Workspace.create(name="w", subscription_id="s", resource_group="rg", v1_legacy_mode=True)',
    '',
  ].join('\n'));
  write(dir, 'src/mixed.py', 'from azureml.core import Workspace\nfrom azure.ai.ml.entities import Workspace\n\nws = Workspace(name="w")\n');
  write(dir, 'src/<odd> & "name".py', 'import azureml.core\n');
  write(dir, 'notebooks/explore.ipynb', notebook(['%pip install azureml-sdk\n', 'from azureml.core import Workspace, Dataset\nws = Workspace.from_config()\nds = Dataset.get_by_name(ws, "d")\n']));
  write(dir, 'requirements.txt', 'azureml-core==1.55\nazureml-pipeline\npandas\n');
  write(dir, 'scripts/deploy.sh', '#!/bin/sh\naz extension add -n azure-cli-ml\naz ml folder attach -w w -g rg\n');
  write(dir, 'clean.py', 'print("no azure here")\n');
  write(dir, 'binary.py', 'import azureml.core\0\0\0');
}

interface Metric {
  value: number;
  shown: string;
}
/** What the page shows, read from its DOM. */
interface DomCounts {
  total: number;
  files: number;
  findings: Metric;
  blockers: Metric;
  safe: Metric;
  suggestion: Metric;
  manual: Metric;
  areas: Record<string, number>;
  bars: Array<{ area: string; width: number; label: string; visible: boolean }>;
  fileRows: Record<string, number>;
  fileBars: Record<string, number>;
  fix: Record<string, number>;
  rules: Record<string, number>;
  blockerRows: string[];
  apis: Record<string, number>;
  notLinted: string[];
  order: string[];
  title: string;
  oddName: string[];
}

describe('cli: migration report', function () {
  this.timeout(120_000);
  let dir: string;
  let json: FileResult[];
  let findings: Array<Message & { file: string }>;
  let browser: Browser | undefined;

  before(async function () {
    this.timeout(900_000);
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-report-')));
    makeRepo(dir);
    json = JSON.parse(amlint(dir, ['--format', 'json']).stdout) as FileResult[];
    findings = json.flatMap((f) => f.messages.filter((m) => !m.fatal && m.ruleId).map((m) => ({ ...m, file: path.relative(dir, f.filePath).split(path.sep).join('/') })));
    ensureChromium();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the fixture covers blockers, every family and all three kinds of fixability', () => {
    const codes = new Set(findings.map((f) => f.ruleId!.slice(0, 4)));
    for (const family of ['AML0', 'AML1', 'AML2', 'AML3', 'AML4', 'AML5']) assert.ok(codes.has(family), `no ${family} finding in the fixture`);
    assert.ok(findings.some((f) => f.fix), 'a safe fix');
    assert.ok(findings.some((f) => !f.fix && f.suggestions), 'a suggestion');
    assert.ok(findings.some((f) => !f.fix && !f.suggestions), 'a manual one');
  });

  it('writes one self-contained HTML page whose counts in Chromium match the JSON results', async () => {
    const out = path.join(dir, 'out', 'report.html');
    const r = amlint(dir, ['report', '--output', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`wrote the migration report \\(${findings.length} findings, \\d+ blockers\\)`));
    const html = fs.readFileSync(out, 'utf8');
    assert.doesNotMatch(html, /<script|<link |src="http|url\(http|@import/i, 'nothing to load: no scripts, stylesheets or remote images');

    const page = await browser!.newPage();
    const requests: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith('file:') && !req.url().startsWith('data:')) requests.push(req.url());
    });
    await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });
    // Plain JavaScript run in the page (this project compiles without DOM types).
    const dom = (await page.evaluate(`(() => {
      const num = (el, attr = 'data-count') => Number(el?.getAttribute(attr));
      const all = (sel, key) => {
        const o = {};
        for (const el of Array.from(document.querySelectorAll(sel))) o[el.getAttribute(key)] = num(el);
        return o;
      };
      const metric = (m) => {
        const el = document.querySelector(\`[data-metric="\${m}"]\`);
        return { value: num(el, 'data-value'), shown: (el && el.querySelector('.n') ? el.querySelector('.n').innerText : '') };
      };
      const order = Array.from(document.querySelectorAll('section[id]')).map((s) => s.id);
      const bars = Array.from(document.querySelectorAll('#area-chart g.bar')).map((g) => ({
        area: g.getAttribute('data-area'),
        width: Number(g.querySelector('rect').getAttribute('width')),
        label: g.querySelector('text.value').textContent,
        visible: g.querySelector('rect').getBoundingClientRect().width > 0,
      }));
      return {
        total: num(document.body, 'data-total-findings'),
        files: num(document.body, 'data-total-files'),
        findings: metric('findings'),
        blockers: metric('blockers'),
        safe: metric('safe'),
        suggestion: metric('suggestion'),
        manual: metric('manual'),
        areas: all('#area-chart [data-area]', 'data-area'),
        bars,
        fileRows: all('#file-table tr[data-file]', 'data-file'),
        fileBars: all('#file-chart [data-chart-file]', 'data-chart-file'),
        fix: all('#fixability [data-fix]', 'data-fix'),
        rules: all('#rule-table tr[data-rule]', 'data-rule'),
        blockerRows: Array.from(document.querySelectorAll('#blocker-table tr[data-blocker]')).map((tr) => \`\${tr.getAttribute('data-file')}:\${tr.getAttribute('data-blocker')}\`),
        apis: all('#api-table tr[data-api]', 'data-api'),
        notLinted: Array.from(document.querySelectorAll('[data-not-linted]')).map((el) => el.getAttribute('data-not-linted')),
        order,
        title: document.title,
        oddName: Array.from(document.querySelectorAll('#file-table tr[data-file] code')).map((c) => c.innerText).filter((t) => t.includes('odd')),
      };
    })()`)) as DomCounts;
    await page.close();

    assert.deepEqual(requests, [], 'the page made network requests');
    assert.equal(dom.title, 'amlint migration report');
    assert.equal(dom.total, findings.length);
    assert.equal(dom.files, json.length);
    assert.deepEqual(dom.findings, { value: findings.length, shown: String(findings.length) });

    const blockers = findings.filter((f) => /^AML[23]/.test(f.ruleId!));
    assert.ok(blockers.length >= 2);
    assert.deepEqual(dom.blockers, { value: blockers.length, shown: String(blockers.length) });
    assert.deepEqual(dom.blockerRows.sort(), blockers.map((b) => `${b.file}:${b.ruleId}`).sort());
    assert.deepEqual(dom.order.slice(0, 3), ['summary', 'blockers', 'areas'], 'blockers come first, before usage by area');

    assert.deepEqual(dom.areas, countBy(findings, (f) => areaOf(f.ruleId!)));
    assert.equal(Object.values(dom.areas).reduce((a, b) => a + b, 0), findings.length);
    for (const b of dom.bars) {
      assert.ok(b.visible, `bar ${b.area} is drawn`);
      assert.equal(b.label, String(dom.areas[b.area]));
    }
    const maxArea = Math.max(...Object.values(dom.areas));
    const widest = dom.bars.find((b) => dom.areas[b.area] === maxArea)!;
    assert.ok(dom.bars.every((b) => b.width <= widest.width), 'bar lengths follow the counts');

    const perFile = countBy(findings, (f) => f.file);
    assert.deepEqual(dom.fileRows, perFile);
    assert.deepEqual(dom.fileBars, perFile, 'fewer than 25 files: all are charted');
    assert.deepEqual(dom.oddName, ['src/<odd> & "name".py'], 'file names are escaped, not interpreted');

    const safe = findings.filter((f) => f.fix).length;
    const suggestion = findings.filter((f) => !f.fix && f.suggestions?.length).length;
    assert.deepEqual(dom.fix, { safe, suggestion, manual: findings.length - safe - suggestion });
    assert.equal(dom.safe.value, safe);
    assert.equal(dom.suggestion.value, suggestion);
    assert.equal(dom.manual.value, findings.length - safe - suggestion);

    assert.deepEqual(dom.rules, countBy(findings, (f) => f.ruleId!));
    assert.deepEqual(dom.notLinted, ['binary.py']);
    assert.equal(dom.apis['azureml.core.Workspace.from_config'], findings.filter((f) => f.ruleId === 'AML101' && /Workspace\.from_config/.test(f.message)).length);
  });

  it('the top APIs name their v2 replacement and link to Microsoft Learn', async () => {
    const out = path.join(dir, 'apis.html');
    assert.equal(amlint(dir, ['report', '-o', out]).status, 0);
    const page = await browser!.newPage();
    await page.goto(pathToFileURL(out).href);
    const row = (await page.evaluate(`(() => {
      const tr = document.querySelector('#api-table tr[data-api="azureml.core.Workspace.from_config"]');
      return { text: tr.innerText, href: tr.querySelector('a').getAttribute('href') };
    })()`)) as { text: string; href: string | null };
    await page.close();
    assert.match(row.text, /azure\.ai\.ml\.MLClient\.from_config/);
    assert.match(row.href!, /^https:\/\/learn\.microsoft\.com\//);
  });

  it('--format markdown and --format json carry the same counts', () => {
    const md = amlint(dir, ['report', '--format', 'markdown']);
    assert.equal(md.status, 0, md.stderr);
    const blockers = findings.filter((f) => /^AML[23]/.test(f.ruleId!)).length;
    assert.match(md.stdout, new RegExp(`^\\*\\*${findings.length}\\*\\* v1 findings in \\*\\*${new Set(findings.map((f) => f.file)).size}\\*\\* of ${json.length} files · \\*\\*${blockers}\\*\\* blockers`, 'm'));
    assert.match(md.stdout, /^### Blockers \(\d+\)\n\n\| Rule \| File \| Where \| Finding \|/m);
    const data = JSON.parse(amlint(dir, ['report', '--format', 'json']).stdout) as { totals: { findings: number; blockers: number }; areas: Array<{ id: string; count: number }> };
    assert.equal(data.totals.findings, findings.length);
    assert.equal(data.totals.blockers, blockers);
    assert.deepEqual(Object.fromEntries(data.areas.map((a) => [a.id, a.count])), countBy(findings, (f) => areaOf(f.ruleId!)));
  });

  it('honours the configuration like a lint run, and ignores the baseline', () => {
    amlint(dir, ['--write-baseline']);
    assert.ok(fs.existsSync(path.join(dir, 'amlint-baseline.json')));
    assert.deepEqual(JSON.parse(amlint(dir, ['--format', 'json']).stdout).flatMap((f: FileResult) => f.messages.filter((m) => m.ruleId)), [], 'the baseline hides everything from lint runs');
    write(dir, 'pyproject.toml', '[tool.amlint]\nignore = ["AML4", "AML5"]\n');
    try {
      const data = JSON.parse(amlint(dir, ['report', '--format', 'json']).stdout) as { totals: { findings: number } };
      assert.equal(data.totals.findings, findings.filter((f) => !/^AML[45]/.test(f.ruleId!)).length);
      write(dir, 'pyproject.toml', '[tool.amlint]\nignore = ["AML9"]\n');
      const bad = amlint(dir, ['report', '--format', 'json']);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /pyproject\.toml:2:\d+: tool\.amlint\.ignore: unknown rule code or prefix 'AML9'/);
    } finally {
      fs.rmSync(path.join(dir, 'pyproject.toml'), { force: true });
      fs.rmSync(path.join(dir, 'amlint-baseline.json'), { force: true });
    }
  });
});
