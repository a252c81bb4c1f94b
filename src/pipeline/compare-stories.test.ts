import { describe, expect, it } from 'vitest';
import { StoryClusterer } from '../cluster/clusterer.js';
import { DEFAULT_CONFIG } from '../config.js';
import type { Diagnostic } from '../diagnostics.js';
import { contractArticle } from '../store/contract.js';
import { openStore } from '../store/open.js';
import { comparisonText } from '../store/store.js';
import { collectGarbage } from '../util/heap.js';
import { compareStaleStories, storyView, type CompareRunner, type StoryView } from './compare-stories.js';

/** More stories than one write holds (100), so lanes run across writes. */
const STORIES = 230;

describe('compareStaleStories', () => {
  it('compares every stale story once with several lanes finishing out of order', async () => {
    const store = await openStore(':memory:');
    try {
      const records = Array.from({ length: STORIES }, (_, i) =>
        contractArticle(`in/ferry-${i}.txt`, `Ferry notice ${i}`, `The Velmora ferry line ${i} changes its timetable from May, the harbour office said on Monday.`),
      );
      const storyOf = (i: number): string => `st_${String(i).padStart(4, '0')}`;
      await store.commit({
        raws: [],
        articles: records,
        decisions: records.map((r, i) => ({ articleId: r.article.id, storyId: storyOf(i), action: 'created', score: null, candidates: [], threshold: 0.1, reason: 'test' })),
        stories: records.map((_, i) => ({ id: storyOf(i), title: `Ferry notice ${i}`, comparison: null })),
      });
      const members = new Map(records.map((r, i) => [storyOf(i), [r.article.id]]));
      const view: StoryView = { members: (id) => members.get(id) ?? [], threads: () => [], start: () => null };
      const seen: string[] = [];
      // Each job takes 0-4 ms, by story: later stories often finish before earlier ones.
      const run: CompareRunner = async (job) => {
        seen.push(job.storyId);
        await new Promise((resolve) => setTimeout(resolve, Number(job.storyId.slice(-2)) % 5));
        return {
          title: `Ferry ${job.storyId}`,
          comparison: comparisonText({ storyId: job.storyId, sources: [], agencies: [], outlets: [] }),
          diagnostics: [{ severity: 'warning', origin: 'test', message: job.storyId }],
        };
      };
      const diagnostics: Diagnostic[] = [];
      const compared = await compareStaleStories(store, view, diagnostics, DEFAULT_CONFIG.compare, run, 3);

      expect(compared).toBe(STORIES);
      expect(await store.storiesToCompare(STORIES)).toEqual([]);
      expect(new Set(seen).size).toBe(STORIES);
      expect(seen).toHaveLength(STORIES);
      expect(diagnostics.map((d) => d.message).sort()).toEqual(records.map((_, i) => storyOf(i)));
      // The runner's title and comparison text are what is stored.
      const story = await store.getStory(storyOf(7));
      expect([story?.title, story?.comparison?.storyId]).toEqual([`Ferry ${storyOf(7)}`, storyOf(7)]);
    } finally {
      await store.close();
    }
  });
});

describe('storyView', () => {
  it('answers from a snapshot that keeps no reference to the clusterer', async () => {
    // analyze drops its clusterer before comparing: the view must not keep it alive.
    const made = ((): { clusterer: WeakRef<StoryClusterer>; view: StoryView } => {
      const clusterer = new StoryClusterer(DEFAULT_CONFIG.cluster);
      const day = Date.UTC(2026, 4, 4);
      clusterer.restore({ articleId: 'a1', terms: { ferry: 2, velmora: 1 }, names: ['velmora'], time: day }, 'st_ferry');
      clusterer.restore({ articleId: 'a2', terms: { ferry: 1, timetable: 1 }, names: ['velmora'], time: day + 3_600_000 }, 'st_ferry');
      clusterer.restore({ articleId: 'a3', terms: { budget: 1 }, names: [], time: null }, 'st_budget');
      return { clusterer: new WeakRef(clusterer), view: storyView(clusterer, DEFAULT_CONFIG.thread) };
    })();
    // A WeakRef made in this turn holds its target until the turn ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();

    expect(made.clusterer.deref()).toBeUndefined();
    expect(made.view.members('st_ferry')).toEqual(['a1', 'a2']);
    expect(made.view.members('st_unknown')).toEqual([]);
    expect(made.view.start('st_ferry')).toBe(Date.UTC(2026, 4, 4));
    expect(made.view.start('st_budget')).toBeNull();
  });
});
