/**
 * The garbage collector's heap policy for long runs. By default V8 lets the old generation grow
 * to two or three times its live data before a full collection, scaled to the machine's memory:
 * on a 24 GB machine an `analyze` of 100,000 articles (a few hundred MB live, mostly the
 * clusterer) peaked at 2 GB, most of it garbage waiting for collection. Growing the heap by at
 * most half of what was live after each collection keeps peak memory near the live data; the
 * extra collections cost no measurable time on the throughput benchmark (20,000 articles: 112 s
 * either way, peak 1,038 → 770 MiB).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap growth allowed after a full collection, in percent of the live data. */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Applies the heap policy to this process and the worker threads it starts later. Call it once,
 * first thing in an entry point (the CLI, a benchmark child): V8 reads the flag at every
 * collection, so it holds from the next one on.
 */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

let collector: (() => void) | null = null;

/**
 * Tries to obtain V8's collector this many times: flags are shared by every thread of the
 * process, so another thread's {@link collectGarbage} may unset the flag between our setting it
 * and making the context (worker threads reach the phase boundary together).
 */
const COLLECTOR_ATTEMPTS = 8;

/**
 * Runs a full garbage collection now, and says whether it did. For phase boundaries where a
 * large structure has just been let go: V8 sizes the heap from what was live at its last full
 * collection, so without one the heap would grow by half of the released structure's size again
 * before noticing it is garbage. The collector is V8's own `gc`, exposed to one fresh context
 * only: the flag is read when a context is made, and it is unset again at once, so no other
 * context (nor a worker thread started later) gains a `gc` global. When the collector cannot be
 * had (other threads kept unsetting the flag), nothing is collected: the collection only saves
 * memory, and V8 collects on its own later.
 */
export function collectGarbage(): boolean {
  for (let attempt = 0; !collector && attempt < COLLECTOR_ATTEMPTS; attempt++) {
    setFlagsFromString('--expose-gc');
    try {
      collector = runInNewContext('typeof gc === "function" ? gc : null') as (() => void) | null;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  collector?.();
  return collector !== null;
}
