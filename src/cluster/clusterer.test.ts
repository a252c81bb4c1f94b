import { describe, expect, it } from 'vitest';
import { annotateArticle } from '../annotate/index.js';
import { DEFAULT_CONFIG, resolveConfig } from '../config.js';
import type { ArticleFeatures } from '../model.js';
import { StoryClusterer } from './clusterer.js';
import { articleFeatures, latestYear, recalledTimes, termSpans, tokenize } from './features.js';
import { findTimes } from '../annotate/times.js';
import { minHashSignature, signatureSimilarity } from './near-duplicates.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 2, 10);

/** Invented events: two floods of one river in different towns, and a chess final. */
const FLOOD_A = 'The river Velka burst its banks in Dornstadt on Monday, flooding two hundred homes. Mayor Ilse Brandt ordered the evacuation of the old town while firefighters built sandbag walls along the harbour.';
const FLOOD_B = 'Floodwater from the Velka covered Dornstadt old town; Mayor Ilse Brandt said two hundred homes were evacuated and firefighters raised sandbag walls near the harbour overnight.';
const FLOOD_OTHER = 'The river Velka flooded the village of Kessin in Ostmark; farmer Paul Ruder lost his cattle and the regional council opened an emergency shelter in the Kessin school gym.';
const CHESS = 'Grandmaster Amara Okafor won the Lisbon chess final after a long endgame against Tomas Verde, taking the title and the prize fund in the last round of the tournament.';

function features(id: string, text: string, extra: Partial<ArticleFeatures> = {}): ArticleFeatures {
  const terms: Record<string, number> = {};
  for (const t of tokenize(text)) terms[t] = (terms[t] ?? 0) + 1;
  // Capitalised runs stand in for the annotator's names; a sentence-initial "The" is not one.
  const names = [...new Set(text.match(/\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b/g) ?? [])].map((n) => n.toLowerCase()).filter((n) => n !== 'the').sort();
  const sig = minHashSignature(text);
  return { articleId: id, terms, names, time: null, language: 'en', eventYear: latestYear(text, null), ...(sig ? { signature: sig } : {}), ...extra };
}

const place = (c: StoryClusterer, f: ArticleFeatures): string => c.place(f).decision.storyId;

describe('StoryClusterer', () => {
  it('groups reports of one event and keeps another event of the same kind apart', () => {
    const c = new StoryClusterer(DEFAULT_CONFIG.cluster);
    const a = place(c, features('a1', FLOOD_A));
    expect(place(c, features('a2', FLOOD_B))).toBe(a);
    expect(place(c, features('a3', FLOOD_OTHER))).not.toBe(a);
    expect(place(c, features('a4', CHESS))).not.toBe(a);
  });

  it('is deterministic for the same input order', () => {
    const run = (): string[] => {
      const c = new StoryClusterer(DEFAULT_CONFIG.cluster);
      return [FLOOD_A, FLOOD_B, FLOOD_OTHER, CHESS].map((t, i) => place(c, features(`d${i}`, t)));
    };
    expect(run()).toEqual(run());
  });

  it('explains each placement with its score parts', () => {
    const c = new StoryClusterer(DEFAULT_CONFIG.cluster);
    place(c, features('a1', FLOOD_A));
    const d = c.place(features('a2', FLOOD_B)).decision;
    expect(d.action).toBe('joined');
    expect(d.reason).toMatch(/text \d\.\d{3}, names \d\.\d{3}/);
    expect(d.candidates[0]?.storyId).toBe(d.storyId);
  });

  it.each([
    ['empty', ''],
    ['one word', 'Breaking'],
    ['four words', 'flood river town homes'],
  ])('keeps a thin article (%s) alone instead of joining or attracting a story', (_name, text) => {
    const c = new StoryClusterer(DEFAULT_CONFIG.cluster);
    const a = place(c, features('a1', FLOOD_A));
    const thin = c.place(features('thin', text));
    expect(thin.decision.storyId).not.toBe(a);
    expect(thin.decision.reason).toMatch(/too little text/);
    expect(place(c, features('a2', FLOOD_B))).toBe(a);
  });

  it('records near-copies and puts thousands of them in the original story', () => {
    const c = new StoryClusterer(DEFAULT_CONFIG.cluster);
    const a = place(c, features('orig', FLOOD_A));
    for (let i = 0; i < 2000; i++) {
      const placed = c.place(features(`copy${i}`, `${FLOOD_A} (Wire copy ${i}.)`));
      expect(placed.decision.storyId).toBe(a);
      expect(placed.copyOf?.originalId).toBe('orig');
    }
    expect(c.storyCount).toBe(1);
    expect(place(c, features('chess', CHESS))).not.toBe(a);
  });

  it('never mixes languages', () => {
    const c = new StoryClusterer(DEFAULT_CONFIG.cluster);
    const a = place(c, features('en', FLOOD_A));
    expect(place(c, features('de', FLOOD_B, { language: 'de' }))).not.toBe(a);
  });

  it('keeps articles dated far apart in separate stories, far future and far past included', () => {
    const c = new StoryClusterer(DEFAULT_CONFIG.cluster);
    const a = place(c, features('now', FLOOD_A, { time: T0 }));
    expect(place(c, features('next', FLOOD_B, { time: T0 + DAY }))).toBe(a);
    const future = place(c, features('future', FLOOD_B.replace('overnight', 'at dawn'), { time: Date.UTC(2999, 0, 1) }));
    const past = place(c, features('past', FLOOD_B.replace('overnight', 'at noon'), { time: Date.UTC(1901, 0, 1) }));
    expect(new Set([a, future, past]).size).toBe(3);
    // A far-dated article does not stretch the story: the next ordinary report still joins it.
    expect(place(c, features('later', FLOOD_A.replace('Monday', 'Tuesday'), { time: T0 + 2 * DAY }))).toBe(a);
  });

  it('lets a strong match bridge a long gap only when the later report names the earlier time (a trial months after the crime)', () => {
    const c = new StoryClusterer(DEFAULT_CONFIG.cluster);
    const a = place(c, features('crime', FLOOD_A, { time: T0 }));
    const month = new Date(T0).toISOString().slice(0, 7);
    // A follow-up that does not say when the event was is a story of its own.
    const other = new StoryClusterer(DEFAULT_CONFIG.cluster);
    const o = place(other, features('crime', FLOOD_A, { time: T0 }));
    expect(place(other, features('follow-up', FLOOD_B, { time: T0 + 200 * DAY }))).not.toBe(o);
    const late = c.place(features('trial', FLOOD_B.replace('overnight', 'at dawn'), { time: T0 + 200 * DAY, recalls: [month] })).decision;
    expect(late.storyId).toBe(a);
    expect(late.score?.gapDays).toBe(200);
    expect(late.score?.recalls).toBe(month);
    expect(late.reason).toMatch(new RegExp(`200 days apart, beyond the window, the later side names ${month}`));
    // The trial's own year (the latest it names) is no disagreement: it says which year it is about.
    expect(late.score?.dates).toBeUndefined();
    // A weaker match (the other town's flood) does not bridge it; a near-copy is scored like any report.
    expect(place(c, features('other', FLOOD_OTHER, { time: T0 + 200 * DAY, recalls: [month] }))).not.toBe(a);
    const copy = c.place(features('copy', `${FLOOD_A} (Republished.)`, { time: T0 + 300 * DAY })).decision;
    expect(copy.reason).not.toMatch(/near-copy/);
    // With the factor at 0 the window is hard, whatever the later report names.
    const hard = new StoryClusterer(resolveConfig({ cluster: { longGapFactor: 0 } }).cluster);
    const h = place(hard, features('crime', FLOOD_A, { time: T0 }));
    expect(place(hard, features('trial', FLOOD_B, { time: T0 + 200 * DAY, recalls: [month] }))).not.toBe(h);
  });

  it('lowers the score when the articles are about different years', () => {
    const c = new StoryClusterer(DEFAULT_CONFIG.cluster);
    place(c, features('y1', `${FLOOD_A} (2019)`));
    const same = c.place(features('y2', `${FLOOD_B} (2019)`)).decision;
    const c2 = new StoryClusterer(DEFAULT_CONFIG.cluster);
    place(c2, features('y1', `${FLOOD_A} (2019)`));
    const other = c2.place(features('y2', `${FLOOD_B} (2024)`)).decision;
    expect(same.candidates[0]!.score.total).toBeGreaterThan(other.candidates[0]!.score.total);
  });
});

/** Invented fights of one champion: other opponents, places and details, the same kind of report. */
const FIGHTS = {
  rahm: (k: number): string =>
    `Champion Arvo Lindqvist stopped Hasso Rahm in the seventh round in Mannheim to keep his heavyweight belts. ` +
    `Rahm, a former champion, never threw his jab and was floored by a left hook. Rahm said he would retire${k % 2 ? '; the Mannheim crowd booed' : ''}. Referee ${['Ode', 'Ode', 'Pim', 'Ode'][k]} stopped it.`,
  thorne: (k: number): string =>
    `Arvo Lindqvist knocked out Tomas Thorne in the sixth round in Bern, his fortieth title defence. ` +
    `Thorne, a late substitute, was cut early and went down twice before the referee waved it off. Thorne thanked the Bern fans${k % 2 ? ' and his trainer' : ''}. Lindqvist now eyes a unification bout.`,
  /** Briefs of the two fights worded alike: only the opponent, the place and the round differ. */
  rahmBrief: 'Lindqvist keeps his heavyweight belts after stopping Rahm in Mannheim: the champion floored his challenger with a left hook in the seventh round of the title fight.',
  thorneBrief: 'Lindqvist keeps his heavyweight belts after stopping Thorne in Bern: the champion floored his challenger with a left hook in the sixth round of the title fight.',
};

describe('StoryClusterer.placeBatch', () => {
  it('groups a batch jointly and answers in batch order, with reasons', () => {
    const c = new StoryClusterer(DEFAULT_CONFIG.cluster);
    const placed = c.placeBatch([features('a1', FLOOD_A), features('c1', CHESS), features('a2', FLOOD_B), features('o1', FLOOD_OTHER)]);
    const [a1, c1, a2, o1] = placed.map((p) => p.decision);
    expect(a2!.storyId).toBe(a1!.storyId);
    expect(new Set([a1!.storyId, c1!.storyId, o1!.storyId]).size).toBe(3);
    expect(a1!.action).toBe('created');
    expect(a2!.action).toBe('joined');
    expect(a2!.reason).toMatch(/grouped in this batch with a1/);
    // A later batch joins the story the first one made.
    expect(c.placeBatch([features('a3', FLOOD_B.replace('overnight', 'on Tuesday'))])[0]!.decision.storyId).toBe(a1!.storyId);
  });

  it('respects corrections inside a batch: articles kept apart and articles kept together', () => {
    const c = new StoryClusterer(DEFAULT_CONFIG.cluster);
    const apart = c.placeBatch([features('a1', FLOOD_A), features('a2', FLOOD_B)], { apart: new Map([['a2', new Set(['a1'])]]) });
    expect(apart[0]!.decision.storyId).not.toBe(apart[1]!.decision.storyId);
    const c2 = new StoryClusterer(DEFAULT_CONFIG.cluster);
    const together = c2.placeBatch([features('a1', FLOOD_A), features('x1', CHESS)], { together: [['a1', 'x1']] });
    expect(together[0]!.decision.storyId).toBe(together[1]!.decision.storyId);
  });

  it('keeps two same-kind events apart when each side has a protagonist the other never names', () => {
    const c = new StoryClusterer(DEFAULT_CONFIG.cluster);
    const first = [0, 1, 2, 3].map((k) => features(`r${k}`, FIGHTS.rahm(k)));
    const second = [0, 1, 2, 3].map((k) => features(`t${k}`, FIGHTS.thorne(k)));
    const a = c.placeBatch(first).map((p) => p.decision.storyId);
    const b = c.placeBatch(second).map((p) => p.decision);
    expect(new Set(a).size).toBe(1);
    expect(new Set(b.map((d) => d.storyId)).size).toBe(1);
    expect(b[0]!.storyId).not.toBe(a[0]);
    const rival = b[0]!.candidates.find((x) => x.storyId === a[0])!.score;
    expect(rival.rivals).toBeDefined();
    // The rivals take their share off the score: the same comparison without them scores higher.
    const lenient = new StoryClusterer(resolveConfig({ cluster: { weights: { rivals: 0 } } }).cluster);
    lenient.placeBatch(first);
    const plain = lenient.placeBatch(second)[0]!.decision.candidates.find((x) => x.storyId === a[0])!.score;
    expect(rival.total).toBeCloseTo(plain.total * (1 - DEFAULT_CONFIG.cluster.weights.rivals), 6);
  });

  it('keeps two new reports of two stored same-kind events apart, each with its own story', () => {
    const c = new StoryClusterer(DEFAULT_CONFIG.cluster);
    const first = [0, 1, 2, 3].flatMap((k) => [features(`r${k}`, FIGHTS.rahm(k)), features(`t${k}`, FIGHTS.thorne(k))]);
    const stored = c.placeBatch(first).map((p) => p.decision.storyId);
    const [rahm, thorne] = [stored[0]!, stored[1]!];
    expect(rahm).not.toBe(thorne);
    // Without stored stories (same term statistics), the two new reports are alike enough to
    // be grouped: one champion, one kind of fight, worded alike...
    const bare = new StoryClusterer(DEFAULT_CONFIG.cluster);
    for (const f of first) bare.observe(f);
    const alone = bare.placeBatch([features('r9', FIGHTS.rahmBrief), features('t9', FIGHTS.thorneBrief)]);
    expect(alone[0]!.decision.storyId).toBe(alone[1]!.decision.storyId);
    // ...but each prefers its own stored story, so they are not grouped and each joins its own.
    const placed = c.placeBatch([features('r9', FIGHTS.rahmBrief), features('t9', FIGHTS.thorneBrief)]).map((p) => p.decision.storyId);
    expect(placed).toEqual([rahm, thorne]);
  });

  it('keeps two tight groups of same-kind events apart when their link is loose for how alike each is inside', () => {
    // Both fights' reports end with the same stock sentence, so the two fights look alike.
    const stock = ' The champion keeps his heavyweight belts after the title fight; the challenger was floored by a left hook and the referee stopped it.';
    const rahm = [0, 1, 2].map((k) => features(`r${k}`, FIGHTS.rahm(k) + stock));
    const thorne = [0, 1, 2].map((k) => features(`t${k}`, FIGHTS.thorne(k) + stock));
    const stories = (share: number): Set<string> => {
      const c = new StoryClusterer(resolveConfig({ cluster: { cohesionShare: share } }).cluster);
      return new Set(c.placeBatch([...rahm, ...thorne]).map((p) => p.decision.storyId));
    };
    // Three reports each (too few for rival names): the link alone passes the threshold...
    expect(stories(0).size).toBe(1);
    // ...but it is loose next to how alike each fight's reports are among themselves.
    expect(stories(DEFAULT_CONFIG.cluster.cohesionShare).size).toBe(2);
    // The same holds for a later batch against a stored story, and the reason says why.
    const c = new StoryClusterer(DEFAULT_CONFIG.cluster);
    for (const f of [...rahm, ...thorne]) c.observe(f);
    const stored = c.placeBatch(rahm, { observed: true })[0]!.decision.storyId;
    const later = c.placeBatch(thorne, { observed: true }).map((p) => p.decision);
    expect(later.every((d) => d.storyId !== stored)).toBe(true);
    expect(later[0]!.reason).toMatch(/cohesion/);
  });

  it('ages out stories older than the window once many are active, so an undated report no longer joins them', () => {
    const run = (fillers: number): boolean => {
      const c = new StoryClusterer(DEFAULT_CONFIG.cluster);
      c.restore(features('old', FLOOD_A, { time: Date.UTC(2020, 0, 1) }), 'st_old');
      for (let i = 0; i < fillers; i++) c.restore(features(`f${i}`, `Council budget report ${i} on roads, schools and parks in ward ${i % 97}`, { time: Date.UTC(2025, 0, 1) + (i % 30) * DAY }), `st_f${i}`);
      return c.place(features('new', FLOOD_B)).decision.storyId === 'st_old';
    };
    expect(run(10)).toBe(true);
    expect(run(6_000)).toBe(false);
  });

  it('lowers the score of dated articles far apart in time', () => {
    const score = (days: number): number => {
      const c = new StoryClusterer(DEFAULT_CONFIG.cluster);
      place(c, features('a1', FLOOD_A, { time: T0 }));
      return c.place(features('a2', FLOOD_B, { time: T0 + days * DAY })).decision.candidates[0]!.score.total;
    };
    expect(score(0)).toBeGreaterThan(score(3));
    expect(score(3)).toBeGreaterThan(score(14));
  });
});

describe('features', () => {
  it.each([
    ['Posted May 3, 2013. She was at the clinic in 2010.', null, 2013],
    ['No year here at all.', null, null],
    ['The plan runs to 2030; it began in 2021.', 2022, 2022],
    ['A fee of 2,015 dollars.', null, null],
  ])('latestYear(%j, %j) = %j', (text, published, expected) => {
    expect(latestYear(text, published)).toBe(expected);
  });

  it.each([
    // A verdict names the shooting's month and year; a trial names the rampage's year.
    ['A jury convicted a man charged in an April 2007 shooting.', '2008-04-30', ['2007', '2007-04']],
    ['The 2010 Kraft rampage went to trial on Monday.', '2012-09-10', ['2010']],
    // "In September" written in December is three months back; on Tuesday is this week's news.
    ['She shot two co-workers in September, police said on Tuesday.', '2010-12-07', ['2010-09']],
    // Forward dates and ranges in words name no earlier event; a year written out still counts.
    ['Three months after the fire, new ferries are due in 2027.', '2025-07-15', []],
    ['Exports fell last year and since 2016.', '2024-02-10', ['2016']],
    // A year resolved from words refers back like a year written out.
    ['The trial over the mill fire of two years ago opened on Monday.', '2024-02-12', ['2022']],
  ])('recalledTimes(%j, published %s) = %j', (text, published, expected) => {
    const times = findTimes(text, [{ start: 0, end: text.length, text }], `${published}T08:00:00Z`);
    expect(recalledTimes(text, times, Date.parse(`${published}T08:00:00Z`))).toEqual(expected);
  });

  it('MinHash estimates shingle similarity', () => {
    const a = minHashSignature(FLOOD_A)!;
    expect(signatureSimilarity(a, minHashSignature(`${FLOOD_A} Extra words at the end.`)!)).toBeGreaterThan(0.7);
    expect(signatureSimilarity(a, minHashSignature(CHESS)!)).toBeLessThan(0.2);
    expect(minHashSignature('too short')).toBeNull();
  });

  it.each([
    ["orban's visit, don't 'quoted' o'neill’s rock'n'roll abc'de5f x'2 y' z’"],
    ['sándor pintér’s kraków-based ørsted 中文 𝐀𝐁c 𝟏2 über’é a’b’c'],
    ['\ud800 lone \udc00 surrogates ok', "end'", 'end’', "a'é", "a'b"],
  ].flat())('termSpans finds the words of the terms regex in %j', (s) => {
    expect(termSpans(s)).toEqual([...s.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)].flatMap((m) => [m.index, m.index + m[0].length]));
  });

  it('MinHash signatures stay the ones already stored (pinned values)', () => {
    expect(minHashSignature(FLOOD_A)!.slice(0, 6)).toEqual([88805536, 613947251, 14105239, 7535955, 70560804, 97430042]);
    expect(minHashSignature('Sándor Pintér met Ørsted’s CEO in Kraków, Straße 5 — 2024')!.slice(0, 4)).toEqual([1052320537, 1934744896, 535144967, 311156325]);
  });

  it('counts every word as a number, in the order first met (even "constructor", an Object property name)', () => {
    const article = annotateArticle(
      { rawId: 'r1', source: 't.txt', title: 'The constructor', byline: null, published: null, publishedRule: null, outlet: null, language: 'en', url: null, text: 'Velmora hired a constructor. The constructor of Velmora said so.', credits: [], strategy: 'plaintext' },
      'h1',
    );
    const f = articleFeatures(article);
    expect(Object.entries(f.terms)).toEqual([['constructor', 3], ['velmora', 2], ['hired', 1]]);
    expect(Object.values(f.nameWeights ?? {}).every((n) => typeof n === 'number')).toBe(true);
  });
});
