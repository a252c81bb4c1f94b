/**
 * The body of one worker thread of {@link startPreparePool}: receives batches of documents,
 * runs the per-document stages on them and posts the results back. It holds no state beyond
 * the configuration it was started with.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DossierConfig } from '../config.js';
import type { RawDocument } from '../model.js';
import { prepareDocuments } from './prepare.js';
import type { PrepareReply, PrepareRequest } from './workers.js';

const port = parentPort;
const config = (workerData as { config: DossierConfig }).config;
if (port) {
  port.on('message', (request: PrepareRequest) => {
    let reply: PrepareReply;
    try {
      const docs: RawDocument[] = request.docs.map((d) => ({ ...d, raw: new Uint8Array() }));
      reply = { id: request.id, ok: true, prepared: prepareDocuments(docs, config) };
    } catch (err) {
      reply = { id: request.id, ok: false, message: (err as Error).message };
    }
    port.postMessage(reply);
  });
}
