/**
 * The compare stage (basic): per story, who published each version, when, and which agencies
 * each version credits. Later work adds text reuse, independent origins, claims and conflicts.
 */
import type { AnnotatedArticle, StoryComparison, StorySource } from '../model.js';

/** An article with the other raw inputs that carried exactly its text. */
export interface ArticleWithCopies {
  readonly article: AnnotatedArticle;
  readonly duplicateSources: readonly string[];
}

/** Compares the articles of one story. Sources are ordered by publication date, undated last. */
export function compareStory(storyId: string, members: readonly ArticleWithCopies[]): StoryComparison {
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
  return {
    storyId,
    sources,
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
