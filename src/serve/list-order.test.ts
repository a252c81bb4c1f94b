import { describe, expect, it } from 'vitest';
import { generateStore } from '../bench/suites/api.js';
import { openStore } from '../store/open.js';

describe('story list pages', () => {
  it('equal the full list in order, ties on the date included (the fast path of an unfiltered page)', async () => {
    const store = await openStore(':memory:');
    try {
      await generateStore(store, 600, 3);
      const all = (await store.listStories()).map((s) => s.id);
      expect(all.length).toBeGreaterThan(100);
      for (const [offset, limit] of [[0, 25], [0, 1], [25, 25], [90, 40], [all.length - 5, 25]] as const) {
        const page = (await store.listStories({ offset, limit })).map((s) => s.id);
        expect(page).toEqual(all.slice(offset, offset + limit));
      }
    } finally {
      await store.close();
    }
  });
});
