/**
 * amlint's configuration: `[tool.amlint]` in pyproject.toml. Pure (no CLI or LSP knowledge);
 * the CLI and the language server both use it.
 *
 *   new ConfigResolver(opts).forPath(file)   nearest config (or --config) → ConfigResult
 *   parseConfigText(text, file)              validate one file's text → ConfigResult
 *   resolveSettings({layers, config, filePath})  config < editor < CLI → engine settings
 *   isExcluded(config, file)                 `exclude` globs
 *   formatConfigError(e)                     "file:line:col: key: message"
 */
export * from './types';
export { CONFIG_KEYS, formatConfigError, isKnownSelector, isPyproject, parseConfigText } from './load';
export { configRelative, globMatches, isExcluded, perFileIgnoredCodes, resolveSettings, type ResolveInput } from './resolve';
export { CONFIG_FILE_NAME, ConfigResolver, readTextFromDisk, type ReadText, type ResolverOptions } from './discover';
