/**
 * The compare stage: per story, who published each version, when, and which agencies each
 * version credits; which versions copy or rewrite which (text reuse); the provenance graph and
 * its independent origins; claims aligned across versions with their support; conflicts; and a
 * brief with a timeline. Pure: the same articles give the same comparison.
 */
import type { AnnotatedArticle, StoryComparison, StorySource } from '../model.js';
import { buildBrief, buildTimeline } from './brief.js';
import { DEFAULT_CLAIMS, findConflicts, groupClaims, presentClaims, presentConflicts, type ClaimConfig } from './claims.js';
import { findEarlierReuse, type EarlierArticle } from './earlier.js';
import { loadGazetteer, type Gazetteer } from './places.js';
import { prepareArticle, sentenceCache } from './prepare.js';
import { buildProvenance } from './provenance.js';
import { DEFAULT_REUSE, findReuse, type ReuseConfig } from './reuse.js';
import { sentencePairs } from './similar.js';

/** Tuning of the comparison; defaults serve. */
export interface CompareOptions {
  readonly reuse?: ReuseConfig;
  readonly claims?: ClaimConfig;
  /** A gazetteer built once by the caller, to share across stories. */
  readonly gazetteer?: Gazetteer;
  /** Articles of earlier stories of the thread, to find text this story reuses from them. */
  readonly earlier?: readonly EarlierArticle[];
}

/** An article with the other raw inputs that carried exactly its text. */
export interface ArticleWithCopies {
  readonly article: AnnotatedArticle;
  readonly duplicateSources: readonly string[];
}

/** Compares the articles of one story. Sources are ordered by publication date, undated last. */
export function compareStory(storyId: string, members: readonly ArticleWithCopies[], options: CompareOptions = {}): StoryComparison {
  const sources: StorySource[] = members
    .map(({ article, duplicateSources }) => ({
      articleId: article.id,
      source: article.source,
      outlet: article.outlet,
      published: article.published,
      title: article.title,
      byline: article.byline,
      agencies: [...new Set(article.attributions.map((a) => a.agency))].sort(),
      attributions: article.attributions,
      duplicateSources: [...duplicateSources].sort(),
    }))
    .sort(bySourceOrder);
  const agencies = new Map<string, Set<string>>();
  for (const s of sources) for (const a of s.agencies) agencies.set(a, (agencies.get(a) ?? new Set()).add(s.articleId));
  const gazetteer = options.gazetteer ?? loadGazetteer();
  const shared = { ...options, gazetteer };
  return {
    storyId,
    sources,
    ...compareContent(members.map((m) => m.article), shared),
    ...(options.earlier ? { earlierReuse: findEarlierReuse(members.map((m) => m.article), options.earlier, shared) } : {}),
    agencies: [...agencies.entries()]
      .map(([name, articles]) => ({ name, articles: [...articles] }))
      .sort((a, b) => b.articles.length - a.articles.length || (a.name < b.name ? -1 : 1)),
    outlets: [...new Set(sources.map((s) => s.outlet).filter((o): o is string => !!o))].sort(),
  };
}

function bySourceOrder(a: StorySource, b: StorySource): number {
  if (a.published && b.published && a.published !== b.published) return a.published < b.published ? -1 : 1;
  if (a.published && !b.published) return -1;
  if (!a.published && b.published) return 1;
  return a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
}

/** The content comparison: reuse, provenance, claims, conflicts, brief and timeline. */
export function compareContent(
  members: readonly AnnotatedArticle[],
  options: CompareOptions = {},
): Pick<StoryComparison, 'provenance' | 'claims' | 'conflicts' | 'brief' | 'timeline'> {
  const gazetteer = options.gazetteer ?? loadGazetteer();
  const claimConfig = options.claims ?? DEFAULT_CLAIMS;
  // Articles in a fixed order (by id) so the result does not depend on arrival order.
  const cache = sentenceCache();
  const articles = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((a) => prepareArticle(a, gazetteer, cache));
  const pairs = sentencePairs(articles, Math.min(claimConfig.compareWithContext, 0.2));
  const reuse = findReuse(articles, pairs, options.reuse ?? DEFAULT_REUSE);
  const { provenance, originOf } = buildProvenance(articles, reuse);
  const groups = groupClaims(articles, pairs, claimConfig);
  const found = findConflicts(articles, pairs, claimConfig);
  // Sentences in conflict, per article (copies make many conflicts of the same sentences).
  const conflicted = articles.map(() => new Set<number>());
  for (const c of found) for (const side of c.sides) conflicted[side.ref.a]!.add(side.ref.i);
  const claims = presentClaims(articles, groups, originOf, conflicted);
  const conflicts = presentConflicts(articles, found);
  return {
    provenance,
    claims: rankClaims(claims),
    conflicts,
    brief: buildBrief(articles, claims, groups),
    timeline: buildTimeline(articles, claims, groups),
  };
}

/** Claims shown best-supported first; within that, as the first article tells them. */
function rankClaims<T extends { readonly independentSupport: number; readonly articles: readonly string[]; readonly status: string }>(claims: readonly T[]): T[] {
  const order: Record<string, number> = { conflicting: 0, corroborated: 1, 'single-origin': 2, unique: 3 };
  return claims
    .map((c, k) => ({ c, k }))
    .sort((x, y) => (order[x.c.status] ?? 9) - (order[y.c.status] ?? 9) || y.c.independentSupport - x.c.independentSupport || y.c.articles.length - x.c.articles.length || x.k - y.k)
    .map((x) => x.c);
}
