/**
 * Per-article preparation shared by the comparison steps: tokens, sentences with their content
 * stems and slots, and the publication time. Done once per article per comparison; a sentence
 * that recurs with the same inputs (copies of a wire text) is analysed once.
 */
import type { AnnotatedArticle } from '../model.js';
import { firstStartingFrom } from '../util/spans.js';
import type { Gazetteer } from './places.js';
import { redateSlots, sentenceSlots, type SentenceSlots } from './slots.js';
import { joinSentenceTokens, type Token } from './text.js';

/** A sentence ready for comparison. */
export interface PreparedSentence {
  readonly index: number;
  readonly text: string;
  readonly start: number;
  /**
   * Its tokens, positioned as in the sentence first analysed with this wording (copies share one
   * token list instead of each moving every token): a token is at `t.start - tokensAt + start`.
   */
  readonly tokens: readonly Token[];
  /** The offset the tokens' positions are counted from (the `start` of the sentence first analysed). */
  readonly tokensAt: number;
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
  /** The article's tokens, those of its sentences (positioned as theirs: see {@link PreparedSentence.tokens}). */
  readonly tokens: readonly Token[];
  /** Where each token starts in this article's text. */
  readonly tokenStarts: Int32Array;
  readonly sentences: readonly PreparedSentence[];
  /** Publication time in ms, or null. */
  readonly time: number | null;
}

/**
 * The sentences already analysed in one comparison, by everything their analysis depends on.
 * Made per comparison (never shared between runs) so results depend only on the input.
 */
export interface SentenceCache {
  /**
   * By text, then the wordings of that text (one per set of names inside it, nearly always one):
   * each sentence's text is hashed once, and names are compared as they are, not joined in a key.
   */
  readonly known: Map<string, Wording[]>;
  /** One entry per variant, numbered in order of first appearance. */
  readonly variants: PreparedSentence[];
  /** Wordings in order of first appearance (their numbers). */
  readonly wordings: Wording[];
}

/** One wording (text and names): its first analysis and, for sentences with times, one per publication day. */
export interface Wording {
  /** The names inside the first sentence of this wording (at its offsets). */
  readonly names: readonly Name[];
  readonly first: PreparedSentence;
  readonly byDay: Map<string, PreparedSentence>;
}

/** An empty cache for one comparison. */
export function sentenceCache(): SentenceCache {
  return { known: new Map(), variants: [], wordings: [] };
}

/**
 * Prepares one article. `cache` shares the analysis of recurring sentences across a story's
 * articles; every article of one comparison must be prepared with the same cache, since variant
 * numbers are only comparable within it.
 */
export function prepareArticle(article: AnnotatedArticle, gazetteer: Gazetteer, cache: SentenceCache): PreparedArticle {
  const names = article.entities.map((e) => ({ start: e.start, end: e.end, text: e.text }));
  const namesIn = namesWithin(names);
  const day = article.published ? article.published.slice(0, 10) : '';
  const sentences = article.sentences.map((s, index): PreparedSentence => {
    const inside = namesIn(s.start, s.start + s.text.length);
    // Slots read the names inside the sentence and, to resolve weekdays and dates, the publication
    // day; whether a sentence has times at all does not depend on the day.
    let ofText = cache.known.get(s.text);
    if (ofText === undefined) cache.known.set(s.text, (ofText = []));
    const wording = ofText.find((w) => sameNames(w.names, w.first.start, inside, s.start));
    if (wording) {
      const dated = wording.first.slots.times.length > 0;
      const known = dated ? wording.byDay.get(day) : wording.first;
      if (known) return known.start === s.start && known.index === index ? known : moved(known, index, s.start);
      // The wording is known, only its dates are not: resolve them against this article's day.
      const first = wording.first;
      const redated: PreparedSentence = { ...first, slots: redateSlots(first.slots, first.text, first.start, article.published), variant: cache.variants.length };
      cache.variants.push(redated);
      wording.byDay.set(day, redated);
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
      tokensAt: s.start,
      stems: content(() => true),
      claimStems: content((i) => !slots.slotTokens.has(i) && !tokens[i]!.number),
      slots,
      wording: cache.wordings.length,
      variant: cache.variants.length,
    };
    const added: Wording = { names: inside, first: prepared, byDay: new Map() };
    cache.variants.push(prepared);
    cache.wordings.push(added);
    ofText.push(added);
    if (slots.times.length > 0) added.byDay.set(day, prepared);
    return prepared;
  });
  const parsed = article.published ? Date.parse(article.published) : NaN;
  // The article's tokens are its sentences' (analysed once per wording), checked against the text.
  const { tokens, starts } = joinSentenceTokens(article.text, sentences);
  return { article, tokens, tokenStarts: starts, sentences, time: Number.isFinite(parsed) ? parsed : null };
}

/** A name inside an article (an entity's span and text). */
export interface Name {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Whether two sentences (starting at `xStart` and `yStart`) hold the same names at the same places. */
function sameNames(x: readonly Name[], xStart: number, y: readonly Name[], yStart: number): boolean {
  if (x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) {
    const m = x[k]!;
    const n = y[k]!;
    if (m.start - xStart !== n.start - yStart || m.end - xStart !== n.end - yStart || m.text !== n.text) return false;
  }
  return true;
}

/**
 * The names inside a span, in the order given: `names.filter((n) => n.start >= from && n.end <= to)`.
 * Names come sorted by start (each start at or before its end), so a span's names are found by a
 * binary search instead of a scan of every name for every sentence; otherwise by the scan.
 */
function namesWithin(names: readonly Name[]): (from: number, to: number) => Name[] {
  const sorted = names.every((n, k) => n.start <= n.end && (k === 0 || names[k - 1]!.start <= n.start));
  if (!sorted) return (from, to) => names.filter((n) => n.start >= from && n.end <= to);
  return (from, to) => {
    const out: Name[] = [];
    // Past a start beyond the span, no name can end inside it.
    for (let k = firstStartingFrom(names, from); k < names.length && names[k]!.start <= to; k++) if (names[k]!.end <= to) out.push(names[k]!);
    return out;
  };
}

/** A known sentence at another place: the same analysis and tokens (which keep their `tokensAt`). */
function moved(s: PreparedSentence, index: number, start: number): PreparedSentence {
  return { ...s, index, start };
}
