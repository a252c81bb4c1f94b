/**
 * The story brief: a headline and five to eight sentences taken from the articles, chosen from
 * the best-supported claims (independent support first, then how many articles make them, then
 * how early in their articles they come), each citing its articles; and the timeline of dated
 * events. Contested claims stay out of the brief: it says what is established.
 */
import type { ClaimGroup, StoryBrief, TimelineEntry } from '../model.js';
import type { SentenceRef } from './claims.js';
import type { PreparedArticle } from './prepare.js';
import { dice, tokenize } from './text.js';

/** Fewest and most sentences of a brief. */
const MIN_SENTENCES = 5;
const MAX_SENTENCES = 8;
/** Sentences this alike say the same thing twice. */
const REDUNDANT = 0.5;

/** Builds the brief from claim groups (parallel to `groups`, the sentences behind each). */
export function buildBrief(articles: readonly PreparedArticle[], claims: readonly ClaimGroup[], groups: readonly SentenceRef[][]): StoryBrief {
  const scored = claims.map((c, k) => {
    const refs = groups[k]!;
    const firstPos = Math.min(...refs.map((r) => r.i / Math.max(1, articles[r.a]!.sentences.length)));
    const lead = refs.some((r) => r.i <= 1) ? 2 : refs.some((r) => r.i <= 3) ? 1 : 0;
    // The claim's text is one of its sentences, already tokenised.
    const words = (refs.map((r) => articles[r.a]!.sentences[r.i]!).find((x) => x.text === c.text)?.tokens ?? tokenize(c.text)).length;
    const sane = words >= 8 && words <= 60 && !/^["“]/.test(c.text) ? 0 : -3;
    return { c, k, firstPos, score: 3 * c.independentSupport + c.articles.length + lead + sane - (c.status === 'conflicting' ? 10 : 0) };
  });
  const ranked = scored.sort((x, y) => y.score - x.score || x.firstPos - y.firstPos || x.k - y.k);
  const chosen: typeof ranked = [];
  const stemsOf = (k: number): ReadonlySet<string> => {
    const r = groups[k]![0]!;
    return articles[r.a]!.sentences[r.i]!.stems;
  };
  for (const s of ranked) {
    if (chosen.length >= MAX_SENTENCES) break;
    if (s.c.status === 'conflicting' && chosen.length >= MIN_SENTENCES) continue;
    if (chosen.some((o) => dice(stemsOf(o.k), stemsOf(s.k)) >= REDUNDANT)) continue;
    // Past the minimum, only claims some other article also makes.
    if (chosen.length >= MIN_SENTENCES && s.c.articles.length < 2) continue;
    chosen.push(s);
  }
  chosen.sort((x, y) => x.firstPos - y.firstPos || x.k - y.k);
  return { headline: headline(articles, claims), sentences: chosen.map((s) => ({ text: s.c.text, articles: s.c.articles })) };
}

/** The title most like the other titles (the story's common wording), else the top claim. */
function headline(articles: readonly PreparedArticle[], claims: readonly ClaimGroup[]): string {
  const titles = articles.map((a) => a.article.title).filter((t): t is string => !!t && t.trim().length > 0);
  if (titles.length === 0) return claims[0]?.text.slice(0, 140) ?? '';
  const sets = titles.map((t) => new Set(tokenize(t).filter((x) => !x.stop).map((x) => x.stem)));
  let best = 0;
  let bestScore = -1;
  sets.forEach((s, i) => {
    const score = sets.reduce((sum, o, j) => (i === j ? sum : sum + dice(s, o)), 0);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return titles[best]!;
}

/** Dated events: claims whose event time resolves to a day, earliest first. */
export function buildTimeline(articles: readonly PreparedArticle[], claims: readonly ClaimGroup[], groups: readonly SentenceRef[][]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  claims.forEach((c, k) => {
    const days = new Map<string, number>();
    for (const r of groups[k]!) {
      const seen = new Set<string>();
      for (const t of articles[r.a]!.sentences[r.i]!.slots.times) if (t.day && !t.reporting) seen.add(t.day);
      for (const d of seen) days.set(d, (days.get(d) ?? 0) + 1);
    }
    const top = [...days.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
    if (top) out.push({ date: top[0], text: c.text, articles: c.articles });
  });
  return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : y.articles.length - x.articles.length)).slice(0, 30);
}
