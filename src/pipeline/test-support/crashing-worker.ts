/**
 * A worker for tests: the real one, except that a batch holding a document whose source names
 * `crash-worker` kills the thread with an uncaught error before it answers, as running out of
 * memory would.
 *
 * The real worker's listener is the only one on the port. A listener of our own registered
 * before it would start the port, and a batch arriving while the real worker was still loading
 * (a loaded machine) would reach no one: the pool would wait for it forever. So the crash is
 * thrown from the reply instead, by the port's postMessage, before the answer leaves.
 */
import { parentPort } from 'node:worker_threads';
import type { PreparedDocument } from '../prepare.js';
import type { WorkerReply } from '../workers.js';

const port = parentPort;
if (port) {
  const post = port.postMessage.bind(port);
  port.postMessage = (reply: WorkerReply): void => {
    const prepared = reply.ok && Array.isArray(reply.value) ? (reply.value as PreparedDocument[]) : [];
    if (prepared.some((p) => p.article?.source.includes('crash-worker'))) throw new Error('simulated crash');
    post(reply);
  };
}
await import('../prepare-worker.js');
