/**
 * The catalogue: what SDK v1 names are and what replaces them in SDK v2. Pure data plus
 * lookups; every fact cites a learn.microsoft.com page.
 *
 *   canonical(q)      re-export path → canonical path
 *   classifyModule(q) v1 / v2 / v2-era azureml package / other
 *   lookup(q)         the entry for a v1 name (or the same member of a v1 base class)
 *   genericEntry(q)   an entry for a v1 name the table lacks
 *   areaOf(q)         the AML1xx area of a v1 name
 *   returnType(q)     what calling a v1 factory or method returns (value tracking)
 */
import { ENTRIES } from './entries';
import { DOC, V1_MIGRATION_GUIDE } from './docs';
import { OPEN_DATASET_PACKAGE, OPEN_DATASET_READERS, RETURNS, WORKSPACE_FIRST } from './returns';
import { BASES, MLFLOW_AZUREML, areaOfModule, canonical, inheritedNames, isUnder, remember, typedName } from './modules';
import type { Area, CatalogueEntry, ReturnType } from './types';

export { ENTRIES } from './entries';
export { DOC, V1_MIGRATION_GUIDE } from './docs';
export { ELEMENTS, ITEMS, RETURNS, SUBMITTED_RUN, UNKNOWN_TYPE, WORKSPACE_FIRST } from './returns';
export { COLLISIONS } from './collisions';
export type { Collision } from './collisions';
export { ALIASES, ATTRIBUTE_TYPES, AUTOML_SCORING_RUNTIME, AUTOML_SCORING_WORD, BASES, KNOWN_CLASSES, MLFLOW_AZUREML, V2_ERA_AZUREML, canonical, classifyModule, isAutomlScoringScript, isUnder, typedName } from './modules';
export type { Area, CatalogueEntry, EntryKind, ModuleClass, ReturnType, V2Replacement } from './types';

const BY_NAME: ReadonlyMap<string, CatalogueEntry> = new Map(ENTRIES.map((e) => [e.v1, e]));

/**
 * The entry for a v1 qualified name, after canonical(): an exact match, or else the same
 * member of a v1 base class (`AmlCompute.wait_for_completion` finds
 * `ComputeTarget.wait_for_completion`). No fuzzy or prefix matching.
 */
export function lookup(qname: string): CatalogueEntry | undefined {
  // Memoised (rules ask for the same names again and again); `null` records "no entry".
  let entry = lookupMemo.get(qname);
  if (entry === undefined) {
    entry = null;
    for (const q of candidateNames(qname)) {
      const found = BY_NAME.get(q);
      if (found) {
        entry = found;
        break;
      }
    }
    remember(lookupMemo, qname, entry);
  }
  return entry ?? undefined;
}

const lookupMemo = new Map<string, CatalogueEntry | null>();

/**
 * The names a table is searched under for `qname`: the name and its base classes' members (inheritedNames), then, for
 * a chain through a v1 attribute (`run.experiment.workspace.get_default_datastore`), the same for the chain's type
 * (typedName): an entry written for the chain itself wins.
 */
function candidateNames(qname: string): string[] {
  const q = canonical(qname);
  const typed = typedName(q);
  return typed === q ? inheritedNames(q) : [...inheritedNames(q), ...inheritedNames(typed)];
}

/** Is `qname` (a v1 callable) one whose first parameter is the workspace (WORKSPACE_FIRST, through base classes and chains)? */
export function takesWorkspaceFirst(qname: string): boolean {
  if (candidateNames(qname).some((n) => WORKSPACE_FIRST.has(n))) return true;
  // A subclass's constructor: its base class's (`AmlCompute(ws, name)` is ComputeTarget's).
  for (let q: string | undefined = BASES[canonical(qname)], step = 0; q && step < 8; q = BASES[q], step++) if (WORKSPACE_FIRST.has(q)) return true;
  return false;
}

/** The area of a v1 name: its entry's, else the area of its module path. */
export function areaOf(qname: string): Area {
  return lookup(qname)?.area ?? areaOfModule(typedName(canonical(qname)));
}

/** An entry for a public v1 name the table does not list. */
export function genericEntry(qname: string): CatalogueEntry {
  if (isUnder(qname, MLFLOW_AZUREML)) {
    // Not an azureml-* name: MLflow 1.x's deployment API, which works on SDK v1 objects (AML100's message says the same).
    return {
      v1: canonical(qname),
      kind: 'replaced',
      area: areaOf(qname),
      note: 'MLflow 1.x\'s Azure ML deployment API, which deploys through SDK v1 (deprecated since MLflow 1.19; SDK v1 reached end of support on 2026-06-30): deploy MLflow models to SDK v2 online endpoints',
      doc: DOC.MLFDEP,
    };
  }
  return {
    v1: canonical(qname),
    kind: 'replaced',
    area: areaOf(qname),
    note: 'part of SDK v1 (azureml-*), which reached end of support on 2026-06-30',
    doc: V1_MIGRATION_GUIDE,
  };
}

/** What calling the v1 callable `qname` returns (after canonical(), following base classes). */
export function returnType(qname: string): ReturnType | undefined {
  let rt = returnMemo.get(qname);
  if (rt === undefined) {
    rt = null;
    for (const q of candidateNames(qname)) {
      const found = Object.prototype.hasOwnProperty.call(RETURNS, q) ? RETURNS[q] : undefined;
      if (found !== undefined) {
        rt = found;
        break;
      }
    }
    // `Diabetes.get_tabular_dataset()`: any class of azureml-opendatasets.
    const reader = rt === null && qname.startsWith(`${OPEN_DATASET_PACKAGE}.`) ? qname.slice(qname.lastIndexOf('.') + 1) : undefined;
    if (reader && Object.prototype.hasOwnProperty.call(OPEN_DATASET_READERS, reader)) rt = OPEN_DATASET_READERS[reader];
    remember(returnMemo, qname, rt);
  }
  return rt ?? undefined;
}

const returnMemo = new Map<string, ReturnType | null>();
