/**
 * `--format sarif`: SARIF 2.1.0 (OASIS), for GitHub code scanning and other SARIF viewers.
 *
 * - One run; `tool.driver` lists every rule with its name (PascalCase, as SARIF recommends; the
 *   kebab-case name is in `properties.ruleName`), descriptions, help (the rule's
 *   documentation as text and Markdown), `helpUri` (the first learn.microsoft.com reference,
 *   else the rule's docs page) and `defaultConfiguration.level`.
 * - Results: `ruleId`/`ruleIndex`, `level` (error, warning; info and hint become `note`),
 *   `message.text`, one location with `artifactLocation.uri` relative to the working directory
 *   and `uriBaseId: "%SRCROOT%"`, and a 1-based region (`endColumn` exclusive, columns in
 *   UTF-16 code units as `run.columnKind` says).
 * - Notebooks: the region counts inside the cell, as in the JSON format; `region.properties.cell`
 *   holds the 1-based cell index, a logical location is named `cell N`, and the message
 *   starts with `cell N: `. Fixes are not exported for notebooks: a cell-relative region cannot
 *   be applied to the notebook's JSON text.
 * - Safe fixes become `fixes[].artifactChanges[].replacements` (deletedRegion + insertedContent).
 * - `partialFingerprints["amlintKey/v1"]`: a hash of the same key the baseline uses (rule, file,
 *   symbol, occurrence), stable across line shifts.
 * - Files that could not be linted are `toolExecutionNotifications` of the invocation;
 *   `executionSuccessful` is false only after an internal error.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { listRules, ruleDocsUrl, explain, type Finding, type Range, type RuleMeta, type Severity } from '../engine';
import { UNUSED_DIRECTIVE } from '../engine/suppressions';
import type { ReportedFile } from './report';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  cwd: string;
  version: string;
  /** An internal error happened (a bug in amlint): executionSuccessful = false. */
  internalError: boolean;
  exitCode: number;
}

export function sarifLevel(s: Severity): Sarif.Result.level {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/** The artifact location of a file: relative to %SRCROOT% when inside cwd, else an absolute file: URI. */
export function artifactLocation(filePath: string, cwd: string): Sarif.ArtifactLocation {
  if (filePath === '<stdin>') return { uri: 'stdin' };
  const rel = path.relative(cwd, filePath);
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: toPosix(rel).split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(filePath).href };
}

export function region(range: Range): Sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function helpUri(rule: RuleMeta): string {
  return rule.docs.references.find((u) => u.startsWith('https://learn.microsoft.com')) ?? ruleDocsUrl(rule.code);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** SARIF wants a PascalCase "friendly name" (validator rule SARIF2012): v1-workspace-api → V1WorkspaceApi. */
export function pascalName(kebab: string): string {
  return kebab.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

function ruleDescriptor(rule: RuleMeta): Sarif.ReportingDescriptor {
  const markdown = explain(rule.code);
  return {
    id: rule.code,
    name: pascalName(rule.name),
    shortDescription: { text: oneLine(rule.docs.summary) },
    fullDescription: { text: oneLine(rule.docs.why) },
    help: { text: `${oneLine(rule.docs.summary)} ${oneLine(rule.docs.why)} See ${helpUri(rule)}`, ...(markdown ? { markdown } : {}) },
    helpUri: helpUri(rule),
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
    properties: { tags: ['azureml', 'sdk-v1', 'migration', rule.family], ruleName: rule.name, fixable: rule.fixable },
  };
}

const UNUSED_DIRECTIVE_DESCRIPTOR: Sarif.ReportingDescriptor = {
  id: UNUSED_DIRECTIVE,
  name: 'UnusedDirective',
  shortDescription: { text: 'A `# amlint: disable` comment that suppresses no finding.' },
  fullDescription: { text: 'Reported with --report-unused-disable-directives: the directive (or one of its codes) hides nothing and can be removed.' },
  helpUri: 'https://github.com/amlint/amlint/blob/main/docs/configuration.md#unused-directives',
  defaultConfiguration: { level: 'warning' },
};

function fingerprint(parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
}

export function formatSarif(files: readonly ReportedFile[], opts: SarifOptions): string {
  const rules = [...listRules()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const descriptors = rules.map(ruleDescriptor);
  const index = new Map(rules.map((r, i) => [r.code, i]));
  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  let usesUnused = false;

  for (const file of files) {
    const artifact = artifactLocation(file.filePath, opts.cwd);
    const occurrences = new Map<string, number>();
    for (const m of file.messages) {
      const f: Finding | undefined = m.finding;
      if (!f) {
        // A file that could not be linted, or a loader warning.
        notifications.push({
          level: m.json.fatal ? 'error' : 'warning',
          message: { text: `${file.displayPath}: ${m.json.message}` },
          locations: [{ physicalLocation: { artifactLocation: artifact } }],
        });
        continue;
      }
      const cell = f.cell !== undefined ? f.cell + 1 : undefined;
      const reg = region(f.range);
      if (cell !== undefined) reg.properties = { cell };
      const location: Sarif.Location = { physicalLocation: { artifactLocation: artifact, region: reg } };
      if (cell !== undefined) location.logicalLocations = [{ name: `cell ${cell}`, fullyQualifiedName: `${file.displayPath}:cell ${cell}` }];
      const result: Sarif.Result = {
        ruleId: f.code,
        level: sarifLevel(f.severity),
        message: { text: cell !== undefined ? `cell ${cell}: ${f.message}` : f.message },
        locations: [location],
      };
      const ri = index.get(f.code);
      if (ri !== undefined) result.ruleIndex = ri;
      else if (f.code === UNUSED_DIRECTIVE) usesUnused = true;
      const symbol = f.symbol ?? f.message;
      const key = `${f.code}\0${symbol}`;
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      result.partialFingerprints = { 'amlintKey/v1': fingerprint([f.code, artifact.uri ?? '', symbol, String(occurrence)]) };
      if (f.symbol) result.properties = { symbol: f.symbol };
      const safe = f.fixes?.find((x) => x.safety === 'safe');
      if (safe && cell === undefined && safe.edits.every((e) => e.cell === undefined)) {
        result.fixes = [
          {
            description: { text: safe.title },
            artifactChanges: [
              {
                artifactLocation: artifact,
                replacements: safe.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
              },
            ],
          },
        ];
      }
      results.push(result);
    }
  }
  if (usesUnused) {
    descriptors.push(UNUSED_DIRECTIVE_DESCRIPTOR);
    const ri = descriptors.length - 1;
    for (const r of results) if (r.ruleId === UNUSED_DIRECTIVE) r.ruleIndex = ri;
  }

  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'amlint',
            version: opts.version,
            semanticVersion: /^\d+\.\d+\.\d+/.test(opts.version) ? opts.version : undefined,
            informationUri: 'https://github.com/amlint/amlint',
            rules: descriptors,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(opts.cwd.endsWith(path.sep) ? opts.cwd : opts.cwd + path.sep).href } },
        invocations: [
          {
            executionSuccessful: !opts.internalError,
            exitCode: opts.exitCode,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
