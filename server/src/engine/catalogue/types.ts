/**
 * The v1 → v2 knowledge, as typed data. Every entry cites the learn.microsoft.com article it
 * comes from (see ../../../../docs and ../shared/reference/azureml-v1-v2.md in the planning repo).
 */

/** One area per AML1xx rule; `imports` is the rule for v1 import statements. */
export type Area =
  | 'imports'
  | 'workspace'
  | 'jobs'
  | 'logging'
  | 'environment'
  | 'compute'
  | 'datastore'
  | 'data'
  | 'model'
  | 'deployment'
  | 'pipeline'
  | 'sweep'
  | 'automl'
  | 'other';

/**
 * moved: same concept, new place/name in v2. replaced: a different v2 API does the job.
 * no-v2-equivalent: nothing in v2 (AML2xx rules own these). preview: v2 has it in preview.
 * removed: retired service/feature.
 */
export type EntryKind = 'moved' | 'replaced' | 'no-v2-equivalent' | 'preview' | 'removed';

export interface V2Replacement {
  /** The v2 qualified name or call shape, e.g. 'azure.ai.ml.MLClient.from_config'. */
  name: string;
  /** A short Python snippet showing the v2 code. */
  snippet: string;
}

export interface CatalogueEntry {
  /**
   * Canonical v1 qualified name. Classes by their public path ('azureml.core.Workspace');
   * methods and attributes on the class, instance or static alike
   * ('azureml.core.Workspace.from_config', 'azureml.core.Run.wait_for_completion').
   */
  v1: string;
  kind: EntryKind;
  area: Area;
  v2?: V2Replacement;
  /** One sentence a user reads in the message/hover. */
  note?: string;
  /** learn.microsoft.com URL the fact comes from. */
  doc: string;
  /**
   * The last segment of `v1` is a keyword argument of the callable named before it, not an
   * attribute (`azureml.train.automl.AutoMLConfig.label_column_name`).
   */
  keyword?: boolean;
}

/** What a call to a v1 callable returns, for value tracking. */
export type ReturnType =
  | string /* canonical class qualified name */
  | { tuple: string[] } /* e.g. AutoMLRun.get_output() → (Run, fitted model); '' = not a v1 object */;

export type ModuleClass = 'v1' | 'v2' | 'v2-era-azureml' | 'other';
