/**
 * Reading and linting many files fast: threads (`--jobs N`, default one per core: this thread
 * and N - 1 worker threads) and the result cache (`--cache`, see cache.ts).
 *
 * `lintFiles` takes the files of a run in report order and returns one outcome per file in
 * the same order, whatever thread linted it, so the report is byte-identical to `--jobs 1`.
 * Each worker loads the engine once and lints batches of files handed out as workers become
 * free (a few large notebooks do not hold up the others); this thread lints too. Runs of fewer
 * than MIN_FILES_FOR_WORKERS files, or whose work is projected to take less than
 * WORKER_THRESHOLD_MS, stay in this thread: starting a worker and loading the engine in it
 * costs more than it saves there.
 *
 * A worker that fails (cannot start, crashes, runs out of memory) costs nothing but time: the
 * files it had not reported are linted in this thread, as soon as its thread exits, or after
 * STALL_MS without a finished file when it cannot tell (out of memory). An exception inside the engine is an
 * outcome (`error`) like any other, reported for that file only, exactly as without workers.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort, type ResourceLimits } from 'node:worker_threads';
import { lint, type DocumentInput, type EngineSettings, type Finding } from '../engine';
import { amlintFingerprint, cacheKey, defaultCacheLocation, LintCache, stableJson, type CachedResult } from './cache';
import { loadDocument, readDocument, sizeLimit, type Loaded } from './read';
import { findingToMessage, type ReportedMessage } from './report';

/** Below this many files to lint, no worker is started. */
export const MIN_FILES_FOR_WORKERS = 20;
/** Workers start once the work left is projected to take longer than this on one thread. */
export const WORKER_THRESHOLD_MS = 400;

/** One file to lint, with the settings that apply to it. */
export interface LintTarget {
  filePath: string;
  settings: EngineSettings;
}

/** What reading and linting one file produced. */
export interface FileOutcome {
  /** The file as the CLI loads it; `input` is filled lazily when it was not sent back. */
  loaded: Loaded;
  /** Engine results, absent when the file could not be loaded or the engine threw. */
  result?: CachedResult;
  /** The engine threw on this file (rethrown by `replay` where the CLI lints a file). */
  error?: { message: string; stack?: string };
  /** Served from the cache. */
  cached?: boolean;
}

/**
 * The engine result of an outcome, as `lint()` would have returned it in this thread: the
 * engine's exception is thrown again (message and stack as in the worker).
 */
export function replay(outcome: FileOutcome): CachedResult {
  if (outcome.error) {
    const e = new Error(outcome.error.message);
    e.stack = outcome.error.stack ?? `Error: ${outcome.error.message}`;
    throw e;
  }
  return outcome.result!;
}

/** The report message computed with the outcome for one of its findings (same object). */
export function messageOf(outcome: FileOutcome | undefined, finding: Finding): ReportedMessage | undefined {
  const result = outcome?.result;
  if (!result) return undefined;
  let byFinding = messageMaps.get(result);
  if (!byFinding) {
    byFinding = new Map(result.findings.map((f, i) => [f, result.messages[i]!]));
    messageMaps.set(result, byFinding);
  }
  return byFinding.get(finding);
}

const messageMaps = new WeakMap<CachedResult, Map<Finding, ReportedMessage>>();

export interface LintFilesOptions {
  /** Threads to lint with, this one included (1 = no worker). */
  jobs: number;
  /** Working directory: cache keys use paths relative to it. */
  cwd: string;
  /** When `--cache` is on: its directory (default: see cache.ts) and amlint's version. */
  cache?: { location?: string; version: string };
  /**
   * Send each document's decoded input back (a baseline hashes the lines of findings). Without
   * it, an outcome's `loaded.input` is read again from disk only if something asks for it.
   */
  wantInput?: boolean;
  /** `--max-file-size`. */
  maxFileSize?: number;
  /** Chain suggestions for findings without a fix (lint's `chains`): for output that shows fixes. */
  chains?: boolean;
  /** Projected single-thread work (ms) above which workers are started (default WORKER_THRESHOLD_MS; tests use 0). */
  workerThresholdMs?: number;
  /** How long a worker may go without finishing a file (default STALL_MS; for tests). */
  stallMs?: number;
  /** Worker heap limits (default: Node's; tests use tiny ones to make a worker fail). */
  workerResourceLimits?: ResourceLimits;
  /** Called as files complete (for a progress line), with the count so far. */
  onProgress?: (done: number, total: number) => void;
}

export interface LintFilesResult {
  outcomes: FileOutcome[];
  /** Text for stderr (a cache that could not be written). */
  warnings: string;
  stats: { workers: number; cacheHits: number; cacheMisses: number };
}

/** The number of threads `--jobs` defaults to: one per core. */
export function defaultJobs(): number {
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, n);
}

// ---------------------------------------------------------------------------------------------
// Linting one file (the same code in this thread and in workers)

/** One unit of work: a file, its settings, and its bytes when they were read already. */
interface Job {
  index: number;
  filePath: string;
  settings: EngineSettings;
  bytes?: Uint8Array;
}

/** What a job sends back: Loaded minus the parts not needed by a lint-only run. */
interface JobResult {
  index: number;
  load: { ok: true; warning?: string; bom: boolean; writable: boolean } | { ok: false; message: string };
  input?: DocumentInput;
  result?: CachedResult;
  error?: { message: string; stack?: string };
}

function errorOf(e: unknown): { message: string; stack?: string } {
  if (e instanceof Error) return e.stack ? { message: e.message, stack: e.stack } : { message: e.message };
  return { message: String((e as { message?: unknown })?.message ?? e) };
}

/** How every job of a run is done (the same in this thread and in each worker). */
interface JobOptions {
  wantInput: boolean;
  maxFileSize?: number;
  chains?: boolean;
}

function runJob(job: Job, o: JobOptions): JobResult {
  const loaded = job.bytes ? loadDocument(job.bytes, job.filePath, o.maxFileSize) : readDocument(job.filePath, o.maxFileSize);
  if (!loaded.ok) return { index: job.index, load: { ok: false, message: loaded.message } };
  const out: JobResult = {
    index: job.index,
    load: { ok: true, bom: loaded.bom, writable: loaded.writable, ...(loaded.warning !== undefined ? { warning: loaded.warning } : {}) },
  };
  if (o.wantInput) out.input = loaded.input;
  try {
    const { findings, fatal } = lint(loaded.input, job.settings, undefined, { chains: o.chains });
    const result: CachedResult = { findings, messages: findings.map((f) => findingToMessage(f, loaded.input)) };
    if (fatal !== undefined) result.fatal = fatal;
    if (loaded.warning !== undefined) result.warning = loaded.warning;
    out.result = result;
  } catch (e) {
    out.error = errorOf(e);
  }
  return out;
}

/** A Loaded for an outcome computed elsewhere; `input` comes from `input` or, lazily, from disk. */
function loadedFrom(filePath: string, load: JobResult['load'], input: DocumentInput | undefined, maxFileSize: number | undefined): Loaded {
  if (!load.ok) return { ok: false, message: load.message };
  const loaded = { ok: true, original: '', bom: load.bom, writable: load.writable } as Extract<Loaded, { ok: true }>;
  if (load.warning !== undefined) loaded.warning = load.warning;
  let value = input;
  Object.defineProperty(loaded, 'input', {
    enumerable: true,
    get(): DocumentInput {
      if (!value) {
        const again = readDocument(filePath, maxFileSize);
        // The file changed or vanished since it was linted: an empty document of its kind.
        value = again.ok ? again.input : { kind: 'python', text: '', path: filePath };
      }
      return value;
    },
  });
  return loaded;
}

function outcomeOf(filePath: string, r: JobResult, maxFileSize: number | undefined): FileOutcome {
  const outcome: FileOutcome = { loaded: loadedFrom(filePath, r.load, r.input, maxFileSize) };
  if (r.result) outcome.result = r.result;
  if (r.error !== undefined) outcome.error = r.error;
  return outcome;
}

// ---------------------------------------------------------------------------------------------
// The pool
//
// The CLI's runLint is synchronous (its callers, `amlint` and `amlint report`, expect a value),
// so this thread waits for the workers with Atomics.wait and takes their messages with
// receiveMessageOnPort instead of going back to the event loop. Each worker, after posting a
// batch's results, bumps a shared counter and notifies; it also counts every file it
// finishes, so a worker that stops making progress (it died, or hangs) is noticed.

interface WorkerInit {
  amlintLintWorker: true;
  options: JobOptions;
  port: MessagePort;
  /**
   * [0]: bumped after every message; [1 + slot]: files worker `slot` has finished;
   * [threads + slot]: set when that worker's thread exits.
   */
  shared: Int32Array;
  threads: number;
  slot: number;
}

type ToWorker = { jobs: Job[] };

interface PoolOptions {
  workerThresholdMs: number;
  stallMs: number;
  resourceLimits?: ResourceLimits;
}
type FromWorker = { results: JobResult[] } | { fatal: { message: string } };

/** When this thread has linted for this long, it decides whether workers are worth starting. */
const DECIDE_AFTER_MS = 150;

/** A worker that finishes no file for this long is given up (its files are linted here). */
export const STALL_MS = 60_000;

/** Files per batch: small enough to balance the load, large enough to keep messages few. */
function batchSize(files: number, workers: number): number {
  return Math.max(1, Math.min(32, Math.ceil(files / (workers * 8))));
}

interface Slot {
  worker: Worker;
  port: MessagePort;
  index: number;
  current?: Job[];
  beat: number;
  since: number;
}

/**
 * Lints `jobs` on up to `threads` threads: this one and `threads - 1` workers. This thread
 * starts at once (it has the engine loaded) and lints single files from the queue whenever no
 * worker message is waiting. Workers are started only once the work left is projected to take
 * longer than `workerThresholdMs` on this thread alone (starting one costs a few hundred
 * milliseconds of loading the engine, more than a small run takes); they get batches. The
 * files of a worker that fails go back to the queue. Returns when every job has a result.
 */
function runPool(jobs: Job[], threads: number, options: JobOptions, pool: PoolOptions, onResult: (r: JobResult) => void): { started: number } {
  const queue: Job[] = [...jobs];
  let size = 1;
  const shared = new Int32Array(new SharedArrayBuffer(4 * 2 * threads));
  const slots: Slot[] = [];
  let started = -1; // workers started; -1 = not yet decided

  const dispatch = (slot: Slot): void => {
    slot.current = queue.length ? queue.splice(0, size) : undefined;
    slot.since = Date.now();
    if (slot.current) slot.port.postMessage({ jobs: slot.current } satisfies ToWorker);
  };
  const fail = (slot: Slot): void => {
    // Results it posted before it failed still count; only what it never reported is redone.
    for (let m = receiveMessageOnPort(slot.port); m; m = receiveMessageOnPort(slot.port)) {
      const message = m.message as FromWorker;
      if ('results' in message) {
        for (const r of message.results) onResult(r);
        slot.current = undefined;
      }
    }
    if (slot.current) queue.unshift(...slot.current);
    slot.current = undefined;
    slots.splice(slots.indexOf(slot), 1);
    stop(slot);
  };
  const startWorkers = (): void => {
    size = batchSize(queue.length, threads);
    for (let w = 0; w < threads - 1; w++) {
      const { port1, port2 } = new MessageChannel();
      const init: WorkerInit = { amlintLintWorker: true, options, port: port2, shared, threads, slot: w };
      let worker: Worker;
      try {
        worker = new Worker(__filename, { workerData: init, transferList: [port2], resourceLimits: pool.resourceLimits });
      } catch {
        port1.close();
        continue; // no worker: this thread does its share
      }
      worker.unref(); // a worker never keeps the process alive
      worker.on('error', () => undefined); // noticed by the stall check; never thrown at the CLI
      slots.push({ worker, port: port1, index: w, beat: 0, since: Date.now() });
    }
    started = slots.length;
    for (const slot of slots) dispatch(slot);
  };

  const t0 = Date.now();
  let doneHere = 0;
  while (queue.length > 0 || slots.some((s) => s.current)) {
    const seen = Atomics.load(shared, 0);
    let received = false;
    for (const slot of [...slots]) {
      for (let m = receiveMessageOnPort(slot.port); m; m = receiveMessageOnPort(slot.port)) {
        received = true;
        const message = m.message as FromWorker;
        if ('fatal' in message) {
          fail(slot);
          break;
        }
        for (const r of message.results) onResult(r);
        dispatch(slot);
      }
    }
    if (received) continue;
    if (queue.length > 0) {
      onResult(runJob(queue.shift()!, options));
      doneHere++;
      // Decided once, after DECIDE_AFTER_MS of linting here (the first files are slow while
      // the JIT warms up, so an earlier projection would overestimate what is left).
      const elapsed = Date.now() - t0;
      if (started < 0 && queue.length > 0 && elapsed >= Math.min(DECIDE_AFTER_MS, pool.workerThresholdMs)) {
        if ((elapsed / doneHere) * queue.length >= pool.workerThresholdMs) startWorkers();
        else started = 0;
      }
      continue;
    }
    const now = Date.now();
    for (const slot of [...slots]) {
      if (!slot.current) continue;
      const beat = Atomics.load(shared, 1 + slot.index);
      if (Atomics.load(shared, threads + slot.index) !== 0) {
        fail(slot); // its thread has exited: its files are back in the queue, for this thread
      } else if (beat !== slot.beat) {
        slot.beat = beat;
        slot.since = now;
      } else if (now - slot.since > pool.stallMs) {
        fail(slot); // no file finished for too long (out of memory, or hanging)
      }
    }
    // Woken by the next message; the timeout only paces the stall check.
    if (queue.length === 0) Atomics.wait(shared, 0, seen, 1000);
  }
  for (const slot of slots) stop(slot);
  return { started: Math.max(0, started) };
}

function stop(slot: Slot): void {
  slot.port.close();
  void slot.worker.terminate().catch(() => undefined);
}

/** The worker side: the engine is loaded once (the imports above); then batches until closed. */
function workerMain(): void {
  const init = workerData as WorkerInit;
  const { port, shared, slot, options, threads } = init;
  // Tell the main thread at once when this thread ends (it waits with Atomics, not events).
  process.on('exit', () => {
    Atomics.store(shared, threads + slot, 1);
    Atomics.add(shared, 0, 1);
    Atomics.notify(shared, 0);
  });
  port.on('message', (m: ToWorker) => {
    try {
      const results = m.jobs.map((job) => {
        const r = runJob(job, options);
        Atomics.add(shared, 1 + slot, 1);
        return r;
      });
      port.postMessage({ results } satisfies FromWorker);
    } catch (e) {
      port.postMessage({ fatal: errorOf(e) } satisfies FromWorker);
    }
    Atomics.add(shared, 0, 1);
    Atomics.notify(shared, 0);
  });
}

if (!isMainThread && (workerData as Partial<WorkerInit> | undefined)?.amlintLintWorker) workerMain();

// ---------------------------------------------------------------------------------------------
// The entry point

/**
 * Reads and lints `targets`, returning their outcomes in the same order. Uses the cache when
 * `options.cache` is set, and worker threads for the files the cache does not answer when
 * there are enough of them.
 */
export function lintFiles(targets: readonly LintTarget[], options: LintFilesOptions): LintFilesResult {
  const started = performance.now();
  const total = targets.length;
  const outcomes: Array<FileOutcome | undefined> = new Array(total);
  const wantInput = Boolean(options.wantInput);
  const jobOptions: JobOptions = { wantInput, maxFileSize: options.maxFileSize, chains: options.chains };
  let done = 0;
  const progress = (): void => options.onProgress?.(done, total);

  // 1. The cache answers what it can. Files are read here once; their bytes go to the workers.
  let cache: LintCache | undefined;
  const keys: Array<string | undefined> = new Array(total);
  const pending: Job[] = [];
  if (options.cache) {
    cache = LintCache.open(options.cache.location ?? defaultCacheLocation(options.cwd), amlintFingerprint(options.cache.version));
    const settingsJson = new Map<EngineSettings, string>();
    for (let i = 0; i < total; i++) {
      const { filePath, settings } = targets[i]!;
      let bytes: Buffer;
      try {
        const st = fs.statSync(filePath);
        if (!st.isFile() || st.size > sizeLimit(filePath, options.maxFileSize)) throw new Error('not cached');
        bytes = fs.readFileSync(filePath);
      } catch {
        // Unreadable, not a regular file, too large: readDocument says which, uncached.
        pending.push({ index: i, filePath, settings });
        continue;
      }
      let sj = settingsJson.get(settings);
      // The size limit is part of the key: a hit must never skip the check of a smaller limit;
      // so is `chains`: a result without chain suggestions must not answer a run that shows them.
      if (sj === undefined) settingsJson.set(settings, (sj = stableJson({ settings, maxFileSize: options.maxFileSize, ...(options.chains ? { chains: true } : {}) })));
      const key = cacheKey(cache.fingerprint, sj, path.relative(options.cwd, filePath), bytes);
      keys[i] = key;
      const hit = cache.get(key);
      if (hit) {
        // The bytes are at hand: decode them only if the caller wants the input.
        const load: JobResult['load'] = { ok: true, bom: false, writable: false, ...(hit.warning !== undefined ? { warning: hit.warning } : {}) };
        const input = wantInput ? loadInput(bytes, filePath, options.maxFileSize) : undefined;
        outcomes[i] = { ...outcomeOf(filePath, { index: i, load, input, result: hit }, options.maxFileSize), cached: true };
        done++;
      } else {
        pending.push({ index: i, filePath, settings, bytes });
      }
    }
    progress();
  } else {
    for (let i = 0; i < total; i++) pending.push({ index: i, filePath: targets[i]!.filePath, settings: targets[i]!.settings });
  }

  // 2. The rest: with workers when there are enough files, else in this thread alone.
  const accept = (r: JobResult): void => {
    outcomes[r.index] = outcomeOf(targets[r.index]!.filePath, r, options.maxFileSize);
    const key = keys[r.index];
    // Only complete results are kept: an engine exception may be fixed by the next version.
    if (cache && key && r.result && r.error === undefined && r.load.ok) cache.set(key, r.result);
    done++;
    progress();
  };
  let workers = 0;
  const threads = Math.min(Math.max(1, Math.floor(options.jobs)), Math.ceil(pending.length / 4));
  if (threads > 1 && pending.length >= MIN_FILES_FOR_WORKERS) {
    const pool: PoolOptions = {
      workerThresholdMs: options.workerThresholdMs ?? WORKER_THRESHOLD_MS,
      stallMs: options.stallMs ?? STALL_MS,
      resourceLimits: options.workerResourceLimits,
    };
    workers = runPool(pending, threads, jobOptions, pool, accept).started;
  } else {
    for (const job of pending) accept(runJob(job, jobOptions));
  }

  let warnings = cache?.save() ?? '';
  if (warnings) warnings += '\n';
  if (process.env.AMLINT_DEBUG === '1') {
    warnings += `amlint: ${total} file(s), ${cache ? `${cache.hits} from the cache, ` : ''}${pending.length} linted on ${workers + 1} thread(s) in ${(performance.now() - started).toFixed(0)} ms\n`;
  }
  return {
    outcomes: outcomes as FileOutcome[],
    warnings,
    stats: { workers, cacheHits: cache?.hits ?? 0, cacheMisses: cache?.misses ?? 0 },
  };
}

function loadInput(bytes: Uint8Array, filePath: string, maxFileSize: number | undefined): DocumentInput | undefined {
  const loaded = loadDocument(bytes, filePath, maxFileSize);
  return loaded.ok ? loaded.input : undefined;
}

export type { Finding, ReportedMessage };
