/**
 * The compare stage over the store: every story whose articles changed is compared once per
 * run, after the last batch, instead of once per batch that touches it — a story growing over
 * fifty batches would otherwise be compared fifty times. Batches mark touched stories stale
 * (comparison null) in the same transaction that adds their articles, so an interrupted run
 * leaves them marked and the next run compares them.
 */
import { storyAnnotations } from '../annotate/index.js';
import type { StoryClusterer } from '../cluster/clusterer.js';
import { buildThreads } from '../cluster/threads.js';
import type { EarlierArticle } from '../compare/earlier.js';
import { loadGazetteer, type Gazetteer } from '../compare/places.js';
import { compareStory, type ArticleWithCopies, type CompareOptions } from '../compare/sources.js';
import { DEFAULT_CONFIG, type CompareConfig, type ThreadConfig } from '../config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { StoryComparison, Thread } from '../model.js';
import { articleFromStored, comparisonText, type ComparisonText, type Store, type StoredArticle, type StoryRecord } from '../store/store.js';
import { storyTitle, titleSource } from './titles.js';

/** How many stories are compared and written per transaction. */
const CHUNK = 100;

/**
 * Everything one story's comparison needs: plain data, so it can be sent to a worker thread.
 * Articles travel as stored, their annotation layers as JSON text: a string is copied to the
 * worker cheaply, where an object graph would be cloned field by field after being parsed here.
 */
export interface CompareJob {
  readonly storyId: string;
  readonly members: readonly { readonly article: StoredArticle; readonly duplicateSources: readonly string[] }[];
  readonly earlier: readonly { readonly storyId: string; readonly article: StoredArticle }[];
  readonly config: CompareConfig;
}

/** A story's title, its comparison (as the JSON text the store keeps) and what went wrong making it. */
export interface CompareOutcome {
  readonly title: string;
  readonly comparison: ComparisonText;
  readonly diagnostics: readonly Diagnostic[];
}

/** Runs comparison jobs: in this thread by default, or on the worker pool. */
export type CompareRunner = (job: CompareJob) => Promise<CompareOutcome>;

/**
 * Compares one story (pure). A story whose comparison throws gets a minimal comparison (its
 * sources) and a diagnostic, so one pathological story cannot stop the others or loop forever.
 */
export function runCompareJob(job: CompareJob, gazetteer: Gazetteer): CompareOutcome {
  const diagnostics: Diagnostic[] = [];
  const members: ArticleWithCopies[] = job.members.map((m) => ({ article: articleFromStored(m.article), duplicateSources: m.duplicateSources }));
  const earlier: EarlierArticle[] = job.earlier.map((e) => ({ storyId: e.storyId, article: articleFromStored(e.article) }));
  const options: CompareOptions = { ...job.config, gazetteer, ...(earlier.length ? { earlier } : {}) };
  const comparison = safeCompare(job.storyId, members, diagnostics, options);
  return { title: storyTitle(members.map((m) => titleSource(m.article))), comparison: comparisonText(comparison), diagnostics };
}

/** A runner in this thread, with one gazetteer for the run (building it takes tens of milliseconds). */
export function localCompareRunner(): CompareRunner {
  let gazetteer: Gazetteer | null = null;
  return (job) => {
    gazetteer ??= loadGazetteer();
    return Promise.resolve(runCompareJob(job, gazetteer));
  };
}

/** What the compare stage knows of the run's stories: read from its clusterer, computed at most once. */
export interface StoryView {
  /** A story's article ids, in placement order. */
  members(storyId: string): readonly string[];
  /** The threads linking all the stories. */
  threads(): readonly Thread[];
  /** When a story began (its earliest dated article, ms), or null when undated. */
  start(storyId: string): number | null;
}

/**
 * The stories of a clusterer as the compare stage sees them: a snapshot of their member lists,
 * names and start times, taken after the clusterer's last change. The view holds no reference
 * to the clusterer, so a caller done with it can let its vectors and indexes (most of a long
 * run's memory) be collected while the stories are compared. Threads are derived on first use.
 */
export function storyView(clusterer: StoryClusterer, config: ThreadConfig): StoryView {
  const listed = clusterer.storyNames();
  // A loop, not a callback: a closure naming `clusterer` would share this function's context
  // with the view's closures and keep the clusterer alive through them.
  const members = new Map<string, readonly string[]>();
  for (const s of listed) members.set(s.storyId, clusterer.members(s.storyId));
  let threads: readonly Thread[] | null = null;
  let starts: Map<string, number | null> | null = null;
  return {
    members: (storyId) => members.get(storyId) ?? [],
    threads: () => (threads ??= buildThreads(listed, config)),
    start: (storyId) => (starts ??= new Map(listed.map((s) => [s.storyId, s.first]))).get(storyId) ?? null,
  };
}

/**
 * Compares every stale story. This thread loads each story's articles and writes the results;
 * `run` compares. Up to `lanes` stories are loaded and compared at once (with a worker pool,
 * one per worker plus one being loaded), so the articles held in memory are those of a few
 * stories, not of a whole chunk.
 */
export async function compareStaleStories(
  store: Store,
  stories: StoryView,
  diagnostics: Diagnostic[] = [],
  config: CompareConfig = DEFAULT_CONFIG.compare,
  run: CompareRunner = localCompareRunner(),
  lanes = 1,
): Promise<number> {
  let compared = 0;
  // Threads give each story its earlier stories.
  let threadOf: Map<string, Thread> | null = null;
  const compareOne = async (storyId: string): Promise<{ record: StoryRecord; diagnostics: readonly Diagnostic[] }> => {
    const memberIds = stories.members(storyId);
    const articles = await store.getStoredArticles(memberIds);
    const dupes = await store.duplicateSources(memberIds);
    threadOf ??= new Map(stories.threads().flatMap((t) => t.storyIds.map((id) => [id, t] as const)));
    const earlier = await earlierArticles(store, storyId, articles, threadOf.get(storyId), stories);
    const job: CompareJob = { storyId, members: articles.map((article) => ({ article, duplicateSources: dupes.get(article.id) ?? [] })), earlier, config };
    const outcome = await run(job);
    return { record: { id: storyId, title: outcome.title, comparison: outcome.comparison }, diagnostics: outcome.diagnostics };
  };
  // Lanes take stories from one queue and never wait for each other: finished comparisons are
  // written CHUNK at a time by the lane that completes a chunk while the others go on, so the
  // workers are not idle at chunk boundaries. `claimed` holds the stories listed and not yet
  // written (still stale in the store, so listing again returns them: they are skipped).
  const claimed = new Set<string>();
  const queue: string[] = [];
  let finished: { order: number; record: StoryRecord; diagnostics: readonly Diagnostic[] }[] = [];
  let listed = 0;
  let exhausted = false;
  let failed = false;
  // One listing at a time: two overlapping listings would return the same stories, and the
  // second would find nothing new and end the run early.
  let listing: Promise<void> | null = null;
  const refill = (): Promise<void> =>
    (listing ??= (async () => {
      const ids = await store.storiesToCompare(CHUNK + claimed.size);
      const fresh = ids.filter((id) => !claimed.has(id));
      if (fresh.length === 0) exhausted = true;
      for (const id of fresh) {
        claimed.add(id);
        queue.push(id);
      }
    })().finally(() => {
      listing = null;
    }));
  const write = async (): Promise<void> => {
    // Written in the order the stories were listed, whichever finished first.
    const chunk = finished.sort((a, b) => a.order - b.order);
    finished = [];
    if (chunk.length === 0) return;
    for (const d of chunk) diagnostics.push(...d.diagnostics);
    await store.commit({ raws: [], articles: [], decisions: [], stories: chunk.map((d) => d.record) });
    for (const d of chunk) claimed.delete(d.record.id);
    compared += chunk.length;
  };
  const lane = async (): Promise<void> => {
    while (!failed) {
      if (queue.length === 0) {
        if (exhausted) return;
        await refill();
        continue;
      }
      const storyId = queue.shift()!;
      const order = listed++;
      try {
        // Awaited before `finished` is read: a write meanwhile replaces the array.
        const outcome = await compareOne(storyId);
        finished.push({ order, ...outcome });
        if (finished.length >= CHUNK) await write();
      } catch (err) {
        // A lane that fails stops the others: nothing more is loaded once the run is lost.
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, lanes) }, lane));
  await write();
  return compared;
}

/** Earlier stories looked at per story, nearest first, and articles taken from each: bounds the work. */
const EARLIER_STORIES = 3;
const EARLIER_ARTICLES = 10;

/**
 * Articles of the stories of the thread that began before this one (the nearest few). The
 * clusterer's start times choose them, so a long thread's other stories are not loaded.
 */
async function earlierArticles(
  store: Store,
  storyId: string,
  articles: readonly StoredArticle[],
  thread: Thread | undefined,
  stories: StoryView,
): Promise<CompareJob['earlier']> {
  if (!thread) return [];
  const own = articles.map((a) => a.published ?? '').filter(Boolean).sort()[0];
  if (!own) return [];
  const ownMs = Date.parse(own);
  const chosen = thread.storyIds
    .filter((other) => other !== storyId)
    .map((other) => ({ storyId: other, begins: stories.start(other) }))
    .filter((c): c is { storyId: string; begins: number } => c.begins !== null && c.begins < ownMs)
    .sort((x, y) => y.begins - x.begins || (x.storyId < y.storyId ? -1 : 1))
    .slice(0, EARLIER_STORIES);
  const out: CompareJob['earlier'][number][] = [];
  for (const c of chosen) for (const article of await store.getStoredArticles(stories.members(c.storyId).slice(0, EARLIER_ARTICLES))) out.push({ storyId: c.storyId, article });
  return out;
}

function safeCompare(storyId: string, withCopies: readonly ArticleWithCopies[], diagnostics: Diagnostic[], options: CompareOptions): StoryComparison {
  const articles = withCopies.map((m) => m.article);
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
