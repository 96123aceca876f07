/**
 * All rules, in code order. Adding a rule: create `AMLxxx.ts` (meta + docs + check), add it
 * here, add `test/rules/AMLxxx.test.ts`, run `npm run docs`.
 */
import type { Rule } from './rule';
import type { RuleMeta } from './types';
import AML001 from './AML001';
import AML002 from './AML002';
import AML003 from './AML003';
import AML100 from './AML100';
import AML101 from './AML101';
import AML102 from './AML102';
import AML103 from './AML103';
import AML104 from './AML104';
import AML105 from './AML105';
import AML106 from './AML106';
import AML107 from './AML107';
import AML108 from './AML108';
import AML109 from './AML109';
import AML110 from './AML110';
import AML111 from './AML111';
import AML112 from './AML112';
import AML113 from './AML113';
import AML201 from './AML201';
import AML202 from './AML202';
import AML203 from './AML203';
import AML204 from './AML204';
import AML205 from './AML205';
import AML206 from './AML206';
import AML207 from './AML207';
import AML208 from './AML208';
import AML209 from './AML209';
import AML301 from './AML301';
import AML302 from './AML302';
import AML303 from './AML303';
import AML401 from './AML401';
import AML501 from './AML501';
import AML502 from './AML502';

export const RULES: readonly Rule[] = [
  AML001, AML002, AML003,
  AML100, AML101, AML102, AML103, AML104, AML105, AML106, AML107, AML108, AML109, AML110, AML111, AML112, AML113,
  AML201, AML202, AML203, AML204, AML205, AML206, AML207, AML208, AML209,
  AML301, AML302, AML303,
  AML401,
  AML501, AML502,
];

const byCode = new Map(RULES.map((r) => [r.meta.code, r]));

let docsBase = 'https://github.com/amlint/amlint/blob/main/docs/rules/';

/** Front ends point rule links at their copy of docs/rules (e.g. a file: URL of the installed package). */
export function setDocsBaseUrl(url: string): void {
  docsBase = url.endsWith('/') ? url : `${url}/`;
}

export function ruleDocsUrl(code: string): string {
  return `${docsBase}${code}.md`;
}

export function listRules(): RuleMeta[] {
  return RULES.map((r) => r.meta);
}

export function getRule(code: string): RuleMeta | undefined {
  return byCode.get(code)?.meta;
}

export function getRuleImpl(code: string): Rule | undefined {
  return byCode.get(code);
}

/** The rule's documentation page as Markdown: the text of docs/rules/CODE.md, `--explain` and hovers. */
export function explain(code: string): string | undefined {
  const meta = getRule(code.toUpperCase());
  if (!meta) return undefined;
  const d = meta.docs;
  const fix = { always: 'always', sometimes: 'sometimes', never: 'no' }[meta.fixable];
  return [
    `# ${meta.code}: ${meta.name}`,
    '',
    d.summary,
    '',
    `Default severity: **${meta.defaultSeverity}** · Fix: ${fix}`,
    '',
    '## Why it matters',
    '',
    d.why,
    '',
    '## SDK v1 code',
    '',
    '```python',
    d.v1Example,
    '```',
    '',
    '## SDK v2 equivalent',
    '',
    '```python',
    d.v2Example,
    '```',
    '',
    '## Fix safety',
    '',
    d.fixSafety,
    '',
    '## Known limitations',
    '',
    d.limitations,
    '',
    '## References',
    '',
    ...d.references.map((u) => `- <${u}>`),
    '',
  ].join('\n');
}
