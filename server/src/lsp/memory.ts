/**
 * Giving memory back after documents close (issue 7: RSS back near the start after closing
 * hundreds of documents). V8 collects the analyses of closed documents only when it next needs
 * room, and keeps the heap it grew meanwhile; a full collection shortly after the last close
 * lets it shrink the heap and return the pages. `gc` is reached through V8's `--expose-gc`
 * flag set at start-up (not exposed to any analysed code: amlint never runs the code it reads).
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let gc: ((options?: object) => void) | undefined;
let timer: NodeJS.Timeout | undefined;

/**
 * Makes `collectSoon` work; call once at start-up. Harmless where V8 refuses the flags.
 *
 * Also keeps V8's young generation at its initial size until the user types (see
 * `editingStarted`): it otherwise doubles under a burst of allocation (opening hundreds of
 * documents) up to 32 MB and never shrinks back, which alone kept RSS 30 MB above the start
 * after every document was closed. The young generation's maximum can only be set on node's
 * command line; its growth factor can be set at run time.
 */
export function enableCollect(): void {
  try {
    v8.setFlagsFromString('--semi-space-growth-factor=1');
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as (options?: object) => void;
  } catch {
    gc = undefined;
  }
}

let growing = false;

/**
 * Call on the first edit of a document. Re-analysing as the user types allocates a lot of
 * short-lived objects; with the young generation kept small, garbage collection was a third of
 * each re-analysis (issue 7: edit → diagnostics in 20–30 ms). From then on V8 may grow it as it
 * normally does: some 30 MB more for a server that is being used for editing.
 */
export function editingStarted(): void {
  if (growing) return;
  growing = true;
  try {
    v8.setFlagsFromString('--semi-space-growth-factor=2');
  } catch {
    // keep the small young generation
  }
}

/** A full collection `delayMs` after the last call (closes come in bursts). */
export function collectSoon(delayMs = 1000): void {
  if (!gc) return;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    gc?.();
    // Finalizers free tree-sitter's native trees after the collection that found them dead;
    // two more passes release what those held and the pages left empty.
    setTimeout(() => gc?.(), 300).unref();
    setTimeout(() => gc?.(), 600).unref();
  }, delayMs);
  timer.unref();
}

/** Characters parsed between two collections (~20 typical scripts, ~5 MB of native trees). */
const PARSED_PER_COLLECTION = 100_000;
let collectedAt = 0;
let due = false;

/**
 * Call after each analysis with the engine's `parsedCharacters()`. tree-sitter's trees live in
 * native memory that V8 does not see and frees only when it collects their JS wrappers, which
 * by then are old (copying a tree into the engine's own nodes allocates enough to promote
 * them); without help, hundreds of dead trees pile up before V8 collects, and the C heap they
 * fragmented stays with the process for good (opening 500 documents left 50 MB behind). A
 * full collection every PARSED_PER_COLLECTION parsed characters (a few milliseconds, on an
 * idle turn of the event loop) keeps only a few trees' worth of native memory in use.
 */
export function afterParsing(parsedCharacters: number): void {
  if (!gc || due || parsedCharacters - collectedAt < PARSED_PER_COLLECTION) return;
  due = true;
  setTimeout(() => {
    due = false;
    collectedAt = parsedCharacters;
    gc?.();
  }, 20).unref();
}
