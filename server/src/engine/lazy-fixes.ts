/**
 * Suggestions computed when they are asked for. Building a rewrite is most of the rules' time on
 * SDK code (the AML1xx rewrites follow every use of every v1 object), and an editor needs a
 * finding's suggestions only when the user opens its quick fixes: the language server lints
 * with `lazyFixes` and reads fixes through `fixesOf`. The CLI and `fixDocument` lint without
 * it, and every finding's `fixes` is complete before `lint` returns.
 *
 * Only suggestions are deferred (a rule's `Report.suggestions`): safe fixes are cheap and always
 * in `fixes`, so fix-all and "is there anything to fix" never compute a rewrite.
 *
 * A pending computation reads the semantic model and the syntax tree of the analysis that made
 * the finding. The next `lint` of the same document edits that tree in place (syntax.ts reuses
 * and shifts unchanged statements), so it first invalidates the previous analysis's pending
 * fixes (`FixEpoch`): a finding of an older version of the text then has none, as a stale
 * diagnostic should.
 */
import type { Finding, Fix } from './types';

/** Whether the analysis a pending computation reads is still the document's latest. */
export interface FixEpoch {
  valid: boolean;
}

interface Pending {
  epoch: FixEpoch;
  compute: () => Fix[] | undefined;
}

const pending = new WeakMap<Finding, Pending>();

/** Adds what `compute` returns (suggestions) to `f.fixes` on first read through `fixesOf`. */
export function deferFixes(f: Finding, epoch: FixEpoch, compute: () => Fix[] | undefined): void {
  pending.set(f, { epoch, compute });
}

/** Whether the finding's fixes have not been computed yet (valid or not). */
export function hasPendingFixes(f: Finding): boolean {
  return pending.has(f);
}

/**
 * The finding's deferred suggestions, computed now (and forgotten: the caller keeps them); none
 * when its analysis was superseded.
 */
export function takeDeferredFixes(f: Finding): Fix[] | undefined {
  const p = pending.get(f);
  if (!p) return undefined;
  pending.delete(f);
  return p.epoch.valid ? p.compute() : undefined;
}

/**
 * The finding's fixes, with its deferred suggestions computed now if there were any (then kept
 * in `f.fixes`, after the safe fixes).
 */
export function fixesOf(f: Finding): Fix[] | undefined {
  const more = takeDeferredFixes(f);
  if (more?.length) f.fixes = [...(f.fixes ?? []), ...more];
  return f.fixes;
}

/** Computes every deferred fix of the findings (what `lint` does unless asked to defer). */
export function resolveFixes(findings: readonly Finding[]): void {
  for (const f of findings) fixesOf(f);
}

/** Wraps a deferred computation: `map` applies to its result when it runs. */
export function mapDeferredFixes(f: Finding, map: (fixes: Fix[]) => Fix[]): void {
  const p = pending.get(f);
  if (!p) return;
  const { compute } = p;
  p.compute = () => {
    const fixes = compute();
    return fixes && map(fixes);
  };
}

/**
 * Forgets the deferred computations (they keep the analysis alive): for findings kept after
 * their analysis is dropped. Returns whether there were any.
 */
export function dropDeferredFixes(findings: readonly Finding[]): boolean {
  let dropped = false;
  for (const f of findings) dropped = pending.delete(f) || dropped;
  return dropped;
}
