import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundleForNode } from '../pipeline/test-support/bundle.js';
import { collectGarbage } from './heap.js';

describe('collectGarbage', () => {
  it('collects what nothing references any more', async () => {
    const ref = ((): WeakRef<object> => new WeakRef({ held: new Array(1000).fill('ferry') }))();
    // A WeakRef made in this turn holds its target until the turn ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(collectGarbage()).toBe(true);
    expect(ref.deref()).toBeUndefined();
  });

  // V8's flags are shared by the threads of a process: one thread unsetting --expose-gc while
  // another makes its context once crashed a worker. The race depends on timing, so this test
  // does not always provoke it; it holds collectGarbage to working when threads ask together.
  it('collects in every worker thread when the threads all ask at once', async () => {
    const script = await bundleForNode('src/pipeline/test-support/collecting-worker.ts', 'collecting-worker');
    const threads = 4;
    const barrier = new Int32Array(new SharedArrayBuffer(4));
    const answers = Array.from({ length: threads }, () => {
      const worker = new Worker(fileURLToPath(script), { workerData: { barrier: barrier.buffer, threads } });
      return new Promise<unknown>((resolve, reject) => {
        worker.once('message', (m) => void worker.terminate().then(() => resolve(m)));
        worker.once('error', reject);
      });
    });
    expect(await Promise.all(answers)).toEqual(Array.from({ length: threads }, () => Array.from({ length: 20 }, () => true)));
  }, 60_000);

  it('leaves no gc global behind, here or in contexts made later', () => {
    collectGarbage();
    collectGarbage();
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
