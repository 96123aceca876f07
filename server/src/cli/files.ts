/**
 * Finds the files the CLI lints.
 *
 * - Explicit file arguments are always linted, whatever their name and ignore rules.
 * - Directories are walked for `.py` and `.ipynb` files, dependency files (`requirements*.txt`,
 *   `pyproject.toml`, conda environment YAML) and scripts (shell, Dockerfile, CI workflow YAML);
 *   see engine/textfiles.ts `fileKindOf` (a YAML file whose name does not tell is opened to look). Skipped: `.git`, `node_modules`,
 *   `__pycache__`, virtual environments (`.venv`, `venv`, `.tox`, `.nox`, `site-packages`,
 *   any directory holding `pyvenv.cfg` or `conda-meta/`), `.ipynb_checkpoints`, and whatever
 *   `.gitignore` files (root and nested, each relative to its own directory) and
 *   `.git/info/exclude` exclude.
 * - Symbolic links are followed; every directory is entered at most once (by real path), so
 *   link loops cannot hang the walk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileKindOf, isYamlName } from '../engine/textfiles';
import ignore, { type Ignore } from 'ignore';

/** Directory names never entered (unless named explicitly on the command line). */
export const SKIPPED_DIR_NAMES: ReadonlySet<string> = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  '__pycache__',
  '.venv',
  'venv',
  '.tox',
  '.nox',
  'site-packages',
  '.ipynb_checkpoints',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
]);

export const LINTED_EXTENSIONS: ReadonlySet<string> = new Set(['.py', '.ipynb']);

export class MissingPathError extends Error {
  constructor(readonly target: string, reason: string) {
    super(`cannot lint '${target}': ${reason}`);
  }
}

/** One ignore file and the directory its patterns are relative to. */
interface IgnoreLayer {
  dir: string;
  ig: Ignore;
}

const IGNORE_CASE = process.platform === 'win32' || process.platform === 'darwin';

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

function loadIgnoreFile(file: string, dir: string): IgnoreLayer | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined; // absent or unreadable: no rules
  }
  return { dir, ig: ignore({ ignorecase: IGNORE_CASE }).add(text) };
}

/** Does a `path.relative()` result leave its base directory? (A file named `..x` does not.) */
export function isOutside(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

/** Is `target` (an absolute path) excluded by the layers, git-style (deeper files win)? */
function isIgnored(layers: readonly IgnoreLayer[], target: string, isDir: boolean): boolean {
  let ignored = false;
  for (const { dir, ig } of layers) {
    const rel = path.relative(dir, target);
    if (rel === '' || isOutside(rel)) continue;
    let r: ReturnType<Ignore['test']>;
    try {
      r = ig.test(toPosix(rel) + (isDir ? '/' : ''));
    } catch {
      continue; // a name the ignore package rejects: no rule applies
    }
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}

function isVirtualEnv(dir: string): boolean {
  try {
    if (fs.existsSync(path.join(dir, 'pyvenv.cfg'))) return true;
    return fs.statSync(path.join(dir, 'conda-meta'), { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/** The directory holding `.git` at or above `dir`, if any. */
function findGitRoot(dir: string): string | undefined {
  let cur = dir;
  for (;;) {
    if (fs.existsSync(path.join(cur, '.git'))) return cur;
    const up = path.dirname(cur);
    if (up === cur) return undefined;
    cur = up;
  }
}

function safeRealpath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

function isWithin(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || !isOutside(rel);
}

/**
 * The ignore layers that apply to a walk starting at `start`: `.git/info/exclude` and the
 * `.gitignore` files of `start`'s ancestors, up to the git root (or, outside a repository, up
 * to the current directory when `start` is inside it).
 */
function ancestorLayers(start: string, cwd: string): IgnoreLayer[] {
  const gitRoot = findGitRoot(start);
  const top = gitRoot ?? (isWithin(cwd, start) ? cwd : start);
  const dirs: string[] = [];
  let cur = path.dirname(start);
  if (start !== top) {
    for (;;) {
      dirs.unshift(cur);
      if (cur === top) break;
      const up = path.dirname(cur);
      if (up === cur) break;
      cur = up;
    }
  }
  const layers: IgnoreLayer[] = [];
  if (gitRoot) {
    const exclude = loadIgnoreFile(path.join(gitRoot, '.git', 'info', 'exclude'), gitRoot);
    if (exclude) layers.push(exclude);
  }
  for (const d of dirs) {
    const layer = loadIgnoreFile(path.join(d, '.gitignore'), d);
    if (layer) layers.push(layer);
  }
  return layers;
}

/**
 * Resolves the command-line paths to a sorted, de-duplicated list of absolute file paths
 * (symlinks in a path are kept as found; two paths to the same real file count once).
 * Throws MissingPathError for a path that does not exist.
 */
export function collectFiles(args: readonly string[], cwd: string): string[] {
  const found = new Map<string, string>(); // real path → path as found
  const add = (p: string): void => {
    let key = p;
    try {
      key = fs.realpathSync(p);
    } catch {
      // keep the path itself as key
    }
    // The file's own path wins over a link to it found earlier (`links/in.py` → `ok.py`).
    if (!found.has(key) || p === key) found.set(key, p);
  };

  // Check every argument first, so a typo fails fast before any output.
  const targets: Array<{ abs: string; isDir: boolean }> = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT' ? 'no such file or directory'
        : code === 'EACCES' ? 'permission denied'
        : code === 'ELOOP' ? 'too many levels of symbolic links'
        : (e as Error).message;
      throw new MissingPathError(arg, reason);
    }
    targets.push({ abs, isDir: st.isDirectory() });
  }

  for (const t of targets) {
    if (!t.isDir) {
      add(t.abs);
      continue;
    }
    const visited = new Set<string>();
    walk(t.abs, ancestorLayers(t.abs, cwd), visited, add);
  }
  return sortPaths([...found.values()]);
}

function walk(
  dir: string,
  inherited: readonly IgnoreLayer[],
  visited: Set<string>,
  add: (p: string) => void,
): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return;
  }
  if (visited.has(real)) return; // symlink loop or second link to the same tree
  visited.add(real);

  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable directory: nothing to lint there
  }
  const own = loadIgnoreFile(path.join(dir, '.gitignore'), dir);
  const layers = own ? [...inherited, own] : inherited;

  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      let st: fs.Stats | undefined;
      try {
        st = fs.statSync(full, { throwIfNoEntry: false });
      } catch {
        st = undefined; // link loop (ELOOP) or unreadable target
      }
      if (!st) continue; // dangling link
      isDir = st.isDirectory();
      isFile = st.isFile();
      // A link to this directory or one of its ancestors is a loop, even when the walk
      // started below that ancestor: do not enter it.
      if (isDir && isWithin(safeRealpath(full) ?? full, real)) continue;
    }
    if (isDir) {
      if (SKIPPED_DIR_NAMES.has(entry.name)) continue;
      if (isIgnored(layers, full, true)) continue;
      if (isVirtualEnv(full)) continue;
      walk(full, layers, visited, add);
    } else if (isFile) {
      if (!LINTED_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) && !fileKindOf(full) && !yamlKindByText(full)) continue;
      if (isIgnored(layers, full, false)) continue;
      add(full);
    }
  }
}

/** YAML files above this size are not opened to learn their kind (a CI file or conda spec is small). */
const YAML_SNIFF_LIMIT = 1024 * 1024;

/**
 * A YAML file whose name does not tell its kind (`ci_dependencies.yml`, `train-and-deploy.yml`):
 * is its text a conda environment or a CI pipeline? Unreadable files are left to the reader,
 * which reports them (a directory walk never fails on one file).
 */
function yamlKindByText(file: string): boolean {
  if (!isYamlName(file)) return false;
  try {
    const st = fs.statSync(file);
    if (st.size > YAML_SNIFF_LIMIT) return false;
    return fileKindOf(file, fs.readFileSync(file, 'utf8')) !== undefined;
  } catch {
    return false;
  }
}

/** Sorts paths segment by segment, by code point, so output is stable on every platform. */
export function sortPaths(paths: string[]): string[] {
  const split = (p: string): string[] => p.split(/[\\/]/);
  return paths.sort((a, b) => {
    const sa = split(a);
    const sb = split(b);
    const n = Math.min(sa.length, sb.length);
    for (let i = 0; i < n; i++) {
      if (sa[i] !== sb[i]) {
        // A file and a directory at the same level: compare names only.
        return sa[i]! < sb[i]! ? -1 : 1;
      }
    }
    return sa.length - sb.length;
  });
}
