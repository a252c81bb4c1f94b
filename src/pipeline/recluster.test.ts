import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import { makeRawDocument } from '../ingest/raw.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { analyze } from './analyze.js';
import { mergeStories, recluster, splitStory } from './recluster.js';

const config = resolveConfig();
/** Invented reports: two of a harbour fire, one of a chess final. */
const TEXTS = [
  'A fire destroyed the old grain warehouse at Dornstadt harbour on Monday night. Fire chief Ilse Brandt said forty firefighters fought the blaze for six hours and nobody was hurt.',
  'The historic grain warehouse on Dornstadt harbour burned down overnight; fire chief Ilse Brandt said forty firefighters battled the flames for six hours, with no injuries reported.',
  'Grandmaster Amara Okafor won the Lisbon chess final after a long endgame against Tomas Verde, taking the title and the prize fund in the last round of the tournament.',
];

async function load(order: readonly number[]): Promise<Store> {
  const store = await openStore(':memory:');
  const items = order.map((i) => ({ ok: true as const, doc: makeRawDocument({ source: `t/${i}.txt`, body: TEXTS[i]!, bodyFormat: 'text' }) }));
  await analyze(store, items, { config });
  return store;
}

/** Groups of sources, order-free, for comparing clusterings. */
async function groups(store: Store): Promise<string[]> {
  return (await store.listStories()).map((s) => s.articles.map((a) => a.source).sort().join('+')).sort();
}

describe('recluster, merge and split', () => {
  it('rebuilds the same stories whatever order the articles arrived in', async () => {
    const a = await load([0, 1, 2]);
    const b = await load([2, 1, 0]);
    await recluster(a, config);
    await recluster(b, config);
    expect(await groups(a)).toEqual(await groups(b));
    expect(await groups(a)).toEqual(['t/0.txt+t/1.txt', 't/2.txt']);
  });

  it('keeps a merge and a split through later runs and rebuilds', async () => {
    const store = await load([0, 1, 2]);
    const stories = await store.listStories();
    const fire = stories.find((s) => s.articleCount === 2)!;
    const chess = stories.find((s) => s.articleCount === 1)!;
    await mergeStories(store, config, fire.id, [chess.id]);
    expect(await groups(store)).toEqual(['t/0.txt+t/1.txt+t/2.txt']);
    await recluster(store, config);
    expect(await groups(store)).toEqual(['t/0.txt+t/1.txt+t/2.txt']);
    expect(await store.corrections()).toHaveLength(1);

    const merged = (await store.listStories())[0]!;
    const second = merged.articles.find((a) => a.source === 't/1.txt')!.id;
    const { newStoryId } = await splitStory(store, config, merged.id, [second]);
    expect((await store.getStory(newStoryId))?.articleCount).toBe(1);
    await recluster(store, config);
    const after = await groups(store);
    expect(after).toContain('t/1.txt');
    const detail = await store.getStory((await store.listStories()).find((s) => s.articleCount === 1)!.id);
    expect(detail?.decisions[0]?.reason).toBeTruthy();
    await store.close();
  });

  it('rejects a split of articles that are not in the story', async () => {
    const store = await load([0, 1]);
    const story = (await store.listStories())[0]!;
    await expect(splitStory(store, config, story.id, ['nope'])).rejects.toThrow(/expected articles of story/);
    await store.close();
  });
});
