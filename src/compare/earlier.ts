/**
 * Reuse against earlier stories: an article of this story that copies or rewrites an article of
 * an earlier story of its thread (background paragraphs carried over, a report recycled for a
 * new development). Kept apart from the story's own provenance: text taken from an earlier event
 * says nothing about who first reported this one.
 */
import type { AnnotatedArticle, EarlierReuse } from '../model.js';
import { DEFAULT_CLAIMS, type ClaimConfig } from './claims.js';
import { loadGazetteer, type Gazetteer } from './places.js';
import { prepareArticle, sentenceCache } from './prepare.js';
import { DEFAULT_REUSE, findReuseFrom, type ReuseConfig } from './reuse.js';
import { sentencePairs } from './similar.js';

/** An article of an earlier story. */
export interface EarlierArticle {
  readonly storyId: string;
  readonly article: AnnotatedArticle;
}

/** Settings shared with the story comparison. */
export interface EarlierOptions {
  readonly reuse?: ReuseConfig;
  readonly claims?: ClaimConfig;
  readonly gazetteer?: Gazetteer;
}

/** For each article of the story, the earlier story's article it copies or rewrites most, if any. */
export function findEarlierReuse(members: readonly AnnotatedArticle[], earlier: readonly EarlierArticle[], options: EarlierOptions = {}): EarlierReuse[] {
  const own = new Set(members.map((m) => m.id));
  // Fixed orders, so the result does not depend on how the caller listed them.
  const others = earlier.filter((e) => !own.has(e.article.id)).sort((x, y) => (x.article.id < y.article.id ? -1 : x.article.id > y.article.id ? 1 : 0));
  if (others.length === 0 || members.length === 0) return [];
  const gazetteer = options.gazetteer ?? loadGazetteer();
  const cache = sentenceCache();
  const ordered = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const articles = [...ordered, ...others.map((o) => o.article)].map((a) => prepareArticle(a, gazetteer, cache));
  const pairs = sentencePairs(articles, Math.min((options.claims ?? DEFAULT_CLAIMS).compareWithContext, 0.2));
  const derived = ordered.map((_, k) => k);
  const sources = others.map((_, k) => ordered.length + k);
  // An article cannot rest on one published after it.
  const allowed = (d: number, s: number): boolean => {
    const dt = articles[d]!.time;
    const st = articles[s]!.time;
    return dt === null || st === null || st <= dt;
  };
  const storyOf = new Map(others.map((o) => [o.article.id, o.storyId]));
  return findReuseFrom(articles, pairs, derived, sources, options.reuse ?? DEFAULT_REUSE, allowed).map((r) => ({
    from: r.from,
    to: r.to,
    storyId: storyOf.get(r.to)!,
    kind: r.kind,
    strength: r.strength,
    passages: r.passages,
    why: r.why.replace(/direction by time$/, 'the source belongs to an earlier story'),
  }));
}
