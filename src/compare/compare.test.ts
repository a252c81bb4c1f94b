import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import { DEFAULT_CLAIMS } from './claims.js';
import { loadGoldenStories, precisionRecall, scoreGolden } from './golden.js';
import { DEFAULT_REUSE } from './reuse.js';
import { loadGazetteer, lookupPlace, placesCompatible } from './places.js';
import { compareContent, compareStory } from './sources.js';
import { findEarlierReuse } from './earlier.js';
import { personFinder, samePerson, personKey, sentenceSlots } from './slots.js';
import { similarSentences } from './similar.js';
import { sortByKey } from './order.js';
import { prepareArticle, sentenceCache } from './prepare.js';
import { dice, joinSentenceTokens, joinTokens, stem, tokenize, WORD } from './text.js';

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
    ['The captain was not detained.', ['detain'], []],
    ["Countries that don't have exemptions will face tariffs.", [], ['face']],
    ["Migrants who don't pass the interview risk deportation.", [], []],
    ['The captain, who was not detained, helped police.', ['detain'], ['help']],
    ['If they pass the interview, they will stay.', [], ['stay']],
    ['Trump denied his campaign colluded with Russia.', ['collud'], []],
    ['The visit was planned, and he granted temporary exemptions.', [], ['plann', 'grant']],
    ["He can't attend the summit.", ['attend'], []],
  ])('negations and affirmed predicates: %s', (text, negated, asserted) => {
    const s = sentenceSlots(text, 0, '2025-03-10', gazetteer);
    expect([s.negated, s.asserted.filter((w) => w !== 'deni')]).toEqual([negated, asserted]);
  });
  it.each([
    ['Attorney General Jeff Sessions spoke.', 'Jeff Sessions', 'attorney general'],
    ['Deputy Attorney General Rod Rosenstein spoke.', 'Rod Rosenstein', 'deputy attorney general'],
    ['Assistant Attorney General Stephen Boyd spoke.', 'Stephen Boyd', 'assistant attorney general'],
    ['Police chief Lajos Kertesz spoke.', 'Lajos Kertesz', 'police chief'],
  ])('role of %s', (text, name, role) => {
    const start = text.indexOf(name);
    expect(sentenceSlots(text, 0, null, gazetteer, [{ start, end: start + name.length, text: name }]).persons[0]?.role).toBe(role);
  });
  it.each([
    ['Sandor Pinter', 'Shandor Pinter', true],
    ['Lajos Kertesz', 'Lajos Kertész', true],
    ['Robert S.', 'Robert Mueller', true],
    ['Lajos Kertesz', 'Gabor Szabo', false],
  ])('%s / %s same person: %s', (a, b, expected) => {
    expect(samePerson(personKey(a), personKey(b))).toBe(expected);
  });
  it('finds a person among names exactly as a scan with samePerson does', () => {
    const names = ['Robert Mueller', 'Robert S.', 'Mueller', 'Lajos Kertesz', 'L. Kertesz', 'Gabor Szabo', 'Szabo Gabor', 'Wang Xiaohong', 'Ana', 'A. B', 'Jon Smith Jr', ' Odd', 'Odd '];
    const keys = names.map(personKey).concat(['', ' odd', 'odd ', 'x y z']);
    for (let size = 0; size <= keys.length; size += 3) {
      const among = keys.slice(size, size + 5);
      const finds = personFinder(among);
      for (const key of keys) expect([among, key, finds(key)]).toEqual([among, key, among.some((k) => samePerson(k, key))]);
    }
  });
});

describe('tokenize', () => {
  // The scanner must find exactly the matches of the WORD pattern.
  it.each([
    ['Orbán met Wang in Budapest on Sunday.'],
    ['About 1,200.50 people; 3.5km, 2,3 and 1.'],
    ['"We will," he said — «non», „ja“ — 12:30 p.m.'],
    ['Shandor Pinter (Шандор Пинтер) and 王小洪 met.'],
    ['Emoji 😀 between, maths 𝐀𝐁 and ² ½ ٣ digits.'],
    ['Lone \ud83d surrogate and \udc00 low, end.\ud83d'],
    ['don\'t, didn’t, U.S., e.g. 1.a 1,.2 .5 ,5'],
  ])('%s', (text) => {
    expect(tokenize(text, 7).map((t) => [t.start - 7, t.end - 7])).toEqual([...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]));
  });
  // Sentence tokens joined must be the text's tokens, whatever the sentences are.
  it.each([
    ['A quote "runs over. Two sentences," he said. Then 5.3 people came.', [[0, 18], [19, 44], [45, 66]]],
    ['Gap words here. Next one.', [[0, 3], [16, 25]]],
    ['It was 5.3 million.', [[0, 9], [9, 19]]],
    ['Text that differs.', [[0, 4]]],
    ['Lone \ud83d\udc00 pair.', [[0, 6], [6, 13]]],
    ['', []],
  ] as const)('joins %j', (text, spans) => {
    const sentences = spans.map(([a, b]) => ({ text: text.slice(a, b), start: a, tokens: tokenize(text.slice(a, b), a) }));
    if (text === 'Text that differs.') sentences[0] = { ...sentences[0]!, text: 'Taxt' };
    expect(joinTokens(text, sentences)).toEqual(tokenize(text));
  });
  // Copies share the tokens of the first analysis: positions count from `tokensAt`, `starts` are in the text.
  it.each([
    ['One two. One two. Three 4.', [[0, 8], [9, 17], [18, 26]]],
    ['Wired 5. 5 more came. Wired 5.', [[0, 8], [9, 21], [22, 30]]],
    ['Joined 5.5 here.', [[0, 9], [9, 16]]],
    ['Words between. here Words between.', [[0, 14], [20, 34]]],
  ] as const)('joins copies %j', (text, spans) => {
    const sentences = spans.map(([a, b]) => ({ text: text.slice(a, b), start: a, tokens: tokenize(text.slice(a, b), 1000), tokensAt: 1000 }));
    const { tokens, starts } = joinSentenceTokens(text, sentences);
    expect(tokens.map((t, k) => [starts[k], starts[k]! + t.end - t.start, t.norm, t.quoted])).toEqual(tokenize(text).map((t) => [t.start, t.end, t.norm, t.quoted]));
  });
  it('stems through the synonym table, never through object members', () => {
    expect([stem('injured'), stem('constructor'), stem('valueOf')]).toEqual(['injure', 'constructor', 'valueOf']);
  });
});

describe('sortByKey', () => {
  // Distinct keys: the packed numeric sort and the comparator fallback give the comparator's order.
  it.each([
    [[3, 1, 2], 4],
    [[5, 0, 9, 7, 1, 8], 10],
    [[2 ** 40, 3, 2 ** 45], 2 ** 46],
    [[2 ** 52, 1, 2 ** 51], 2 ** 53],
    [[], 1],
  ])('%j below %d', (keys, bound) => {
    const items = keys.map((key) => ({ key }));
    expect(sortByKey(items, (x) => x.key, bound).map((x) => x.key)).toEqual([...keys].sort((x, y) => x - y));
  });
});

describe('similar sentences', () => {
  // The candidate search (variants, stem counts, common-stem masks) must find exactly the pairs a
  // comparison of every sentence with every other finds, with the same similarities.
  it('matches the all-pairs comparison on the golden stories', () => {
    const min = 0.2;
    for (const story of loadGoldenStories()) {
      const cache = sentenceCache();
      const articles = story.articles.map((a) => prepareArticle(a, gazetteer, cache));
      const n = articles.reduce((s, a) => s + a.sentences.length, 0);
      const limit = Math.max(20, n * 0.15);
      const count = new Map<string, number>();
      for (const a of articles) for (const s of a.sentences) for (const st of s.stems) count.set(st, (count.get(st) ?? 0) + 1);
      const expected: string[] = [];
      articles.forEach((A, a) =>
        articles.forEach((B, b) => {
          if (b <= a) return;
          A.sentences.forEach((s, i) =>
            B.sentences.forEach((t, j) => {
              const rare = [...s.stems].some((st) => t.stems.has(st) && count.get(st)! <= limit);
              const full = dice(s.stems, t.stems);
              const claim = dice(s.claimStems, t.claimStems);
              if (rare && (full >= min || claim >= min)) expected.push(`${a} ${i} ${b} ${j} ${full} ${claim}`);
            }),
          );
        }),
      );
      expect(similarSentences(articles, min).map((p) => `${p.a} ${p.i} ${p.b} ${p.j} ${p.full} ${p.claim}`)).toEqual(expected);
    }
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
  it('takes its thresholds from the configuration', () => {
    const config = resolveConfig({ compare: { reuse: { copyCoverage: 2, rewriteRuns: 1000, rewriteShare: 2 } } });
    expect([DEFAULT_REUSE, DEFAULT_CLAIMS]).toEqual([resolveConfig().compare.reuse, resolveConfig().compare.claims]);
    expect(config.compare.claims).toEqual(DEFAULT_CLAIMS);
    const edges = (reuse: typeof DEFAULT_REUSE): number =>
      stories.flatMap((s) => compareContent(s.articles, { gazetteer, reuse }).provenance?.edges ?? []).filter((e) => e.kind === 'copies' || e.kind === 'rewrites').length;
    expect(edges(DEFAULT_REUSE)).toBeGreaterThan(0);
    expect(edges(config.compare.reuse)).toBe(0);
  });
  it('finds text reused from an earlier story, never from a later one', () => {
    const story = stories.find((s) => s.name === 'danube-ferry')!;
    const byId = new Map(story.articles.map((a) => [a.id, a]));
    const [m1, m3, k4] = [byId.get('M1')!, byId.get('M3')!, byId.get('K4')!];
    const found = findEarlierReuse([m3, k4], [{ storyId: 'st_old', article: m1 }], { gazetteer });
    expect(found.map((r) => [r.from, r.to, r.storyId])).toEqual([['M3', 'M1', 'st_old']]);
    expect(found[0]!.passages.length).toBeGreaterThan(0);
    const later = { ...m1, published: '2099-01-01T00:00:00Z' };
    expect(findEarlierReuse([m3], [{ storyId: 'st_old', article: later }], { gazetteer })).toEqual([]);
    const cmp = compareStory('st_new', [m3, k4].map((article) => ({ article, duplicateSources: [] })), { gazetteer, earlier: [{ storyId: 'st_old', article: m1 }] });
    expect(cmp.earlierReuse?.map((r) => r.from)).toEqual(['M3']);
    expect(compareStory('st_new', [{ article: m3, duplicateSources: [] }], { gazetteer }).earlierReuse).toBeUndefined();
  });
  it('is deterministic whatever the arrival order', () => {
    const story = stories[0]!;
    expect(compareContent([...story.articles].reverse(), { gazetteer })).toEqual(compareContent(story.articles, { gazetteer }));
  });
});
