/**
 * Per-article preparation shared by the comparison steps: tokens, sentences with their content
 * stems and slots, and the publication time. Done once per article per comparison; a sentence
 * that recurs with the same inputs (copies of a wire text) is analysed once.
 */
import type { AnnotatedArticle } from '../model.js';
import type { Gazetteer } from './places.js';
import { redateSlots, sentenceSlots, type SentenceSlots } from './slots.js';
import { joinTokens, type Token } from './text.js';

/** A sentence ready for comparison. */
export interface PreparedSentence {
  readonly index: number;
  readonly text: string;
  readonly start: number;
  readonly tokens: readonly Token[];
  /** Content stems of the whole sentence. */
  readonly stems: ReadonlySet<string>;
  /** Content stems without slot values: what the claim is about, whatever the numbers say. */
  readonly claimStems: ReadonlySet<string>;
  readonly slots: SentenceSlots;
  /**
   * Sentences of one comparison with the same wording number have the same text and names,
   * hence the same slots except the days their times resolve to.
   */
  readonly wording: number;
  /**
   * Sentences with the same variant number also share the publication day (or have no times),
   * hence all their slots: what is learnt comparing one holds for all.
   */
  readonly variant: number;
}

/** An article ready for comparison. */
export interface PreparedArticle {
  readonly article: AnnotatedArticle;
  readonly tokens: readonly Token[];
  readonly sentences: readonly PreparedSentence[];
  /** Publication time in ms, or null. */
  readonly time: number | null;
}

/**
 * The sentences already analysed in one comparison, by everything their analysis depends on.
 * Made per comparison (never shared between runs) so results depend only on the input.
 */
export interface SentenceCache {
  /** By text and names; for sentences with times, also by text, names and publication day. */
  readonly known: Map<string, PreparedSentence>;
  /** One entry per variant, numbered in order of first appearance. */
  readonly variants: PreparedSentence[];
  /** Wording numbers by text and names. */
  readonly wordings: Map<string, number>;
}

/** An empty cache for one comparison. */
export function sentenceCache(): SentenceCache {
  return { known: new Map(), variants: [], wordings: new Map() };
}

/**
 * Prepares one article. `cache` shares the analysis of recurring sentences across a story's
 * articles; every article of one comparison must be prepared with the same cache, since variant
 * numbers are only comparable within it.
 */
export function prepareArticle(article: AnnotatedArticle, gazetteer: Gazetteer, cache: SentenceCache): PreparedArticle {
  const names = article.entities.map((e) => ({ start: e.start, end: e.end, text: e.text }));
  const day = article.published ? article.published.slice(0, 10) : '';
  const sentences = article.sentences.map((s, index): PreparedSentence => {
    const end = s.start + s.text.length;
    const inside = names.filter((n) => n.start >= s.start && n.end <= end);
    // Slots read the names inside the sentence and, to resolve weekdays and dates, the publication
    // day; whether a sentence has times at all does not depend on the day.
    const base = `${s.text}\u0000${inside.map((n) => `${n.start - s.start}:${n.end - s.start}:${n.text}`).join('\u0001')}`;
    const first = cache.known.get(base);
    const dated = first !== undefined && first.slots.times.length > 0;
    const known = dated ? cache.known.get(`${base}\u0000${day}`) : first;
    if (known) return known.start === s.start && known.index === index ? known : moved(known, index, s.start);
    if (first) {
      // The wording is known, only its dates are not: resolve them against this article's day.
      const redated: PreparedSentence = { ...first, slots: redateSlots(first.slots, first.text, first.start, article.published), variant: cache.variants.length };
      cache.variants.push(redated);
      cache.known.set(`${base}\u0000${day}`, redated);
      return redated.start === s.start && redated.index === index ? redated : moved(redated, index, s.start);
    }
    const slots = sentenceSlots(s.text, s.start, article.published, gazetteer, inside);
    const tokens = slots.tokens;
    const content = (keep: (i: number) => boolean): Set<string> =>
      new Set(tokens.filter((t, i) => !t.stop && t.norm.length > 1 && keep(i)).map((t) => t.stem));
    const prepared: PreparedSentence = {
      index,
      text: s.text,
      start: s.start,
      tokens,
      stems: content(() => true),
      claimStems: content((i) => !slots.slotTokens.has(i) && !tokens[i]!.number),
      slots,
      wording: cache.wordings.size,
      variant: cache.variants.length,
    };
    cache.variants.push(prepared);
    cache.known.set(base, prepared);
    cache.wordings.set(base, prepared.wording);
    if (slots.times.length > 0) cache.known.set(`${base}\u0000${day}`, prepared);
    return prepared;
  });
  const parsed = article.published ? Date.parse(article.published) : NaN;
  // The article's tokens are its sentences' (analysed once per wording), checked against the text.
  return { article, tokens: joinTokens(article.text, sentences), sentences, time: Number.isFinite(parsed) ? parsed : null };
}

/** A known sentence at another place: the same analysis with its tokens' offsets moved. */
function moved(s: PreparedSentence, index: number, start: number): PreparedSentence {
  const shift = start - s.start;
  const tokens = s.tokens.map((t) => ({ ...t, start: t.start + shift, end: t.end + shift }));
  return { ...s, index, start, tokens, slots: { ...s.slots, tokens } };
}
