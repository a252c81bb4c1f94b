/**
 * The worker pool gives the same store as the main thread: extract, annotate, features and story
 * comparison are pure, and the clusterer and store writer stay single-writer whatever the pool size.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import { readInputs, type IngestItem } from '../ingest/files.js';
import { makeRawDocument } from '../ingest/raw.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { analyze } from './analyze.js';
import { bundleForNode } from './test-support/bundle.js';

const stores: Store[] = [];
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
});

async function run(workers: number, workerScript?: URL): Promise<unknown> {
  const store = await openStore(':memory:');
  stores.push(store);
  // Small batches, so several are in flight on the pool at once.
  await analyze(store, readInputs(['examples/sample']), { config: resolveConfig({ batchSize: 3 }), workers, ...(workerScript ? { workerScript } : {}) });
  const stories = await store.listStories();
  // Comparisons too: with a pool they are made on the workers, in whatever order they finish.
  const comparisons = await Promise.all(stories.map(async (s) => (await store.getStory(s.id))?.comparison));
  return { stats: await store.stats(), stories: stories.map((s) => ({ id: s.id, title: s.title, articles: s.articles.map((a) => a.id) })), comparisons };
}

describe('worker pool', () => {
  it('stores exactly what the main thread stores, with 1 and 2 workers', async () => {
    const script = await bundleForNode('src/pipeline/prepare-worker.ts', 'prepare-worker');
    const expected = await run(0);
    expect(await run(1, script)).toEqual(expected);
    expect(await run(2, script)).toEqual(expected);
  }, 120_000);

  it('redoes a batch on the main thread when its worker crashes, and goes on with a fresh worker', async () => {
    const script = await bundleForNode('src/pipeline/test-support/crashing-worker.ts', 'crashing-worker');
    const items = async (): Promise<IngestItem[]> => {
      const list: IngestItem[] = [];
      for await (const item of readInputs(['examples/sample'])) list.push(item);
      // Third document of the second batch (batches of 3): the worker has answered once before.
      const body = 'Crash test. The harbour office of Velmora said on Monday that the pilot boats would be inspected after the storm, and that the inspection would take a week.';
      list.splice(5, 0, { ok: true, doc: makeRawDocument({ source: 'mem/crash-worker.txt', body, bodyFormat: 'text' }) });
      return list;
    };
    const expected = await openStore(':memory:');
    const crashed = await openStore(':memory:');
    stores.push(expected, crashed);
    const config = resolveConfig({ batchSize: 3 });
    await analyze(expected, await items(), { config, workers: 0 });
    const summary = await analyze(crashed, await items(), { config, workers: 1, workerScript: script });
    expect(summary.diagnostics.some((d) => d.origin === 'pipeline:worker-crashed')).toBe(true);
    expect(await crashed.stats()).toEqual(await expected.stats());
    const ids = async (s: Store): Promise<unknown> => (await s.listStories()).map((x) => [x.id, x.articles.map((a) => a.id)]);
    expect(await ids(crashed)).toEqual(await ids(expected));
  }, 120_000);
});
