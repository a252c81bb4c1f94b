import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../model.js';
import { groupEntities } from './canonical.js';
import { wordSpans } from './entities.js';
import { annotateArticle } from './index.js';
import { groupQuotes } from './quotes.js';
import { splitSentences } from './sentences.js';
import { findTimes } from './times.js';

function article(text: string, published: string | null, credits: readonly string[] = []): ExtractedArticle {
  return { rawId: 'r', source: 's', title: null, byline: null, published, publishedRule: null, outlet: null, language: 'en', url: null, text, credits, strategy: 'test' };
}

const hash = (n: number): string => n.toString(16).padEnd(64, "0");

interface Golden {
  published: string;
  entities: [string, string, string, string | null][];
  quotes: [string, string, string | null, string][];
  attributions: [string, string, string | null][];
  times: [string, string][];
}

describe('golden fixture: meridian (invented event)', () => {
  const text = readFileSync(new URL('./fixtures/meridian.txt', import.meta.url), 'utf8');
  const golden = JSON.parse(readFileSync(new URL('./fixtures/meridian.expected.json', import.meta.url), 'utf8')) as Golden;
  const a = annotateArticle(article(text, golden.published), hash(1));

  it.each(golden.entities)('entity %s is %s, canonical %s, role %s', (mention, type, canonical, role) => {
    const m = a.entities.find((e) => e.text === mention);
    expect(m, mention).toBeDefined();
    expect([m!.kind, m!.canonical, m!.role ?? null]).toEqual([type, canonical, role]);
  });

  it('never merges two people sharing a surname without evidence', () => {
    const oskar = a.entities.filter((e) => e.text === 'Oskar Pinter');
    expect(oskar.every((e) => e.canonical === 'Oskar Pinter')).toBe(true);
    expect(a.entities.find((e) => e.text === 'Pintér')?.canonical).toBe('Shandor Pinter');
  });

  it.each(golden.quotes)('quote %s by %s (%s, %s)', (quoted, speaker, cue, kind) => {
    const q = a.quotes!.find((x) => x.text === quoted);
    expect(q, quoted).toBeDefined();
    expect([q!.speaker, q!.cue, q!.kind]).toEqual([speaker, cue, kind]);
    expect(text.slice(q!.start, q!.end)).toBe(quoted);
  });

  it.each(golden.attributions)('attribution %s (%s) cited by %s', (source, cue, citedBy) => {
    const r = a.attributions.find((x) => x.agency === source && x.cue === cue);
    expect(r, `${source} ${cue}`).toBeDefined();
    expect(r!.citedBy ?? null).toBe(citedBy);
  });

  it.each(golden.times)('time %s → %s', (expr, value) => {
    const t = a.times!.find((x) => x.text.toLowerCase() === expr.toLowerCase());
    expect(t, expr).toBeDefined();
    expect(t!.value).toBe(value);
  });

  it('keeps offsets into the text', () => {
    for (const e of a.entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    for (const t of a.times!) expect(text.slice(t.start, t.end)).toBe(t.text);
    for (const r of a.attributions) if (r.start !== undefined) expect(text.slice(r.start, r.end).toLowerCase()).toContain(r.agency.toLowerCase().split(' ').pop());
  });
});

describe('entities', () => {
  it.each([
    ['Hungarian Prime Minister Viktor Orbán met envoys.', 'Viktor Orbán', 'PERSON', 'Hungarian Prime Minister'],
    ['Talks with U.S. Secretary of State Mike Pompeo ended.', 'Mike Pompeo', 'PERSON', 'U.S. Secretary of State'],
    ['The deal was signed in Budapest yesterday.', 'Budapest', 'LOCATION', null],
    ['Officials from Türkiye arrived.', 'Türkiye', 'LOCATION', null],
    ['She works for the Estmark Development Bank now.', 'Estmark Development Bank', 'ORGANIZATION', null],
    ['They met President Moon Jae-in of South Korea.', 'Moon Jae-in', 'PERSON', 'President'],
    // A name that is also a connector word ("da"): typing it threw, and the article was lost.
    ['He ran a red light when police began to pursue him, the DA said.', 'DA', 'ORGANIZATION', null],
  ] as const)('%s → %s', (text, name, kind, role) => {
    const a = annotateArticle(article(text, null), hash(2));
    const m = a.entities.find((e) => e.text === name);
    expect(m, JSON.stringify(a.entities)).toBeDefined();
    expect([m!.kind, m!.role ?? null]).toEqual([kind, role]);
  });

  it('resolves country spellings to one canonical name', () => {
    const a = annotateArticle(article('Turkey and the U.S. spoke. Türkiye and the United States agreed. America too.', null), hash(3));
    const names = new Set(a.entities.map((e) => e.canonical));
    expect(names).toEqual(new Set(['Türkiye', 'United States']));
  });

  it('takes an acronym defined in the text for its full name', () => {
    const a = annotateArticle(article('The European Commission (EC) met. Later the EC said no.', null), hash(4));
    expect(a.entities.filter((e) => e.text === 'EC').every((e) => e.canonical === 'European Commission')).toBe(true);
  });

  it('merges variants across articles: diacritics, transliteration, alias pairs', () => {
    const arts = [
      annotateArticle(article('Interior Minister Sándor Pintér met Prime Minister Viktor Orbán. Orbán spoke of the Belt and Road Initiative.', null), hash(5)),
      annotateArticle(article('Interior Minister Shandor Pinter met Viktor Orban under the One Belt, One Road plan. Orban agreed.', null), hash(6)),
      annotateArticle(article('Sandor Pinter signed. Mr. Orban watched.', null), hash(7)),
    ];
    const entities = groupEntities(arts);
    const pinter = entities.find((e) => e.variants.includes('Shandor Pinter'))!;
    expect(pinter.variants).toEqual(expect.arrayContaining(['Sándor Pintér', 'Sandor Pinter']));
    expect(pinter.name).toBe('Sándor Pintér');
    expect(pinter.articles).toHaveLength(3);
    const orban = entities.find((e) => e.variants.includes('Orban'))!;
    expect(orban.variants).toEqual(expect.arrayContaining(['Viktor Orbán', 'Orbán', 'Viktor Orban']));
    const bri = entities.find((e) => e.name === 'Belt and Road Initiative')!;
    expect(bri.variants).toEqual(expect.arrayContaining(['Belt and Road Initiative', 'One Belt, One Road']));
  });
});

describe('single names typed by what their mentions say across the article', () => {
  it.each([
    ['Dockworkers rallied in Varnholm on Monday. Varnholm is quiet now.', 'Varnholm', 'LOCATION'],
    ['The plant sits near Ostrava-Lhota. Ostrava-Lhota, Czech Republic, is small.', 'Ostrava-Lhota', 'LOCATION'],
    ['They met at the port of Kessel. Kessel has grown.', 'Kessel', 'LOCATION'],
    ["Zentrix shares fell. Zentrix's board met on Monday.", 'Zentrix', 'ORGANIZATION'],
    ['Rival Zentrix said it would bid. A spokesman for Zentrix declined to comment.', 'Zentrix', 'ORGANIZATION'],
    ['Zentrix spokesman Ivo Marn said the bid was off.', 'Zentrix', 'ORGANIZATION'],
    ['The decision was taken, according to Zentrix.', 'Zentrix', 'ORGANIZATION'],
    ['Mr. Okonjo arrived late. Okonjo left early.', 'Okonjo', 'PERSON'],
    ['Okonjo, minister of transport, spoke first.', 'Okonjo', 'PERSON'],
    ['Reporters quoted Okonjo as saying the ban stays.', 'Okonjo', 'PERSON'],
    // A place that names an organisation too stays a place when the article says so.
    ['The Varnholm Port Workers Union struck. Ships wait off Varnholm and in Varnholm.', 'Varnholm', 'LOCATION'],
    // An all-caps dateline types nothing by its shape.
    ['VARNHOLM, Estmark (MPA) — Talks ended in Varnholm on Sunday.', 'Varnholm', 'LOCATION'],
  ] as const)('%s → %s is %s', (text, name, kind) => {
    const a = annotateArticle(article(text, null), hash(20));
    const found = a.entities.filter((e) => e.text === name);
    expect(found.length, JSON.stringify(a.entities)).toBeGreaterThan(0);
    expect(found.map((e) => e.kind)).toEqual(found.map(() => kind));
  });

  it('groups a company with and without its legal form across articles', () => {
    const arts = [
      annotateArticle(article('Zentrix Inc. said profits rose.', null), hash(21)),
      annotateArticle(article("Zentrix shares fell. Zentrix's board met.", null), hash(22)),
    ];
    const zentrix = groupEntities(arts).find((e) => e.variants.includes('Zentrix'))!;
    expect(zentrix.variants).toEqual(expect.arrayContaining(['Zentrix Inc.', 'Zentrix']));
    expect(zentrix.articles).toHaveLength(2);
  });
});

describe('grouping across articles', () => {
  const person = (text: string) => ({ start: 0, end: text.length, text, key: text.toLowerCase(), kind: 'PERSON' as const, canonical: text });
  it('joins a surname to the one person it fits, not to a heading that ends with it', () => {
    const entities = groupEntities([
      { id: 'a', entities: [person('Mara Velk'), person('Velk')] },
      { id: 'b', entities: [person('Ivo Marn on Velk'), person('Velk')] },
    ]);
    expect(entities.find((e) => e.variants.includes('Velk'))!.variants).toEqual(['Mara Velk', 'Velk']);
  });
});

describe('sentences', () => {
  it('splits a long paragraph window by window exactly as a short one', () => {
    const unit = 'Gen. Okonjo met U.S. envoys at 9 a.m. in Varnholm. “We agreed,” he said. Did they? Yes! ';
    const one = splitSentences(unit).map((s) => s.text);
    const many = splitSentences(unit.repeat(400)).map((s) => s.text);
    expect(many).toEqual(Array.from({ length: 400 }, () => one).flat());
  });
});

describe('quotes across articles', () => {
  it('groups two renderings of one statement by the same speaker', () => {
    const a1 = annotateArticle(article('Minister Lena Varga visited Tallin. Varga expressed hope that this would be a "new highlight of bilateral relations".', null), hash(8));
    const a2 = annotateArticle(article('Lena Varga met officials. Varga wished for a “new moment in bilateral relations,” she said.', null), hash(9));
    const groups = groupQuotes([a1, a2], groupEntities([a1, a2]));
    const g = groups.find((x) => x.variants.some((v) => v.text.startsWith('new highlight')))!;
    expect(g.speaker).toBe('Lena Varga');
    expect(g.articles).toHaveLength(2);
  });

  it.each([
    ['“Curly,” he said.', 'Curly'],
    ['„Low-high,“ he said.', 'Low-high'],
    ['«Guillemets» he said.', 'Guillemets'],
    ["‘Single curly,’ he said.", 'Single curly'],
  ])('pairs %s', (sentence, quoted) => {
    const a = annotateArticle(article(`Anna Berg arrived. ${sentence}`, null), hash(10));
    expect(a.quotes!.map((q) => q.text)).toContain(quoted);
    expect(a.quotes!.find((q) => q.text === quoted)!.speaker).toBe('Anna Berg');
  });
});

describe('times', () => {
  it.each([
    ['It happened last week.', '2024-02-19', '2024-02-12/2024-02-18'],
    ['Xinhua reported on Sunday.', '2024-02-19', '2024-02-18'],
    ['They met on Monday.', '2024-02-19', '2024-02-19'],
    ['It grew over the past decade.', '2024-02-19', '2014-02-19/2024-02-19'],
    ['It grew over the past three years.', '2024-02-19', '2021-02-19/2024-02-19'],
    ['Partners since 2016.', '2024-02-19', '2016-01-01/2024-02-19'],
    ['Sales fell last year.', '2024-02-19', '2023-01-01/2023-12-31'],
    ['They met on 17 October 2023.', '2024-02-19', '2023-10-17'],
  ])('%s (published %s) → %s', (text, published, value) => {
    expect(findTimes(text, splitSentences(text), published)[0]?.value).toBe(value);
  });

  it('does not guess relative dates without a publication date', () => {
    expect(findTimes('It happened last week.', splitSentences('It happened last week.'), null)[0]?.value).toBeNull();
    // chrono computes these from its reference instant; without a publication date there is none.
    for (const text of ['The mill burned a month ago.', 'The mill burned two years ago.']) {
      expect(findTimes(text, splitSentences(text), null)[0]?.value).toBeNull();
    }
    expect(findTimes('The mill burned two years ago.', splitSentences('The mill burned two years ago.'), '2024-02-19')[0]?.value).toBe('2022');
  });

  it('takes a duration for how long, not for when', () => {
    const text = 'She had worked at the mill for 15 years.';
    expect(findTimes(text, splitSentences(text), '2024-02-19')).toEqual([]);
  });
});

describe('bad input stays bounded', () => {
  it.each([
    ['no punctuation', 'word '.repeat(20000)],
    ['all caps', 'THE PRIME MINISTER VIKTOR ORBAN SAID HUNGARY WOULD NOT BUDGE. '.repeat(2000)],
    // One paragraph of 16,000 sentences: V8's segmenter alone took half a minute on this.
    ['1 MB paragraph of sentences', 'VIKTOR ORBAN MET WANG XIAOHONG IN BUDAPEST. Then he left. '.repeat(16000)],
    ['unbalanced quotes', 'He said "this never ends and Orban said « nope and „ what '.repeat(3000)],
    // One endless capitalised run: it overflowed the stack (and at 1 MB the heap) before runs were bounded.
    ['1 MB run of names and connectors', 'Aaron and Bexley and '.repeat(50_000)],
    // A megabyte of opening marks with no closing one: half a minute when each mark scanned ahead.
    ['1 MB of opening quotation marks', '“'.repeat(1_000_000)],
    ['1 MB paragraph', 'Viktor Orban met Wang Xiaohong in Budapest on Sunday, Reuters reported, and "fine" he said '.repeat(11000)],
  ])('%s', (_name, text) => {
    const t0 = performance.now();
    const a = annotateArticle(article(text, '2024-02-19'), hash(11));
    expect(a.sentences.length).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(20000);
  });
});

describe('wordSpans', () => {
  const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’.&/-]*[\p{L}\p{N}])?\.?/gu;
  it.each([
    ['Interior Minister Sándor Pintér met U.S. Gen. Smith in Kraków.'],
    ["O'Neill's AT&T/T-Mobile deal -- rock'n'roll ... 3.5% of KC-45s, end-"],
    ['“Quoted,” he said — ‘fine’… «très bien» Orbán’s x.y.z. a..b'],
    ['𝐀𝐁c 𝟏2 \ud800 lone \udc00 surrogates 中文字 Ünïcödé-wörd’s'],
    ['Портовая администрация, 2024 г. — паром.'],
    ['word.'],
    ['.'],
    [''],
  ])('finds the words of the WORD regex in %j', (s) => {
    expect(wordSpans(s)).toEqual([...s.matchAll(WORD)].flatMap((m) => [m.index, m.index + m[0].length]));
  });
});
