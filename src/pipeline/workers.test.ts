/**
 * The worker pool gives the same store as the main thread: extract, annotate, features and story
 * comparison are pure, and the clusterer and store writer stay single-writer whatever the pool size.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import { readInputs } from '../ingest/files.js';
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
});
