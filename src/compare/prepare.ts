/**
 * Per-article preparation shared by the comparison steps: tokens, sentences with their content
 * stems and slots, and the publication time. Done once per article per comparison.
 */
import type { AnnotatedArticle } from '../model.js';
import type { Gazetteer } from './places.js';
import { sentenceSlots, type SentenceSlots } from './slots.js';
import { tokenize, type Token } from './text.js';

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
}

/** An article ready for comparison. */
export interface PreparedArticle {
  readonly article: AnnotatedArticle;
  readonly tokens: readonly Token[];
  readonly sentences: readonly PreparedSentence[];
  /** Publication time in ms, or null. */
  readonly time: number | null;
}

/** Prepares one article. */
export function prepareArticle(article: AnnotatedArticle, gazetteer: Gazetteer): PreparedArticle {
  const names = article.entities.map((e) => ({ start: e.start, end: e.end, text: e.text }));
  const sentences = article.sentences.map((s, index): PreparedSentence => {
    const slots = sentenceSlots(s.text, s.start, article.published, gazetteer, names);
    const tokens = slots.tokens;
    const content = (keep: (i: number) => boolean): Set<string> =>
      new Set(tokens.filter((t, i) => !t.stop && t.norm.length > 1 && keep(i)).map((t) => t.stem));
    return {
      index,
      text: s.text,
      start: s.start,
      tokens,
      stems: content(() => true),
      claimStems: content((i) => !slots.slotTokens.has(i) && !tokens[i]!.number),
      slots,
    };
  });
  const parsed = article.published ? Date.parse(article.published) : NaN;
  return { article, tokens: tokenize(article.text), sentences, time: Number.isFinite(parsed) ? parsed : null };
}
