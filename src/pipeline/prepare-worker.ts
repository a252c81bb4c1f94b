/**
 * The body of one worker thread of {@link startPreparePool}: receives batches of documents or
 * stories to compare, runs the pure stages on them and posts the results back. It holds no
 * state beyond the configuration it was started with and the gazetteer it builds once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadGazetteer, type Gazetteer } from '../compare/places.js';
import type { DossierConfig } from '../config.js';
import type { RawDocument } from '../model.js';
import { runCompareJob } from './compare-stories.js';
import { prepareDocuments } from './prepare.js';
import type { WorkerReply, WorkerRequest } from './workers.js';

const port = parentPort;
const config = (workerData as { config: DossierConfig }).config;
if (port) {
  let gazetteer: Gazetteer | null = null;
  port.on('message', (request: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      if (request.kind === 'prepare') {
        const docs: RawDocument[] = request.docs.map((d) => ({ ...d, raw: new Uint8Array() }));
        reply = { id: request.id, ok: true, value: prepareDocuments(docs, config) };
      } else {
        gazetteer ??= loadGazetteer();
        reply = { id: request.id, ok: true, value: runCompareJob(request.job, gazetteer) };
      }
    } catch (err) {
      reply = { id: request.id, ok: false, message: (err as Error).message };
    }
    port.postMessage(reply);
  });
}
