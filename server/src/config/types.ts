/**
 * Types of amlint's configuration: `[tool.amlint]` in pyproject.toml (or the top level of a
 * TOML file given with `--config`). See docs/configuration.md.
 */
import type { EngineSettings, SeveritySetting } from '../engine';

/** One problem in a configuration file. Every field is set, so messages can name file:line and key. */
export interface ConfigError {
  /** Absolute path of the file. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** The dotted key the problem is about, e.g. `tool.amlint.severity.AML999` ('' for a syntax error). */
  key: string;
  message: string;
}

export interface PerFileIgnore {
  /** The glob as written (without a leading `!`). */
  pattern: string;
  /** `!pattern`: the codes are ignored in files that do NOT match. */
  negated: boolean;
  /** Rule codes or prefixes. */
  codes: string[];
}

/**
 * A settings layer: what one source (the config file, editor settings, command-line flags)
 * says about rule selection and severities. Layers are combined by `resolveSettings`.
 */
export interface SettingsLayer {
  /** Replaces the selection made by lower layers (codes or prefixes). */
  select?: string[];
  /** Adds to the selection. */
  extendSelect?: string[];
  /** Removes from the selection. */
  ignore?: string[];
  /** Per-rule severity (codes or prefixes; the more specific key wins within a layer). */
  severity?: Record<string, SeveritySetting>;
  /** The same for notebook cells only (applied after `severity`). */
  notebookSeverity?: Record<string, SeveritySetting>;
  /** Report `# amlint: disable` comments that suppress nothing, with this severity. */
  reportUnusedDirectives?: SeveritySetting;
}

/** A validated configuration file. */
export interface LoadedConfig {
  /** Absolute path of the file. */
  file: string;
  /** Its directory: `exclude` and `per-file-ignores` globs are relative to it. */
  dir: string;
  /** The selection and severity keys, as a layer. */
  layer: SettingsLayer;
  /** The file's settings alone, as the engine takes them (no per-file ignores applied). */
  settings: ResolvedSettings;
  /** Globs of files and directories to skip when searching directories. */
  exclude: string[];
  perFileIgnores: PerFileIgnore[];
}

export type ConfigResult =
  /** `config` is undefined when the file has no amlint section (a pyproject.toml for other tools). */
  | { ok: true; config: LoadedConfig | undefined }
  | { ok: false; errors: ConfigError[] };

/** EngineSettings plus the unused-directive switch (see engine/suppressions.ts). */
export type ResolvedSettings = EngineSettings & { reportUnusedDirectives?: SeveritySetting };
