/**
 * The compare stage over the store: every story whose articles changed is compared once per
 * run, after the last batch, instead of once per batch that touches it — a story growing over
 * fifty batches would otherwise be compared fifty times. Batches mark touched stories stale
 * (comparison null) in the same transaction that adds their articles, so an interrupted run
 * leaves them marked and the next run compares them.
 */
import { storyAnnotations } from '../annotate/index.js';
import { loadGazetteer } from '../compare/places.js';
import { compareStory, type CompareOptions } from '../compare/sources.js';
import type { Diagnostic } from '../diagnostics.js';
import type { AnnotatedArticle, StoryComparison } from '../model.js';
import type { Store, StoryRecord } from '../store/store.js';
import { storyTitle } from './titles.js';

/** How many stories are compared and written per transaction. */
const CHUNK = 100;

/**
 * Compares every stale story; `members` gives a story's article ids in placement order.
 * A story whose comparison throws gets a minimal comparison (its sources) and a diagnostic,
 * so one pathological story cannot stop the others or loop forever.
 */
export async function compareStaleStories(
  store: Store,
  members: (storyId: string) => readonly string[],
  diagnostics: Diagnostic[] = [],
  options: CompareOptions = {},
): Promise<number> {
  let compared = 0;
  // One gazetteer for the run: building it takes tens of milliseconds, once per story adds up.
  let shared: CompareOptions | null = null;
  for (;;) {
    const ids = await store.storiesToCompare(CHUNK);
    if (ids.length === 0) return compared;
    const records: StoryRecord[] = [];
    for (const storyId of ids) {
      const memberIds = members(storyId);
      const articles = await store.getArticles(memberIds);
      const dupes = await store.duplicateSources(memberIds);
      const withCopies = articles.map((article) => ({ article, duplicateSources: dupes.get(article.id) ?? [] }));
      shared ??= { ...options, gazetteer: options.gazetteer ?? loadGazetteer() };
      records.push({ id: storyId, title: storyTitle(articles), comparison: safeCompare(storyId, withCopies, articles, diagnostics, shared) });
    }
    await store.commit({ raws: [], articles: [], decisions: [], stories: records });
    compared += ids.length;
  }
}

function safeCompare(
  storyId: string,
  withCopies: { article: AnnotatedArticle; duplicateSources: readonly string[] }[],
  articles: readonly AnnotatedArticle[],
  diagnostics: Diagnostic[],
  options: CompareOptions = {},
): StoryComparison {
  try {
    // Canonical entities and grouped quotes of the story ride along with its comparison.
    return { ...compareStory(storyId, withCopies, options), ...storyAnnotations(articles) };
  } catch (err) {
    diagnostics.push({ severity: 'warning', origin: 'compare:failed', message: `story ${storyId}: comparison failed (${(err as Error).message}); sources listed only`, source: storyId });
    return {
      storyId,
      sources: articles.map((a) => ({
        articleId: a.id, source: a.source, outlet: a.outlet, published: a.published, title: a.title, byline: a.byline,
        agencies: [], attributions: a.attributions, duplicateSources: [],
      })),
      agencies: [],
      outlets: [...new Set(articles.map((a) => a.outlet).filter((o): o is string => !!o))].sort(),
    };
  }
}
