/**
 * A pool of worker threads for the per-document stages (extract, fingerprint, annotate,
 * clustering features). The stateful parts — clusterer, compare and the store writer — stay
 * on the main thread, one writer; the pool only ever holds the batches the orchestrator has
 * put in flight, so memory stays bounded whatever the input size (back-pressure lives in
 * `analyze`, which waits for the oldest batch before it sends another).
 *
 * Batches go to one worker each, whole: boilerplate is learned per batch, and a batch's
 * result does not depend on which thread computed it, so the output is the same as the
 * single-thread path's.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DossierConfig } from '../config.js';
import { DossierError } from '../errors.js';
import type { RawDocument } from '../model.js';
import type { CompareJob, CompareOutcome } from './compare-stories.js';
import type { PreparedDocument } from './prepare.js';

/**
 * A job sent to a worker: a batch's per-document stages (the original bytes stay behind: the
 * stages never read them), or one story's comparison.
 */
export type WorkerRequest =
  | { readonly id: number; readonly kind: 'prepare'; readonly docs: readonly Omit<RawDocument, 'raw'>[] }
  | { readonly id: number; readonly kind: 'compare'; readonly job: CompareJob };

/** A worker's answer. */
export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly value: PreparedDocument[] | CompareOutcome }
  | { readonly id: number; readonly ok: false; readonly message: string };

/** Runs the per-document stages of batches, and story comparisons, on worker threads. */
export interface PreparePool {
  readonly size: number;
  prepare(docs: readonly RawDocument[]): Promise<PreparedDocument[]>;
  /** Compares one story on the next free worker; callers keep stories over {@link MAX_POOLED_STORY} articles. */
  compare(job: CompareJob): Promise<CompareOutcome>;
  close(): Promise<void>;
}

/**
 * The compiled worker script beside this module, or null when running from TypeScript
 * sources (tests), where a worker thread cannot load `.ts` files.
 */
export function defaultWorkerScript(): URL | null {
  const url = new URL('./prepare-worker.js', import.meta.url);
  return import.meta.url.endsWith('.ts') ? null : url;
}

/** How many workers `auto` means: every core but the one the main thread (cluster, store) keeps busy, at least one. */
export function autoWorkerCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * Old-generation heap of each worker. A worker keeps nothing between jobs, but on a machine
 * with much memory V8 lets a busy isolate grow to gigabytes of garbage before it collects; the
 * cap makes it collect sooner. It is well above any one job's live data: a batch of 200 pages,
 * or a story of at most {@link MAX_POOLED_STORY} articles being compared.
 */
const WORKER_HEAP_MB = 512;

/** Stories (members and earlier articles) larger than this are compared on the main thread, which has no heap cap. */
export const MAX_POOLED_STORY = 400;

interface Job {
  readonly request: WorkerRequest;
  readonly resolve: (value: PreparedDocument[] | CompareOutcome) => void;
  readonly reject: (err: Error) => void;
}

/** Starts `size` workers running `script` (see {@link defaultWorkerScript}). */
export function startPreparePool(size: number, config: DossierConfig, script: URL): PreparePool {
  if (!Number.isInteger(size) || size < 1) {
    throw new DossierError('config:invalid', `workers: expected a whole number ≥ 1, found ${size}`);
  }
  const workers = new Set<Worker>();
  const idle: Worker[] = [];
  const queue: Job[] = [];
  const running = new Map<Worker, Job>();
  let nextId = 1;
  let failure: Error | null = null;

  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      running.set(worker, job);
      worker.postMessage(job.request);
    }
  };
  const spawn = (): void => {
    const worker = new Worker(fileURLToPath(script), { workerData: { config }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    let answered = false;
    workers.add(worker);
    idle.push(worker);
    worker.on('message', (reply: WorkerReply) => {
      answered = true;
      const job = running.get(worker);
      running.delete(worker);
      idle.push(worker);
      if (job) {
        if (reply.ok) job.resolve(reply.value);
        else job.reject(new DossierError('pipeline:worker-failed', `worker thread: expected a ${job.request.kind} result, found an error (${reply.message})`));
      }
      dispatch();
    });
    worker.on('error', (err) => {
      workers.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      const job = running.get(worker);
      running.delete(worker);
      if (!answered) {
        // A worker that dies before its first answer cannot start at all: the run stops.
        failure = new DossierError('pipeline:worker-failed', `worker thread: expected it to start, found it crashed (${err.message})`);
        job?.reject(failure);
        for (const queued of queue.splice(0)) queued.reject(failure);
        return;
      }
      // A worker that dies on one job (out of memory on a huge batch) takes only that job: the
      // caller redoes it on the main thread, and a fresh worker takes the next ones.
      job?.reject(new DossierError('pipeline:worker-crashed', `worker thread: expected a ${job.request.kind} result, found the worker crashed (${err.message})`));
      if (!failure) spawn();
      dispatch();
    });
  };
  for (let i = 0; i < size; i++) spawn();

  const submit = <T extends PreparedDocument[] | CompareOutcome>(request: WorkerRequest): Promise<T> => {
    if (failure) return Promise.reject(failure);
    return new Promise<T>((resolve, reject) => {
      queue.push({ request, resolve: resolve as (value: PreparedDocument[] | CompareOutcome) => void, reject });
      dispatch();
    });
  };

  return {
    size,
    prepare(docs) {
      if (docs.length === 0) return Promise.resolve([]);
      return submit<PreparedDocument[]>({ id: nextId++, kind: 'prepare', docs: docs.map(({ raw: _raw, ...rest }) => rest) });
    },
    compare(job) {
      return submit<CompareOutcome>({ id: nextId++, kind: 'compare', job });
    },
    async close() {
      await Promise.all([...workers].map((w) => w.terminate()));
    },
  };
}
