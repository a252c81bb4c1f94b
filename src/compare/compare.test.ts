import { describe, expect, it } from 'vitest';
import { loadGoldenStories, precisionRecall, scoreGolden } from './golden.js';
import { loadGazetteer, lookupPlace, placesCompatible } from './places.js';
import { compareContent } from './sources.js';
import { samePerson, personKey, sentenceSlots } from './slots.js';

const gazetteer = loadGazetteer();

describe('places', () => {
  it.each([
    ['Budapest', 'the Hungarian capital', true],
    ['Budapest', 'Hungary', true],
    ['Budapest', 'Bratislava', false],
    ['Beijing', 'Budapest', false],
    ['Lisbon', 'the Portuguese capital', true],
  ])('%s / %s compatible: %s', (a, b, expected) => {
    expect(placesCompatible(lookupPlace(gazetteer, a)!, lookupPlace(gazetteer, b)!)).toBe(expected);
  });
});

describe('slots', () => {
  it.each([
    ['About 14 people were injured.', 12.6, 15.4, 'peopl'],
    ['Fourteen people were hurt.', 14, 14, 'peopl'],
    ['It cost $750 million.', 750e6, 750e6, 'dollar'],
    ['The 400-megawatt plant opened.', 400, 400, 'megawatt'],
  ])('%s', (text, lo, hi, unit) => {
    const n = sentenceSlots(text, 0, '2025-03-10', gazetteer).numbers[0]!;
    expect([Math.round(n.lo * 10) / 10, Math.round(n.hi * 10) / 10, n.unit]).toEqual([lo, hi, unit]);
  });
  it('resolves a weekday against the publication date and skips reporting times', () => {
    const t = sentenceSlots('The barge hit the ferry on Sunday, police said on Monday.', 0, '2025-03-10', gazetteer).times;
    expect(t.map((x) => [x.day, x.reporting])).toEqual([
      ['2025-03-09', false],
      ['2025-03-10', true],
    ]);
  });
  it.each([
    ['Sandor Pinter', 'Shandor Pinter', true],
    ['Lajos Kertesz', 'Lajos Kertész', true],
    ['Robert S.', 'Robert Mueller', true],
    ['Lajos Kertesz', 'Gabor Szabo', false],
  ])('%s / %s same person: %s', (a, b, expected) => {
    expect(samePerson(personKey(a), personKey(b))).toBe(expected);
  });
});

describe('golden stories', () => {
  const stories = loadGoldenStories();
  it('finds planted conflicts and copies without flagging paraphrases', () => {
    const tally = { conflicts: { tp: 0, fp: 0, fn: 0 }, reuse: { tp: 0, fp: 0, fn: 0 } };
    for (const story of stories) {
      const cmp = compareContent(story.articles, { gazetteer });
      const s = scoreGolden(story, cmp);
      expect(s.nonConflictsFlagged).toBe(0);
      for (const k of ['conflicts', 'reuse'] as const) {
        tally[k].tp += s[k].tp;
        tally[k].fp += s[k].fp;
        tally[k].fn += s[k].fn;
      }
      for (const sentence of cmp.brief?.sentences ?? []) expect(sentence.articles.length).toBeGreaterThan(0);
    }
    expect(precisionRecall(tally.conflicts).precision).toBeGreaterThanOrEqual(0.9);
    expect(precisionRecall(tally.conflicts).recall).toBeGreaterThanOrEqual(0.8);
    expect(precisionRecall(tally.reuse).precision).toBeGreaterThanOrEqual(0.95);
  });
  it('is deterministic whatever the arrival order', () => {
    const story = stories[0]!;
    expect(compareContent([...story.articles].reverse(), { gazetteer })).toEqual(compareContent(story.articles, { gazetteer }));
  });
});
