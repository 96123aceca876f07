#!/usr/bin/env node
// End-to-end test of the installed amlint extension in real VS Code (code-server 4.100.3 =
// VS Code 1.100.3), driven through headless Debian Chromium with playwright-core.
//   usage: node test/e2e/vscode.e2e.js PORT WORKSPACE_DIR   (scripts/e2e/run.sh starts code-server)
// It opens test/e2e/workspace's sample_v1.py and sample_v1.ipynb (a copy) like a user would and
// checks what the user sees: squiggles, Problems rows, hovers, the language status, the lightbulb
// quick fix, fix-all and rule documentation from the command palette, and a setting taking
// effect. Screenshots go to $AMLINT_E2E_SHOTS.
// Closing line: "N passed, N failed"; exit code 0 only when nothing failed.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const PORT = process.argv[2] || '8765';
const WS = process.argv[3] || process.env.WS;
const SHOTS = process.env.AMLINT_E2E_SHOTS || fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-e2e-shots-'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s]`, ...a);
const flat = (s) => String(s).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

const results = [];
const passed = new Set();
let page;
let shotNo = 0;

async function shot(name) {
  const file = path.join(SHOTS, `${String(++shotNo).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file }).catch(() => {});
  return file;
}

/** One named check. `needs`: checks that must have passed first (else this one fails at once). */
async function check(name, needs, fn) {
  const missing = needs.filter((n) => !passed.has(n));
  if (missing.length) {
    results.push({ name, ok: false, error: `skipped: needs ${missing.join(', ')}` });
    log(`FAIL ${name}: not run, needs ${missing.join(', ')}`);
    return;
  }
  try {
    // start from a quiet workbench: no menu, hover or quick input left open by an earlier check
    if (page) {
      await page.keyboard.press('Escape').catch(() => {});
      await page.keyboard.press('Escape').catch(() => {});
    }
    const detail = await fn();
    results.push({ name, ok: true });
    passed.add(name);
    log(`PASS ${name}${detail ? ` (${detail})` : ''}`);
  } catch (error) {
    const message = String(error && error.message ? error.message : error).split('\n')[0];
    results.push({ name, ok: false, error: message });
    const file = await shot(`FAILED-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
    log(`FAIL ${name}: ${message} (screenshot ${file})`);
  }
}

async function quickOpen(name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 20000 });
  await input.fill(name);
  // wait until the list is filtered: the first row is the file (before that it can still show
  // "recently opened" entries, and Enter would open another file)
  const first = page.locator('.quick-input-list .monaco-list-row').first();
  await waitFor(`Quick Open to list ${name} first`, async () => flat(await first.innerText().catch(() => '')).startsWith(name), 20000);
  await page.keyboard.press('Enter');
}

/** Runs a command from the command palette (F1), by its title as the palette shows it. */
async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 20000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 20000 });
  await row.click();
}

/**
 * The screen box of the first occurrence of `text` in the editor line containing `lineText`.
 * (Monaco merges tokens of one colour into one span, so a token is not always an element.)
 */
async function textBox(editor, lineText, text) {
  const line = editor.locator('.view-line', { hasText: lineText }).first();
  await line.waitFor({ timeout: 20000 });
  const box = await line.evaluate((el, sub) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    let full = '';
    const starts = [];
    for (const n of nodes) {
      starts.push(full.length);
      full += n.textContent.replace(/\u00a0/g, ' ');
    }
    const i = full.indexOf(sub);
    if (i < 0) return null;
    const at = (k) => {
      for (let j = nodes.length - 1; j >= 0; j--) if (starts[j] <= k) return [nodes[j], k - starts[j]];
      return [nodes[0], 0];
    };
    const range = document.createRange();
    const [a, ao] = at(i);
    const [b, bo] = at(i + sub.length - 1);
    range.setStart(a, ao);
    range.setEnd(b, bo + 1);
    const r = range.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, text);
  if (!box || box.width === 0) throw new Error(`"${text}" is not on screen in the line "${lineText}"`);
  return box;
}

async function hoverOn(box) {
  await page.mouse.move(5, 5);
  await page.mouse.move(box.x + box.width / 2 - 2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

async function dismissHover() {
  await page.mouse.move(700, 880);
  await page.keyboard.press('Escape');
  await page.locator('.monaco-hover:visible').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
}

/** Opens the Problems panel (Ctrl+Shift+M toggles it, so only when it is not showing). */
async function showProblems() {
  if (await page.locator('.markers-panel').first().isVisible().catch(() => false)) return;
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: 10000 });
}

/** The Problems panel rows: level 1 = a file, level 2 = one of its problems. */
async function problemRows() {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((els) =>
    els.map((e) => ({ level: e.getAttribute('aria-level'), text: (e.innerText || '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim() })),
  );
}

/** The problem rows grouped under the file row whose text contains `file`. */
function rowsUnder(rows, file) {
  const i = rows.findIndex((r) => r.level === '1' && r.text.includes(file));
  if (i < 0) return undefined;
  const out = [];
  for (let j = i + 1; j < rows.length && rows[j].level !== '1'; j++) out.push(rows[j].text);
  return out;
}

/** The number of problems the Problems panel shows for a file (the badge on its row). */
async function problemCount(file) {
  const row = (await problemRows()).find((r) => r.level === '1' && r.text.includes(file));
  const m = row && /(\d+)$/.exec(row.text);
  return m ? Number(m[1]) : undefined;
}

async function waitFor(what, predicate, timeout = 30000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await predicate();
    if (last) return last;
    await page.waitForTimeout(250);
  }
  throw new Error(`timed out after ${timeout / 1000}s waiting for ${what}`);
}

async function notification(text, timeout = 30000) {
  const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout });
  return flat(await toast.innerText());
}

async function errorNotifications() {
  const texts = await page.locator('.notifications-toasts .notification-list-item').allInnerTexts();
  return texts.map(flat).filter((t) => /error|not found|failed|could not/i.test(t));
}

const SQUIGGLES = '.squiggly-error, .squiggly-warning, .squiggly-info';

(async () => {
  if (!WS) throw new Error('usage: node vscode.e2e.js PORT WORKSPACE_DIR');
  fs.mkdirSync(SHOTS, { recursive: true });
  log(`screenshots: ${SHOTS}`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (e) => log('pageerror', e.message));
  const pyEditor = page.locator('.editor-instance .monaco-editor').first();
  const cells = page.locator('.notebookOverlay:visible .cell-editor-container');

  try {
    await check('workbench opens the workspace', [], async () => {
      await page.goto(`http://127.0.0.1:${PORT}/?folder=${encodeURIComponent(WS)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
      // the explorer lists files once the remote file service and extension host are up
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'sample_v1.py' }).first().waitFor({ timeout: 60000 });
    });

    // ------------------------------------------------------------------------------- .py file
    await check('py: squiggles', ['workbench opens the workspace'], async () => {
      await quickOpen('sample_v1.py');
      await pyEditor.locator('.view-line', { hasText: 'Workspace.from_config' }).first().waitFor({ timeout: 30000 });
      await pyEditor.locator(SQUIGGLES).first().waitFor({ state: 'attached', timeout: 60000 });
      // the server publishes all findings at once; give the decorations a moment to render
      await page.waitForTimeout(500);
      const n = await pyEditor.locator(SQUIGGLES).count();
      if (n < 3) throw new Error(`expected several squiggles, saw ${n}`);
      return `${n} squiggles`;
    });

    await check('py: hover on from_config names MLClient', ['py: squiggles'], async () => {
      await hoverOn(await textBox(pyEditor, 'Workspace.from_config', 'from_config'));
      // the server's own Markdown hover (not only the diagnostic's text, which also says MLClient)
      const hover = page.locator('.monaco-hover:visible', { hasText: 'MLClient' }).first();
      await hover.waitFor({ timeout: 20000 });
      const markdown = page.locator('.monaco-hover:visible .markdown-hover', { hasText: 'MLClient' }).first();
      await markdown.waitFor({ timeout: 10000 });
      const text = flat(await markdown.innerText());
      await shot('py-hover');
      await dismissHover();
      return text.slice(0, 120);
    });

    await check('py: Problems rows with amlint codes', ['py: squiggles'], async () => {
      await showProblems();
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'AML101' }).first().waitFor({ timeout: 20000 });
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'AML100' }).first().waitFor({ timeout: 20000 });
      const mine = rowsUnder(await problemRows(), 'sample_v1.py') || [];
      if (!mine.some((t) => t.includes('amlint') && t.includes('AML101'))) throw new Error(`no amlint AML101 row under sample_v1.py: ${JSON.stringify(mine)}`);
      await shot('py-problems');
      return `${mine.length} rows under sample_v1.py, e.g. "${mine.find((t) => t.includes('AML101')).slice(0, 100)}"`;
    });

    await check('py: language status shows amlint findings', ['py: squiggles'], async () => {
      // the {} item beside "Python" in the status bar opens the language status hover
      const entry = page.locator('[id="status.languageStatus"]').first();
      await entry.waitFor({ state: 'visible', timeout: 20000 });
      await entry.click();
      const item = page.locator('.monaco-hover:visible', { hasText: /amlint: \d+ findings?/ }).first();
      await item.waitFor({ timeout: 20000 });
      const text = flat(await item.innerText());
      await shot('py-language-status');
      await dismissHover();
      return (/amlint: \d+ findings?[^·]*·? ?[^·]*/.exec(text) || [text])[0].slice(0, 100);
    });

    await check('py: lightbulb quick fix "Disable AML101 for this line"', ['py: squiggles'], async () => {
      const line = pyEditor.locator('.view-line', { hasText: 'Workspace.from_config' }).first();
      await showProblems();
      const before = await waitFor('the problem count of sample_v1.py', () => problemCount('sample_v1.py'));
      const box = await textBox(pyEditor, 'Workspace.from_config', 'from_config');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      // the lightbulb (a user clicks it); Ctrl+. opens the same menu if it is not drawn
      let via = 'lightbulb';
      const bulb = page.locator('.lightBulbWidget:visible').first();
      try {
        await bulb.waitFor({ state: 'visible', timeout: 15000 });
        await bulb.click();
      } catch {
        via = 'Ctrl+.';
        await page.keyboard.press('Control+.');
      }
      const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Disable AML101 for this line' }).first();
      await item.waitFor({ state: 'visible', timeout: 20000 });
      await shot('py-quickfix-menu');
      // choose it with the keyboard, as the menu has the focus (mouse clicks on its rows race with
      // its fade-in)
      const focused = page.locator('.action-widget .monaco-list-row.focused');
      for (let i = 0; i < 12 && !flat(await focused.innerText().catch(() => '')).includes('Disable AML101 for this line'); i++) {
        await page.keyboard.press('ArrowDown');
      }
      if (!flat(await focused.innerText().catch(() => '')).includes('Disable AML101 for this line')) throw new Error('could not select the quick fix in the menu');
      await page.keyboard.press('Enter');
      const fixed = await waitFor('the directive comment in the editor', async () => {
        const t = flat(await line.innerText());
        return t.includes('# amlint: disable=AML101') ? t : undefined;
      });
      // the server re-lints: AML101 on that line leaves the Problems panel, the rest stays
      await waitFor('AML101 on line 5 to leave Problems', async () => {
        const mine = rowsUnder(await problemRows(), 'sample_v1.py') || [];
        return mine.length > 0 && !mine.some((t) => t.includes('AML101') && /Ln 5\b/.test(t));
      });
      const after = await waitFor('one problem less', async () => ((await problemCount('sample_v1.py')) === before - 1 ? before - 1 : undefined));
      await shot('py-quickfix-applied');
      return `via ${via}: "${fixed}"; problems ${before} → ${after}`;
    });

    // ------------------------------------------------------------------------------- notebook
    await check('ipynb: opens as a notebook with squiggles in cells', ['workbench opens the workspace'], async () => {
      await quickOpen('sample_v1.ipynb');
      await cells.locator('.view-line', { hasText: 'Workspace.from_config' }).first().waitFor({ timeout: 30000 });
      await cells.locator(SQUIGGLES).first().waitFor({ state: 'attached', timeout: 60000 });
      await page.waitForTimeout(500);
      const n = await cells.locator(SQUIGGLES).count();
      await shot('ipynb-squiggles');
      return `${n} squiggles in cells`;
    });

    await check('ipynb: Problems rows grouped under the .ipynb', ['ipynb: opens as a notebook with squiggles in cells'], async () => {
      await showProblems();
      const mine = await waitFor('problem rows under sample_v1.ipynb', async () => {
        const rows = rowsUnder(await problemRows(), 'sample_v1.ipynb');
        return rows && rows.some((t) => t.includes('AML101')) && rows.some((t) => t.includes('AML100')) ? rows : undefined;
      });
      await shot('ipynb-problems');
      return `${mine.length} rows under sample_v1.ipynb, e.g. "${mine[0].slice(0, 100)}"`;
    });

    await check('ipynb: hover in a cell names MLClient', ['ipynb: opens as a notebook with squiggles in cells'], async () => {
      await hoverOn(await textBox(cells, 'Workspace.from_config', 'from_config'));
      const markdown = page.locator('.monaco-hover:visible .markdown-hover', { hasText: 'MLClient' }).first();
      await markdown.waitFor({ timeout: 20000 });
      const text = flat(await markdown.innerText());
      await shot('ipynb-hover');
      await dismissHover();
      return text.slice(0, 120);
    });

    // The fixtures import `Dataset` without using it: removing an unused v1 import is a safe fix,
    // so fix-all has something to apply in the notebook (a cell) and in the .py file.
    await check('ipynb: amlint.fixAll from the command palette', ['ipynb: opens as a notebook with squiggles in cells'], async () => {
      await showProblems();
      const before = await waitFor('the problem count of sample_v1.ipynb', () => problemCount('sample_v1.ipynb'));
      await cells.locator('.view-line', { hasText: 'import Dataset, Experiment' }).first().waitFor({ timeout: 10000 });
      await runCommand('amlint: Fix All Auto-fixable Findings');
      const note = await notification('sample_v1.ipynb');
      const errors = await errorNotifications();
      if (errors.length) throw new Error(`error notification: ${errors[0]}`);
      if (!/applied/.test(note)) throw new Error(`fix-all applied nothing: "${note}"`);
      const line = await waitFor('the unused Dataset import to leave the cell', async () => {
        const texts = (await cells.locator('.view-line').allInnerTexts()).map(flat);
        return !texts.some((t) => t.includes('Dataset')) && texts.find((t) => t.startsWith('from azureml.core import Experiment'));
      });
      const after = await waitFor('the problems to settle', async () => {
        const n = await problemCount('sample_v1.ipynb');
        return n !== undefined && n <= before ? n : undefined;
      });
      if (!rowsUnder(await problemRows(), 'sample_v1.ipynb').some((t) => t.includes('AML100'))) throw new Error('AML100 rows left Problems after fix-all');
      await shot('ipynb-fixall');
      return `"${note.slice(0, 90)}"; cell now "${line}"; problems ${before} → ${after}`;
    });

    await check('py: amlint.fixAll from the command palette', ['py: squiggles'], async () => {
      await quickOpen('sample_v1.py');
      await pyEditor.locator('.view-line', { hasText: 'Workspace.from_config' }).first().waitFor({ timeout: 20000 });
      await pyEditor.locator('.view-line').first().click();
      await showProblems();
      const before = await waitFor('the problem count of sample_v1.py', () => problemCount('sample_v1.py'));
      await runCommand('amlint: Fix All Auto-fixable Findings');
      const note = await notification('sample_v1.py');
      const errors = await errorNotifications();
      if (errors.length) throw new Error(`error notification: ${errors[0]}`);
      if (!/applied/.test(note)) throw new Error(`fix-all applied nothing: "${note}"`);
      const line = await waitFor('the unused Dataset import to leave the file', async () => {
        const texts = (await pyEditor.locator('.view-line').allInnerTexts()).map(flat);
        return !texts.some((t) => t.includes('Dataset')) && texts.find((t) => t.startsWith('from azureml.core import Environment'));
      });
      // the earlier quick fix's directive is kept, and the other findings stay listed
      const kept = flat(await pyEditor.locator('.view-line', { hasText: 'Workspace.from_config' }).first().innerText());
      if (!kept.includes('# amlint: disable=AML101')) throw new Error(`the directive was lost: "${kept}"`);
      const after = await waitFor('the problems to settle', async () => {
        const n = await problemCount('sample_v1.py');
        return n !== undefined && n <= before ? n : undefined;
      });
      if (!rowsUnder(await problemRows(), 'sample_v1.py').some((t) => t.includes('AML100'))) throw new Error('AML100 rows left Problems after fix-all');
      await shot('py-fixall');
      return `"${note.slice(0, 90)}"; line 2 now "${line}"; problems ${before} → ${after}`;
    });

    await check('settings: amlint.severity {"AML100": "off"} reaches the server', ['py: squiggles'], async () => {
      await showProblems();
      const rowsOf = async (file, code) => (rowsUnder(await problemRows(), file) || []).filter((t) => t.includes(code)).length;
      const before = await problemCount('sample_v1.py');
      // a workspace setting, as a user would write it; VS Code picks up the file change
      const dir = path.join(WS, '.vscode');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ 'amlint.severity': { AML100: 'off' } }, null, 2));
      await waitFor('AML100 to leave Problems', async () => (await rowsOf('sample_v1.py', 'AML100')) === 0 && (await problemCount('sample_v1.py')) < before);
      const off = await problemCount('sample_v1.py');
      await shot('settings-aml100-off');
      fs.rmSync(dir, { recursive: true, force: true });
      await waitFor('AML100 to come back', async () => (await problemCount('sample_v1.py')) === before);
      return `problems of sample_v1.py: ${before} → ${off} → ${before}`;
    });

    // ------------------------------------------------------------------------------- requirements file
    // The extension is active (a .py file opened it); a requirements file is linted too (AML401), as
    // plain text here (code-server has no Python extension to call it pip-requirements).
    await check('requirements.txt: AML401 squiggle and Problems row', ['py: squiggles'], async () => {
      await quickOpen('requirements.txt');
      const editor = page.locator('.editor-instance .monaco-editor').first();
      await editor.locator('.view-line', { hasText: 'azureml-core' }).first().waitFor({ timeout: 30000 });
      await editor.locator(SQUIGGLES).first().waitFor({ state: 'attached', timeout: 60000 });
      await showProblems();
      const mine = await waitFor('an AML401 row under requirements.txt', async () => {
        const rows = rowsUnder(await problemRows(), 'requirements.txt');
        return rows && rows.some((t) => t.includes('AML401') && t.includes('azureml-core')) ? rows : undefined;
      });
      if (mine.some((t) => t.includes('pandas'))) throw new Error(`pandas reported: ${JSON.stringify(mine)}`);
      await shot('requirements-problems');
      return `${mine.length} row(s) under requirements.txt: "${mine[0].slice(0, 100)}"`;
    });

    // ------------------------------------------------------------------------------- workspace diagnostics
    // amlint.workspaceDiagnostics restarts the client with pulled file diagnostics: a file never opened shows in
    // Problems, and the open .py file and notebook keep their findings once each (cells stay pushed).
    await check('settings: amlint.workspaceDiagnostics lists an unopened file, nothing twice', ['py: squiggles', 'ipynb: opens as a notebook with squiggles in cells'], async () => {
      await showProblems();
      const py = await problemCount('sample_v1.py');
      const nb = await problemCount('sample_v1.ipynb');
      fs.writeFileSync(path.join(WS, 'unopened_v1.py'), 'from azureml.core import Workspace\nws = Workspace.get(name="w", subscription_id="s", resource_group="r")\n');
      const dir = path.join(WS, '.vscode');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ 'amlint.workspaceDiagnostics': true }, null, 2));
      // (The Problems list renders only the rows in view: filter it to the new file.)
      const filter = page.getByPlaceholder(/^Filter \(e\.g\./).first();
      await filter.fill('unopened_v1.py');
      const rows = await waitFor('rows under unopened_v1.py', async () => {
        const r = rowsUnder(await problemRows(), 'unopened_v1.py');
        return r && r.some((t) => t.includes('AML101')) ? r : undefined;
      }, 60000);
      await shot('workspace-diagnostics');
      await filter.fill('');
      // Once the pulls have settled, the open file and the notebook count what they counted before.
      await waitFor('the open file and notebook to count as before', async () => (await problemCount('sample_v1.py')) === py && (await problemCount('sample_v1.ipynb')) === nb, 30000);
      await page.waitForTimeout(3000);
      const after = [await problemCount('sample_v1.py'), await problemCount('sample_v1.ipynb')];
      if (after[0] !== py || after[1] !== nb) throw new Error(`counts changed: sample_v1.py ${py} → ${after[0]}, sample_v1.ipynb ${nb} → ${after[1]}`);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(path.join(WS, 'unopened_v1.py'), { force: true });
      return `${rows.length} row(s) under unopened_v1.py ("${rows[0].slice(0, 80)}"); sample_v1.py ${py}, sample_v1.ipynb ${nb} problems before and after`;
    });

    await check('amlint.showRuleDocumentation opens AML101.md', ['workbench opens the workspace'], async () => {
      await runCommand('amlint: Show Rule Documentation');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 20000 });
      await input.fill('AML101');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'AML101' }).first().waitFor({ timeout: 20000 });
      await page.keyboard.press('Enter');
      const tab = page.locator('.tabs-container .tab', { hasText: 'AML101' }).first();
      await tab.waitFor({ timeout: 20000 });
      await shot('rule-docs');
      return flat(await tab.innerText());
    });
  } catch (error) {
    results.push({ name: 'runner', ok: false, error: String(error && error.message) });
    log('runner error', error);
  } finally {
    await browser.close().catch(() => {});
  }
  const failed = results.filter((r) => !r.ok);
  for (const r of failed) log(`failed: ${r.name}: ${r.error}`);
  log(`screenshots in ${SHOTS}`);
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length === 0 && results.length > 0 ? 0 : 1);
})().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
