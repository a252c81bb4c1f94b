/**
 * A worker for tests: the real one, except that a batch holding a document whose source names
 * `crash-worker` kills the thread with an uncaught error, as running out of memory would.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerRequest } from '../workers.js';

const port = parentPort;
if (port) {
  // Registered before the real worker's listener: throwing here ends the thread before it answers.
  port.on('message', (request: WorkerRequest) => {
    if (request.kind === 'prepare' && request.docs.some((d) => d.source.includes('crash-worker'))) throw new Error('simulated crash');
  });
}
await import('../prepare-worker.js');
