/**
 * A generated news corpus of invented events, for throughput benchmarks and the several-writer
 * tests: realistic article lengths (~500 words), story sizes from a heavy-tailed distribution
 * (most stories have one or two articles, a few have dozens), exact duplicates (wire copies
 * under another outlet's name) and outlets with their own page furniture. Deterministic for a
 * seed, and streamed: the corpus is never held in memory whole.
 */
import type { IngestItem } from '../ingest/files.js';
import { makeRawDocument } from '../ingest/raw.js';

/** What to generate. */
export interface CorpusSpec {
  readonly articles: number;
  readonly format: 'text' | 'html';
  readonly seed?: number;
  /** Share of articles that are exact copies of an earlier one (default 0.05). */
  readonly duplicateShare?: number;
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same corpus everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ka ve lor mi dra sen tal ru bo ne vik os an ter lu ga pe hal ri mor zen ti ba cor'.split(' ');
const EVENTS = [
  ['reopened', 'the bridge', 'repairs', 'engineers', 'traffic'],
  ['went on strike', 'the port', 'wages', 'dockworkers', 'cargo'],
  ['caught fire', 'the warehouse', 'firefighters', 'smoke', 'damage'],
  ['signed a trade deal', 'the ministry', 'tariffs', 'exporters', 'grain'],
  ['flooded', 'the valley', 'rainfall', 'residents', 'evacuation'],
  ['elected a new mayor', 'the city council', 'ballots', 'voters', 'turnout'],
  ['closed', 'the mine', 'safety', 'miners', 'inspectors'],
  ['launched a satellite', 'the space agency', 'orbit', 'scientists', 'telescope'],
] as const;
const FILLER = [
  'Officials said more details would be released in the coming days.',
  'The announcement drew mixed reactions from local business groups.',
  'Analysts expect the decision to affect prices later in the year.',
  'Residents gathered near the site throughout the afternoon.',
  'A spokesperson declined to comment on the timeline.',
  'The regional government has promised an independent review.',
  'Several lawmakers called for a debate in parliament next month.',
  'Local media reported long queues outside government offices.',
];
const OUTLETS = ['Velmora Post', 'Northern Ledger', 'Coastal Courier', 'Eastgate Observer', 'Daily Meridian', 'Harbour Times', 'Plains Gazette', 'The Lantern'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function word(r: () => number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += pick(r, SYLLABLES);
  return w[0]!.toUpperCase() + w.slice(1);
}

interface Story {
  readonly place: string;
  readonly people: readonly string[];
  readonly org: string;
  readonly event: readonly string[];
  readonly day: number;
  readonly size: number;
}

/** Days the corpus spans: news arrives in publication order, a story opening on the day its first report comes. */
const SPAN_DAYS = 360;

function newStory(r: () => number, index: number, day: number): Story {
  // Heavy tail: P(size ≥ k) ~ 1/k, capped so one story never dominates a small corpus.
  const size = Math.min(60, Math.max(1, Math.floor(1 / Math.max(r(), 0.016))));
  return {
    place: `${word(r, 2)}${word(r, 1).toLowerCase()}`,
    people: [`${word(r, 2)} ${word(r, 3)}`, `${word(r, 2)} ${word(r, 2)}`, `${word(r, 1)} ${word(r, 3)}`],
    org: `${word(r, 3)} ${pick(r, ['Institute', 'Union', 'Authority', 'Group', 'Council'])}`,
    event: EVENTS[index % EVENTS.length]!,
    // Spread over about a year in arrival order (a few days' jitter), as news comes in, so the
    // clusterer's time window matters and its stories age out as they do on a real feed.
    day: Math.max(0, day - Math.floor(r() * 4)),
    size,
  };
}

function articleText(r: () => number, s: Story, n: number): { title: string; text: string; published: string } {
  const [verb, thing, topic, group, object] = s.event;
  const date = new Date(Date.UTC(2024, 0, 1 + s.day + Math.floor(r() * 3)));
  const paragraphs: string[] = [];
  paragraphs.push(`${s.place} — ${capital(thing!)} in ${s.place} ${verb} on ${weekday(date)}, ${s.people[0]} of the ${s.org} said.`);
  const sentences = 18 + Math.floor(r() * 14);
  for (let i = 0; i < sentences; i++) {
    const kind = r();
    let sentence: string;
    if (kind < 0.3) sentence = `${pick(r, s.people)} told reporters that the ${topic} in ${s.place} would be reviewed by the ${s.org}.`;
    else if (kind < 0.55) sentence = `The ${group} of ${s.place} said the ${object} had been affected since ${weekday(date)} and asked ${pick(r, s.people)} for answers.`;
    else if (kind < 0.7) sentence = `"We are working with the ${group} on the ${topic}," said ${pick(r, s.people)}, adding that ${thing} was a priority for ${s.place}.`;
    else sentence = pick(r, FILLER);
    if (i % 4 === 3) paragraphs.push(sentence);
    else paragraphs[paragraphs.length - 1] += ` ${sentence}`;
  }
  // A line of its own per article, as real versions differ in detail.
  paragraphs.push(`Update ${n}: ${pick(r, FILLER)} ${word(r, 3)} ${word(r, 2)} contributed reporting.`);
  return { title: `${capital(thing!)} in ${s.place} ${verb}`, text: paragraphs.join('\n\n'), published: date.toISOString().slice(0, 10) };
}

function capital(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

function weekday(d: Date): string {
  return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getUTCDay()]!;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An outlet's page: navigation, article with metadata, related links and footer. */
function htmlPage(outlet: string, a: { title: string; text: string; published: string }, url: string): string {
  const paras = a.text.split('\n\n').map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const nav = ['World', 'Business', 'Sport', 'Culture', 'Opinion', 'Weather'].map((x) => `<li><a href="/${x.toLowerCase()}">${x}</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(a.title)} | ${outlet}</title>
<meta property="og:title" content="${escapeHtml(a.title)}"><meta property="og:site_name" content="${outlet}">
<meta property="article:published_time" content="${a.published}T09:00:00Z"><link rel="canonical" href="${url}">
<script>window.dataLayer=[];</script><style>body{font-family:serif}</style></head>
<body><header><div class="logo">${outlet}</div><nav><ul>${nav}</ul></nav><form><input name="q" placeholder="Search"></form></header>
<main><article><h1>${escapeHtml(a.title)}</h1><div class="byline">By Staff Reporter · <time datetime="${a.published}">${a.published}</time></div>
${paras}
</article><aside><h2>Most read</h2><ul><li><a href="/a">Markets steady ahead of holiday</a></li><li><a href="/b">Weekend weather outlook</a></li></ul></aside></main>
<footer><p>© 2024 ${outlet}. All rights reserved.</p><p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · <a href="/subscribe">Subscribe</a></p></footer></body></html>`;
}

/** The corpus as ingest items, generated lazily. */
export function* generateCorpus(spec: CorpusSpec): Generator<IngestItem> {
  const r = rng(spec.seed ?? 1);
  const dupShare = spec.duplicateShare ?? 0.05;
  // Articles of open stories are interleaved, as news arrives.
  const open: { story: Story; left: number }[] = [];
  let storyIndex = 0;
  const recent: { title: string; text: string; published: string }[] = [];
  for (let i = 0; i < spec.articles; i++) {
    let a: { title: string; text: string; published: string };
    if (recent.length > 0 && r() < dupShare) {
      a = pick(r, recent);
    } else {
      if (open.length === 0 || r() < 0.35) {
        const story = newStory(r, storyIndex++, Math.floor((i / spec.articles) * SPAN_DAYS));
        open.push({ story, left: story.size });
      }
      const slot = Math.floor(r() * open.length);
      const o = open[slot]!;
      a = articleText(r, o.story, i);
      if (--o.left <= 0) open.splice(slot, 1);
      recent.push(a);
      if (recent.length > 200) recent.shift();
    }
    const outlet = pick(r, OUTLETS);
    const slug = outlet.toLowerCase().replace(/\W+/g, '-');
    if (spec.format === 'html') {
      const url = `https://${slug}.example/news/${i}`;
      yield { ok: true, doc: makeRawDocument({ source: `gen/${slug}/${i}.html`, body: htmlPage(outlet, a, url), bodyFormat: 'html' }) };
    } else {
      const body = `${a.title}\n\n${a.text}`;
      yield { ok: true, doc: makeRawDocument({ source: `gen/${slug}/${i}.txt`, body, bodyFormat: 'text', supplied: { published: a.published, outlet } }) };
    }
  }
}
