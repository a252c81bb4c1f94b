import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import { itemsFromBytes, readInputs, type IngestItem } from '../ingest/files.js';
import { makeRawDocument } from '../ingest/raw.js';
import { openStore } from '../store/open.js';
import type { Batch, Store } from '../store/store.js';
import { StoryClusterer } from '../cluster/clusterer.js';
import { isDossierError } from '../errors.js';
import { analyze, ClusterReplica } from './analyze.js';

const config = resolveConfig({ batchSize: 2 });
const stores: Store[] = [];
async function fresh(): Promise<Store> {
  const s = await openStore(':memory:');
  stores.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

const para = (topic: string, n: number): string =>
  Array.from({ length: n }, (_, i) => `${topic} sentence number ${i + 1} gives another detail about the ${topic} in Velmora harbour.`).join(' ');

function doc(source: string, body: string, published = '2026-03-10'): IngestItem {
  return { ok: true, doc: makeRawDocument({ source, body, bodyFormat: 'text', supplied: { published } }) };
}

describe('analyze', () => {
  it('stores articles, stories and raw inputs, and a re-run changes nothing', async () => {
    const store = await fresh();
    const items = [doc('a.txt', para('strike', 6)), doc('b.txt', para('strike', 7)), doc('c.txt', para('eclipse', 6), '2026-05-01')];
    const first = await analyze(store, items, { config });
    expect(first).toMatchObject({ read: 3, articles: 3, duplicates: 0, rejected: 0, unchanged: 0 });
    const before = await store.stats();
    const again = await analyze(store, items, { config });
    expect(again).toMatchObject({ read: 3, articles: 0, unchanged: 3, storiesTouched: [] });
    expect(await store.stats()).toEqual(before);
  });

  it('keeps an exact duplicate as a raw input pointing at the first article', async () => {
    const store = await fresh();
    const text = para('fire', 6);
    const summary = await analyze(store, [doc('wire.txt', text), doc('copy.txt', `  ${text.replace(/ /g, '  ')}  `)], { config });
    expect(summary).toMatchObject({ articles: 1, duplicates: 1 });
    const [story] = await store.listStories();
    const detail = await store.getStory(story!.id);
    expect(detail?.comparison?.sources[0]?.duplicateSources).toEqual(['copy.txt']);
  });

  it('rejects bad documents with diagnostics and goes on', async () => {
    const store = await fresh();
    const items: IngestItem[] = [
      ...itemsFromBytes('broken.html', 'html', Uint8Array.from([0, 1, 2, 0])),
      ...itemsFromBytes('empty.txt', 'text', new Uint8Array()),
      doc('blank.txt', '   \n\n  '),
      doc('good.txt', para('flood', 6)),
    ];
    const summary = await analyze(store, items, { config });
    expect(summary).toMatchObject({ read: 4, articles: 1, rejected: 3 });
    expect(summary.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.source, d.origin])).toEqual([
      ['broken.html', 'input:binary'],
      ['empty.txt', 'extract:empty'],
      ['blank.txt', 'extract:empty'],
    ]);
    const rejected = await store.rejected();
    expect(rejected.map((r) => r.source).sort()).toEqual(['blank.txt', 'broken.html', 'empty.txt']);
    // The raw bytes of a rejected input are kept.
    expect(rejected.find((r) => r.source === 'broken.html')?.bytes?.length).toBe(4);
  });

  it('leaves a consistent store when interrupted between batches, and a re-run completes it', async () => {
    const store = await fresh();
    let commits = 0;
    // The real store, except that its second commit fails as if the power went out.
    const failing = new Proxy(store, {
      get(target, prop) {
        if (prop === 'commit') {
          return async (batch: Batch) => {
            if (++commits === 2) throw new Error('power cut');
            return target.commit(batch);
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const items = ['a', 'b', 'c', 'd', 'e'].map((x, i) => doc(`${x}.txt`, para(`topic${i}`, 6)));
    await expect(analyze(failing, items, { config })).rejects.toThrow('power cut');
    const mid = await store.stats();
    expect(mid.articles).toBe(2); // the first batch only, complete
    expect(mid.raws).toBe(2);
    const resumed = await analyze(store, items, { config });
    expect(resumed).toMatchObject({ unchanged: 2, articles: 3 });
    expect((await store.stats()).articles).toBe(5);
  });

  it('groups the sample corpus as its ground truth says: four stories, the concession and the strike in one thread', async () => {
    const store = await fresh();
    await analyze(store, readInputs(['examples/sample']), { config: resolveConfig() });
    const truth = JSON.parse(readFileSync('examples/sample.truth.json', 'utf8')) as {
      articles: { file: string; record: number | null; story: string }[];
      threads: string[][];
    };
    // Our stories as sets of truth labels: each must be exactly one truth story.
    const key = (a: { file: string; record: number | null }): string => (a.record === null ? a.file : `${a.file}#${a.record}`);
    const label = new Map(truth.articles.map((a) => [key(a), a.story]));
    const stories = await store.listStories();
    const grouped = stories.map((s) => s.articles.map((a) => label.get(a.source.split('/').pop()!) ?? `? ${a.source}`).sort().join(''));
    expect(grouped.sort()).toEqual(['AAAAAA', 'BBB', 'CC', 'DD']);
    // A follow-up months later (the strike over the concession) is a story of its own in the concession's thread.
    const storyOf = (l: string): (typeof stories)[number] => stories.find((s) => s.articles.some((a) => label.get(a.source.split('/').pop()!) === l))!;
    for (const [x, y] of truth.threads) {
      expect(storyOf(x!).thread).not.toBeNull();
      expect(storyOf(x!).thread).toBe(storyOf(y!).thread);
    }
  });

  const seeds = resolve(process.cwd(), '../shared/corpus/seeds');
  it.skipIf(!existsSync(seeds))('groups the seeds into two stories (4 + 1) with dates read from the text', async () => {
    const store = await fresh();
    await analyze(store, readInputs([seeds]), { config: resolveConfig() });
    const stories = await store.listStories();
    expect(stories.map((s) => s.articleCount).sort()).toEqual([1, 4]);
    const byPrefix = Object.fromEntries(stories.flatMap((s) => s.articles).map((a) => [a.source.split('/').pop()!.slice(0, 3), a.published]));
    expect(byPrefix).toMatchObject({ '000': '2024-02-19', '001': '2024-02-20', '003': '2024-02-19', '004': '2023-10-23' });
    const oct = stories.find((s) => s.articleCount === 1)!;
    expect(oct.articles[0]!.source).toContain('004_');
  });
});

describe('ClusterReplica', () => {
  it('hands over a snapshot of its stories on release and refuses to cluster afterwards', async () => {
    const store = await fresh();
    await analyze(store, [doc('in/ferry.txt', para('ferry timetable', 6)), doc('in/budget.txt', para('council budget', 6))], { config, workers: 0 });
    const replica = new ClusterReplica(new StoryClusterer(config.cluster));
    await replica.catchUp(store);
    const stories = await Promise.all((await store.listStories()).map((s) => store.getStory(s.id)));

    const view = replica.release(config.thread);

    // The view answers as the store does: each story's articles, whatever the grouping was.
    for (const story of stories) expect(new Set(view.members(story!.id))).toEqual(new Set(story!.decisions.map((d) => d.articleId)));
    expect(stories.flatMap((s) => view.members(s!.id))).toHaveLength(2);
    let thrown: unknown = null;
    try {
      void replica.clusterer;
    } catch (err) {
      thrown = err;
    }
    expect(isDossierError(thrown) && thrown.code).toBe('pipeline:released');
  });
});
