import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config.js';
import { buildThreads, MAX_PROPOSING_STORIES, type StoryNames } from './threads.js';

const story = (storyId: string, names: readonly string[], articleCount = 1): StoryNames => ({
  storyId,
  names: new Map(names.map((n) => [n, articleCount])),
  articleCount,
});

describe('buildThreads', () => {
  it('links stories that share several distinctive names, with the shared names as the reason', () => {
    const threads = buildThreads(
      [
        story('st_b', ['alda port', 'mira tolen', 'dock union', 'harbour board']),
        story('st_a', ['alda port', 'mira tolen', 'dock union', 'ferry line']),
        story('st_c', ['kessa valley', 'ruan oder', 'flood office']),
      ],
      DEFAULT_CONFIG.thread,
    );
    expect(threads).toEqual([
      { id: 'th_a', storyIds: ['st_a', 'st_b'], reason: 'st_a: st_b shares alda port, dock union, mira tolen' },
    ]);
  });

  it('does not link stories on fewer shared names than the configuration asks', () => {
    const threads = buildThreads([story('st_a', ['alda port', 'mira tolen', 'x']), story('st_b', ['alda port', 'mira tolen', 'y'])], DEFAULT_CONFIG.thread);
    expect(threads).toEqual([]);
  });

  it('ignores names dropped in passing: a name counts when half the articles of a story mention it', () => {
    const passing: StoryNames = { storyId: 'st_b', names: new Map([['alda port', 1], ['mira tolen', 1], ['dock union', 1]]), articleCount: 6 };
    expect(buildThreads([story('st_a', ['alda port', 'mira tolen', 'dock union']), passing], DEFAULT_CONFIG.thread)).toEqual([]);
  });

  it('does not let names found in very many stories link them: only rarer shared names propose a thread', () => {
    const common = ['united states', 'white house', 'washington'];
    const many = Array.from({ length: MAX_PROPOSING_STORIES + 50 }, (_, i) => story(`st_${String(i).padStart(4, '0')}`, [...common, `only ${i}`]));
    expect(buildThreads(many, DEFAULT_CONFIG.thread)).toEqual([]);
    // Two of them that also share rare names still form a thread, the common names counting in the overlap.
    const pair = [story('st_x1', [...common, 'alda port', 'mira tolen']), story('st_x2', [...common, 'alda port', 'mira tolen'])];
    const threads = buildThreads([...many, ...pair], DEFAULT_CONFIG.thread);
    expect(threads.map((t) => t.storyIds)).toEqual([['st_x1', 'st_x2']]);
    expect(threads[0]!.reason).toContain('alda port, mira tolen, united states');
  });

  it('is the same whatever the order of the stories', () => {
    const list = [story('st_a', ['p', 'q', 'r']), story('st_b', ['p', 'q', 'r', 's']), story('st_c', ['q', 'r', 's', 't'])];
    expect(buildThreads([...list].reverse(), DEFAULT_CONFIG.thread)).toEqual(buildThreads(list, DEFAULT_CONFIG.thread));
  });
});
