/**
 * A worker thread for the heap test: waits until every thread of the test has started, then
 * asks for full collections at the same moment as the others, and posts whether each ran.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { collectGarbage } from '../../util/heap.js';

const { barrier, threads } = workerData as { barrier: SharedArrayBuffer; threads: number };
const arrived = new Int32Array(barrier);
Atomics.add(arrived, 0, 1);
// A busy wait, not Atomics.wait: the threads should be running, not waking one by one.
while (Atomics.load(arrived, 0) < threads) {
  // spin
}
parentPort?.postMessage(Array.from({ length: 20 }, () => collectGarbage()));
