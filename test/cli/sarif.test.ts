/**
 * `--format sarif`: the log is checked against the SARIF 2.1.0 requirements that apply to what
 * amlint writes (required properties, allowed property names of each object, enumerations,
 * 1-based regions, rule indexes, uriBaseId resolution), and its content against the JSON
 * format of the same run (same findings, positions and cells; fixes that produce the same text
 * as the JSON `fix`).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { amlint, type Run } from './helpers';

// ---- helpers (spawning the binary: ./helpers.ts) -------------------------------------------

function write(dir: string, rel: string, content: string | Buffer): void {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}
// ---------------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;

/**
 * Property names the SARIF 2.1.0 schema allows on each object amlint writes (the schema sets
 * `additionalProperties: false` on them), and the ones it requires.
 */
const ALLOWED: Record<string, string[]> = {
  log: ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'],
  run: ['tool', 'invocations', 'conversion', 'language', 'versionControlProvenance', 'originalUriBaseIds', 'artifacts', 'logicalLocations', 'graphs', 'results', 'automationDetails', 'runAggregates', 'baselineGuid', 'redactionTokens', 'defaultEncoding', 'defaultSourceLanguage', 'newlineSequences', 'columnKind', 'externalPropertyFileReferences', 'threadFlowLocations', 'taxonomies', 'addresses', 'translations', 'policies', 'webRequests', 'webResponses', 'specialLocations', 'properties'],
  tool: ['driver', 'extensions', 'properties'],
  toolComponent: ['guid', 'name', 'organization', 'product', 'productSuite', 'shortDescription', 'fullDescription', 'fullName', 'version', 'semanticVersion', 'dottedQuadFileVersion', 'releaseDateUtc', 'downloadUri', 'informationUri', 'globalMessageStrings', 'notifications', 'rules', 'taxa', 'locations', 'language', 'contents', 'isComprehensive', 'localizedDataSemanticVersion', 'minimumRequiredLocalizedDataSemanticVersion', 'associatedComponent', 'translationMetadata', 'supportedTaxonomies', 'properties'],
  reportingDescriptor: ['id', 'deprecatedIds', 'guid', 'deprecatedGuids', 'name', 'deprecatedNames', 'shortDescription', 'fullDescription', 'messageStrings', 'defaultConfiguration', 'helpUri', 'help', 'relationships', 'properties'],
  reportingConfiguration: ['enabled', 'level', 'rank', 'parameters', 'properties'],
  multiformatMessageString: ['text', 'markdown', 'properties'],
  message: ['text', 'markdown', 'id', 'arguments', 'properties'],
  result: ['ruleId', 'ruleIndex', 'rule', 'kind', 'level', 'message', 'analysisTarget', 'locations', 'guid', 'correlationGuid', 'occurrenceCount', 'partialFingerprints', 'fingerprints', 'stacks', 'codeFlows', 'graphs', 'graphTraversals', 'relatedLocations', 'suppressions', 'baselineState', 'rank', 'attachments', 'hostedViewerUri', 'workItemUris', 'provenance', 'fixes', 'taxa', 'webRequest', 'webResponse', 'properties'],
  location: ['id', 'physicalLocation', 'logicalLocations', 'message', 'annotations', 'relationships', 'properties'],
  physicalLocation: ['address', 'artifactLocation', 'region', 'contextRegion', 'properties'],
  artifactLocation: ['uri', 'uriBaseId', 'index', 'description', 'properties'],
  region: ['startLine', 'startColumn', 'endLine', 'endColumn', 'charOffset', 'charLength', 'byteOffset', 'byteLength', 'snippet', 'message', 'sourceLanguage', 'properties'],
  logicalLocation: ['name', 'index', 'fullyQualifiedName', 'decoratedName', 'parentIndex', 'kind', 'properties'],
  fix: ['description', 'artifactChanges', 'properties'],
  artifactChange: ['artifactLocation', 'replacements', 'properties'],
  replacement: ['deletedRegion', 'insertedContent', 'properties'],
  artifactContent: ['text', 'binary', 'rendered', 'properties'],
  invocation: ['commandLine', 'arguments', 'responseFiles', 'startTimeUtc', 'endTimeUtc', 'exitCode', 'ruleConfigurationOverrides', 'notificationConfigurationOverrides', 'toolExecutionNotifications', 'toolConfigurationNotifications', 'exitCodeDescription', 'exitSignalName', 'exitSignalNumber', 'processStartFailureMessage', 'executionSuccessful', 'machine', 'account', 'processId', 'executableLocation', 'workingDirectory', 'environmentVariables', 'stdin', 'stdout', 'stderr', 'stdoutStderr', 'properties'],
  notification: ['locations', 'message', 'level', 'threadId', 'timeUtc', 'exception', 'descriptor', 'associatedRule', 'properties'],
};
const REQUIRED: Record<string, string[]> = {
  log: ['version', 'runs'],
  run: ['tool'],
  tool: ['driver'],
  toolComponent: ['name'],
  reportingDescriptor: ['id'],
  multiformatMessageString: ['text'],
  result: ['message'],
  fix: ['artifactChanges'],
  artifactChange: ['artifactLocation', 'replacements'],
  replacement: ['deletedRegion'],
  invocation: ['executionSuccessful'],
  notification: ['message'],
};
const LEVELS = ['none', 'note', 'warning', 'error'];

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Returns the problems found (empty = valid for what amlint emits). */
function checkSarif(log: unknown): string[] {
  const problems: string[] = [];
  const obj = (v: unknown, kind: string, where: string): Obj | undefined => {
    if (!isObj(v)) {
      problems.push(`${where}: expected an object (${kind})`);
      return undefined;
    }
    for (const k of Object.keys(v)) if (!ALLOWED[kind]!.includes(k)) problems.push(`${where}: property '${k}' is not allowed on ${kind}`);
    for (const k of REQUIRED[kind] ?? []) if (v[k] === undefined) problems.push(`${where}: missing required '${k}' of ${kind}`);
    if (v.properties !== undefined) {
      if (!isObj(v.properties)) problems.push(`${where}.properties: expected a property bag`);
      else if (v.properties.tags !== undefined && (!Array.isArray(v.properties.tags) || new Set(v.properties.tags).size !== v.properties.tags.length || v.properties.tags.some((t) => typeof t !== 'string'))) {
        problems.push(`${where}.properties.tags: expected unique strings`);
      }
    }
    return v;
  };
  const msg = (v: unknown, where: string, kind = 'message'): void => {
    const m = obj(v, kind, where);
    if (m && typeof m.text !== 'string' && typeof m.id !== 'string') problems.push(`${where}: a message needs text or id`);
  };
  const int = (v: unknown, min: number, where: string): void => {
    if (v !== undefined && (!Number.isInteger(v) || (v as number) < min)) problems.push(`${where}: expected an integer >= ${min}, got ${JSON.stringify(v)}`);
  };
  const uri = (v: unknown, where: string): void => {
    if (typeof v !== 'string') return void problems.push(`${where}: uri must be a string`);
    try {
      new URL(v, 'file:///base/');
    } catch {
      problems.push(`${where}: not a URI reference: ${v}`);
    }
    if (/[\s\\]/.test(v)) problems.push(`${where}: unencoded space or backslash in URI: ${v}`);
  };
  const region = (v: unknown, where: string): void => {
    const r = obj(v, 'region', where);
    if (!r) return;
    int(r.startLine, 1, `${where}.startLine`);
    int(r.startColumn, 1, `${where}.startColumn`);
    int(r.endLine, 1, `${where}.endLine`);
    int(r.endColumn, 1, `${where}.endColumn`);
    if (r.startLine === undefined) problems.push(`${where}: a text region needs startLine`);
    const sl = r.startLine as number;
    const el = (r.endLine ?? sl) as number;
    if (el < sl) problems.push(`${where}: endLine before startLine`);
    if (el === sl && r.endColumn !== undefined && (r.endColumn as number) < ((r.startColumn as number) ?? 1)) problems.push(`${where}: endColumn before startColumn`);
  };

  const l = obj(log, 'log', '$');
  if (!l) return problems;
  if (l.version !== '2.1.0') problems.push(`$.version: expected "2.1.0", got ${JSON.stringify(l.version)}`);
  if (!Array.isArray(l.runs)) return [...problems, '$.runs: expected an array'];
  l.runs.forEach((runV, ri) => {
    const w = `$.runs[${ri}]`;
    const run = obj(runV, 'run', w);
    if (!run) return;
    const tool = obj(run.tool, 'tool', `${w}.tool`);
    const driver = tool && obj(tool.driver, 'toolComponent', `${w}.tool.driver`);
    const rules = (driver?.rules ?? []) as unknown[];
    if (driver && typeof driver.name !== 'string') problems.push(`${w}.tool.driver.name: expected a string`);
    if (driver?.informationUri !== undefined) uri(driver.informationUri, `${w}.tool.driver.informationUri`);
    const ids = new Set<string>();
    rules.forEach((rv, i) => {
      const rw = `${w}.tool.driver.rules[${i}]`;
      const rule = obj(rv, 'reportingDescriptor', rw);
      if (!rule) return;
      if (typeof rule.id !== 'string') problems.push(`${rw}.id: expected a string`);
      if (ids.has(rule.id as string)) problems.push(`${rw}.id: duplicate ${String(rule.id)}`);
      ids.add(rule.id as string);
      for (const k of ['shortDescription', 'fullDescription', 'help']) if (rule[k] !== undefined) msg(rule[k], `${rw}.${k}`, 'multiformatMessageString');
      if (rule.helpUri !== undefined) {
        uri(rule.helpUri, `${rw}.helpUri`);
        if (!/^https?:\/\//.test(String(rule.helpUri))) problems.push(`${rw}.helpUri: expected an absolute URL`);
      }
      const dc = rule.defaultConfiguration === undefined ? undefined : obj(rule.defaultConfiguration, 'reportingConfiguration', `${rw}.defaultConfiguration`);
      if (dc?.level !== undefined && !LEVELS.includes(dc.level as string)) problems.push(`${rw}.defaultConfiguration.level: ${String(dc.level)}`);
    });
    const bases = isObj(run.originalUriBaseIds) ? run.originalUriBaseIds : {};
    for (const [k, v] of Object.entries(bases)) {
      const a = obj(v, 'artifactLocation', `${w}.originalUriBaseIds.${k}`);
      if (a && (typeof a.uri !== 'string' || !a.uri.endsWith('/') || !/^[a-z]+:/.test(a.uri))) problems.push(`${w}.originalUriBaseIds.${k}: uri must be absolute and end with '/'`);
    }
    if (run.columnKind !== undefined && !['utf16CodeUnits', 'unicodeCodePoints'].includes(run.columnKind as string)) problems.push(`${w}.columnKind`);
    const artifact = (v: unknown, where: string): void => {
      const a = obj(v, 'artifactLocation', where);
      if (!a) return;
      uri(a.uri, `${where}.uri`);
      if (a.uriBaseId !== undefined && !(a.uriBaseId as string in bases)) problems.push(`${where}.uriBaseId: ${String(a.uriBaseId)} is not in originalUriBaseIds`);
      if (a.uriBaseId !== undefined && /^[a-z]+:/.test(String(a.uri))) problems.push(`${where}: an absolute uri must not have a uriBaseId`);
    };
    const location = (v: unknown, where: string): void => {
      const loc = obj(v, 'location', where);
      if (!loc) return;
      const pl = loc.physicalLocation === undefined ? undefined : obj(loc.physicalLocation, 'physicalLocation', `${where}.physicalLocation`);
      if (pl) {
        artifact(pl.artifactLocation, `${where}.physicalLocation.artifactLocation`);
        if (pl.region !== undefined) region(pl.region, `${where}.physicalLocation.region`);
      }
      ((loc.logicalLocations ?? []) as unknown[]).forEach((ll, i) => obj(ll, 'logicalLocation', `${where}.logicalLocations[${i}]`));
    };
    if (!Array.isArray(run.results)) problems.push(`${w}.results: expected an array`);
    ((run.results ?? []) as unknown[]).forEach((resV, i) => {
      const rw = `${w}.results[${i}]`;
      const res = obj(resV, 'result', rw);
      if (!res) return;
      msg(res.message, `${rw}.message`);
      if (res.level !== undefined && !LEVELS.includes(res.level as string)) problems.push(`${rw}.level: ${String(res.level)}`);
      int(res.ruleIndex, 0, `${rw}.ruleIndex`);
      if (res.ruleIndex !== undefined) {
        const target = rules[res.ruleIndex as number] as Obj | undefined;
        if (!target || target.id !== res.ruleId) problems.push(`${rw}.ruleIndex: does not point at rule ${String(res.ruleId)}`);
      }
      if (res.ruleId !== undefined && !ids.has(res.ruleId as string)) problems.push(`${rw}.ruleId: ${String(res.ruleId)} is not a rule of the driver`);
      ((res.locations ?? []) as unknown[]).forEach((loc, j) => location(loc, `${rw}.locations[${j}]`));
      if (res.partialFingerprints !== undefined && (!isObj(res.partialFingerprints) || Object.values(res.partialFingerprints).some((x) => typeof x !== 'string'))) problems.push(`${rw}.partialFingerprints: expected strings`);
      ((res.fixes ?? []) as unknown[]).forEach((fv, j) => {
        const fw = `${rw}.fixes[${j}]`;
        const fix = obj(fv, 'fix', fw);
        if (!fix) return;
        if (fix.description !== undefined) msg(fix.description, `${fw}.description`);
        const changes = fix.artifactChanges as unknown[];
        if (!Array.isArray(changes) || changes.length === 0) return void problems.push(`${fw}.artifactChanges: expected at least one`);
        changes.forEach((cv, k) => {
          const cw = `${fw}.artifactChanges[${k}]`;
          const ch = obj(cv, 'artifactChange', cw);
          if (!ch) return;
          artifact(ch.artifactLocation, `${cw}.artifactLocation`);
          const reps = ch.replacements as unknown[];
          if (!Array.isArray(reps) || reps.length === 0) return void problems.push(`${cw}.replacements: expected at least one`);
          reps.forEach((rv, m) => {
            const rep = obj(rv, 'replacement', `${cw}.replacements[${m}]`);
            if (!rep) return;
            region(rep.deletedRegion, `${cw}.replacements[${m}].deletedRegion`);
            if (rep.insertedContent !== undefined) obj(rep.insertedContent, 'artifactContent', `${cw}.replacements[${m}].insertedContent`);
          });
        });
      });
    });
    ((run.invocations ?? []) as unknown[]).forEach((iv, i) => {
      const iw = `${w}.invocations[${i}]`;
      const inv = obj(iv, 'invocation', iw);
      if (!inv) return;
      if (typeof inv.executionSuccessful !== 'boolean') problems.push(`${iw}.executionSuccessful: expected a boolean`);
      ((inv.toolExecutionNotifications ?? []) as unknown[]).forEach((nv, j) => {
        const n = obj(nv, 'notification', `${iw}.toolExecutionNotifications[${j}]`);
        if (!n) return;
        msg(n.message, `${iw}.toolExecutionNotifications[${j}].message`);
        if (n.level !== undefined && !LEVELS.includes(n.level as string)) problems.push(`${iw}.toolExecutionNotifications[${j}].level`);
        ((n.locations ?? []) as unknown[]).forEach((loc, k) => location(loc, `${iw}.toolExecutionNotifications[${j}].locations[${k}]`));
      });
    });
  });
  return problems;
}

/** Applies SARIF replacements (1-based line/column regions, endColumn exclusive) to a text. */
function applyReplacements(text: string, reps: Array<{ deletedRegion: Obj; insertedContent?: { text?: string } }>): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const off = (line: number, col: number): number => (starts[line - 1] ?? text.length) + col - 1;
  const edits = reps.map((r) => {
    const d = r.deletedRegion as { startLine: number; startColumn: number; endLine: number; endColumn: number };
    return { start: off(d.startLine, d.startColumn), end: off(d.endLine, d.endColumn), text: r.insertedContent?.text ?? '' };
  });
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

const V1 = 'from azureml.core import Workspace\n\nws = Workspace.from_config()\n';
const MIXED = 'from azureml.core import Workspace\nfrom azure.ai.ml.entities import Workspace\n\nws = Workspace(name="w")\n';

function notebook(cells: string[]): string {
  return JSON.stringify({
    cells: [{ cell_type: 'markdown', metadata: {}, source: ['# Title'] }, ...cells.map((text) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: text.split(/(?<=\n)/) }))],
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

describe('cli: SARIF output', function () {
  let dir: string;
  let log: Obj;
  let json: Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; column: number; endLine: number; endColumn: number; cell?: number; fix?: { range: [number, number]; text: string }; fatal?: boolean }> }>;
  let run: Run;

  before(function () {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-sarif-')));
    write(dir, 'src/train v1.py', V1);
    write(dir, 'src/mixed.py', MIXED);
    write(dir, 'notebooks/explore.ipynb', notebook(['x = 1\n', V1]));
    write(dir, 'requirements.txt', 'azureml-core==1.50\n');
    write(dir, 'broken.ipynb', '{ not json');
    run = amlint(dir, ['--format', 'sarif']);
    log = JSON.parse(run.stdout) as Obj;
    json = JSON.parse(amlint(dir, ['--format', 'json']).stdout) as typeof json;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is valid SARIF 2.1.0 for what amlint writes', function () {
    assert.deepEqual(checkSarif(log), []);
    assert.equal(run.status, 1);
    assert.match(String(log.$schema), /sarif-schema-2\.1\.0\.json$/);
  });

  it('the structural check catches what it should (so a pass means something)', function () {
    const bad = JSON.parse(JSON.stringify(log)) as { runs: Array<{ results: Obj[]; invocations: Obj[] }> };
    bad.runs[0].results[0].level = 'warn';
    (bad.runs[0].results[1] as Obj).line = 3;
    delete bad.runs[0].invocations[0].executionSuccessful;
    ((bad.runs[0].results[2].locations as Obj[])[0].physicalLocation as Obj).region = { startLine: 0, startColumn: 1 };
    const problems = checkSarif(bad).join('\n');
    assert.match(problems, /results\[0\]\.level: warn/);
    assert.match(problems, /results\[1\]: property 'line' is not allowed on result/);
    assert.match(problems, /invocations\[0\]: missing required 'executionSuccessful'/);
    assert.match(problems, /region\.startLine: expected an integer >= 1, got 0/);
  });

  it('describes every rule: id, name, descriptions, help URI, default level', function () {
    const driver = ((log.runs as Obj[])[0].tool as Obj).driver as Obj;
    assert.equal(driver.name, 'amlint');
    assert.match(String(driver.version), /^\d+\.\d+\.\d+/);
    const rules = driver.rules as Obj[];
    const listed = JSON.parse(amlint(dir, ['--list-rules', '--format', 'json']).stdout) as Array<{ code: string; name: string; defaultSeverity: string }>;
    assert.deepEqual(rules.map((r) => r.id), listed.map((r) => r.code));
    for (const r of rules) {
      const l = listed.find((x) => x.code === r.id)!;
      assert.equal(r.name, l.name.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(''), 'PascalCase friendly name');
      assert.equal((r.properties as Obj).ruleName, l.name);
      assert.ok(((r.shortDescription as Obj).text as string).length > 10);
      assert.ok(((r.fullDescription as Obj).text as string).length > 10);
      assert.match(String(r.helpUri), /^https:\/\//);
      assert.equal((r.defaultConfiguration as Obj).level, l.defaultSeverity === 'error' ? 'error' : l.defaultSeverity === 'warning' ? 'warning' : 'note');
    }
  });

  it('has one result per JSON message, at the same positions, with relative %SRCROOT% URIs', function () {
    const runObj = (log.runs as Obj[])[0];
    assert.deepEqual(runObj.originalUriBaseIds, { '%SRCROOT%': { uri: `file://${dir.split(path.sep).map(encodeURIComponent).join('/').replace(/^(?!\/)/, '/')}/` } });
    const results = runObj.results as Obj[];
    const expected = json.flatMap((f) =>
      f.messages.filter((m) => !m.fatal).map((m) => ({
        uri: path.relative(dir, f.filePath).split(path.sep).map(encodeURIComponent).join('/'),
        ruleId: m.ruleId,
        region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn, ...(m.cell ? { properties: { cell: m.cell } } : {}) },
      })),
    );
    const got = results.map((r) => {
      const pl = (r.locations as Obj[])[0].physicalLocation as Obj;
      const al = pl.artifactLocation as Obj;
      assert.equal(al.uriBaseId, '%SRCROOT%');
      return { uri: al.uri, ruleId: r.ruleId, region: pl.region };
    });
    assert.deepEqual(got, expected);
    assert.ok(got.some((g) => g.uri === 'src/train%20v1.py'), 'spaces are percent-encoded');
  });

  it('puts the notebook cell in the region, a logical location and the message', function () {
    const results = ((log.runs as Obj[])[0].results as Obj[]).filter((r) => String(((r.locations as Obj[])[0].physicalLocation as Obj & { artifactLocation: Obj }).artifactLocation.uri).endsWith('.ipynb'));
    assert.equal(results.length, 2);
    for (const r of results) {
      const loc = (r.locations as Obj[])[0];
      assert.deepEqual(((loc.physicalLocation as Obj).region as Obj).properties, { cell: 3 });
      assert.equal((loc.logicalLocations as Obj[])[0].name, 'cell 3');
      assert.match(String((r.message as Obj).text), /^cell 3: /);
      assert.equal(r.fixes, undefined, 'no fixes in cell-relative regions');
    }
  });

  it('exports safe fixes as replacements that produce the same text as the JSON fix', function () {
    const text = fs.readFileSync(path.join(dir, 'src', 'mixed.py'), 'utf8');
    const jsonFixes = json.find((f) => f.filePath.endsWith('mixed.py'))!.messages.filter((m) => m.fix);
    assert.ok(jsonFixes.length > 0, 'the fixture has a safe fix');
    const sarifFixed = ((log.runs as Obj[])[0].results as Obj[]).filter((r) => r.fixes);
    assert.equal(sarifFixed.length, jsonFixes.length);
    for (const [i, r] of sarifFixed.entries()) {
      const change = ((r.fixes as Obj[])[0].artifactChanges as Obj[])[0];
      assert.equal((change.artifactLocation as Obj).uri, 'src/mixed.py');
      const viaSarif = applyReplacements(text, change.replacements as Array<{ deletedRegion: Obj; insertedContent?: { text?: string } }>);
      const f = jsonFixes[i]!.fix!;
      assert.equal(viaSarif, text.slice(0, f.range[0]) + f.text + text.slice(f.range[1]));
    }
  });

  it('reports a file that cannot be linted as an execution notification, and the exit code', function () {
    const inv = ((log.runs as Obj[])[0].invocations as Obj[])[0];
    assert.equal(inv.executionSuccessful, true);
    assert.equal(inv.exitCode, 1);
    const notes = inv.toolExecutionNotifications as Obj[];
    assert.equal(notes.length, 1);
    assert.equal(notes[0].level, 'error');
    assert.match(String((notes[0].message as Obj).text), /^broken\.ipynb: /);
  });

  it('a clean run is still a valid log with no results', function () {
    const clean = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-sarif-clean-')));
    try {
      write(clean, 'ok.py', 'print("v2 only")\n');
      const r = amlint(clean, ['--format', 'sarif']);
      assert.equal(r.status, 0);
      const l = JSON.parse(r.stdout) as Obj;
      assert.deepEqual(checkSarif(l), []);
      assert.deepEqual((l.runs as Obj[])[0].results, []);
    } finally {
      fs.rmSync(clean, { recursive: true, force: true });
    }
  });
});
