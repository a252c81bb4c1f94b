/**
 * The body of one worker thread of {@link startPreparePool}: receives batches of documents or
 * stories to compare, runs the pure stages on them and posts the results back. It holds no
 * state beyond the configuration it was started with and the gazetteer it builds once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadGazetteer, type Gazetteer } from '../compare/places.js';
import type { DossierConfig } from '../config.js';
import type { RawDocument } from '../model.js';
import { collectGarbage } from '../util/heap.js';
import { runCompareJob } from './compare-stories.js';
import { prepareDocuments } from './prepare.js';
import type { WorkerReply, WorkerRequest } from './workers.js';

const port = parentPort;
const config = (workerData as { config: DossierConfig }).config;
if (port) {
  let gazetteer: Gazetteer | null = null;
  let lastKind: WorkerRequest['kind'] | null = null;
  port.on('message', (request: WorkerRequest) => {
    let reply: WorkerReply;
    // A run prepares every batch, then compares every story: at the switch the heap is full of
    // the batches' garbage, sized for them. Collected now, the compare jobs start from a small
    // heap instead of adding their garbage to it.
    if (lastKind !== null && request.kind !== lastKind) collectGarbage();
    lastKind = request.kind;
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
