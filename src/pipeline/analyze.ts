/**
 * The orchestrator: ingest items → extract → dedupe → annotate → cluster → compare → store,
 * in batches. Each stage is a pure function; this module only moves records between them and
 * the store. One bad document becomes a rejected raw record with its diagnostics; the run goes on.
 */
import { StoryClusterer } from '../cluster/clusterer.js';
import type { DossierConfig, ThreadConfig } from '../config.js';
import type { Diagnostic } from '../diagnostics.js';
import { DossierError, isDossierError } from '../errors.js';
import type { IngestItem } from '../ingest/files.js';
import type { ArticleFeatures, ClusterDecision, RawDocument } from '../model.js';
import { sha256Hex } from '../util/hash.js';
import { collectGarbage } from '../util/heap.js';
import type { ArticleRecord, RawRecord, Store, StoredArticle, StoryRecord, CopyRelation } from '../store/store.js';
import { compareStaleStories, localCompareRunner, storyView, type CompareRunner, type StoryView } from './compare-stories.js';
import { prepareDocuments, type PreparedDocument } from './prepare.js';
import { storyTitle, type TitleSource } from './titles.js';
import { autoWorkerCount, defaultWorkerScript, MAX_POOLED_STORY, startPreparePool, type PreparePool } from './workers.js';

/** Progress after each document. */
export interface AnalyzeProgress {
  readonly done: number;
  readonly source: string;
}

/** Options of {@link analyze}. */
export interface AnalyzeOptions {
  readonly config: DossierConfig;
  readonly onProgress?: (p: AnalyzeProgress) => void;
  /**
   * Worker threads for the per-document stages: a number, 0 for none, or `auto` (default):
   * none for small inputs, where starting threads costs more than it saves, and
   * {@link autoWorkerCount} once a run reaches its {@link AUTO_POOL_AFTER_BATCHES}th batch.
   */
  readonly workers?: number | 'auto';
  /** The compiled worker script (default: the one beside this module; tests pass a bundle). */
  readonly workerScript?: URL;
}

/** In `auto` mode the pool starts with this batch: a run shorter than this stays single-threaded. */
export const AUTO_POOL_AFTER_BATCHES = 3;

/** What one run did. */
export interface AnalyzeSummary {
  /** Inputs read (files and records). */
  readonly read: number;
  /** Inputs already in the store, skipped. */
  readonly unchanged: number;
  readonly articles: number;
  readonly duplicates: number;
  readonly rejected: number;
  /** Stories that gained articles in this run. */
  readonly storiesTouched: readonly string[];
  readonly storiesCreated: number;
  /** Warnings and errors (info messages are stored, not returned). */
  readonly diagnostics: readonly Diagnostic[];
}

/** Runs the pipeline over ingest items into the store. */
export async function analyze(
  store: Store,
  items: AsyncIterable<IngestItem> | Iterable<IngestItem>,
  options: AnalyzeOptions,
): Promise<AnalyzeSummary> {
  const { config } = options;
  const replica = new ClusterReplica(new StoryClusterer(config.cluster));
  await replica.catchUp(store);

  const totals = { read: 0, unchanged: 0, articles: 0, duplicates: 0, rejected: 0, created: 0 };
  const touched = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  let batch: IngestItem[] = [];

  // Batches in flight: prepared (on the pool, when there is one) but not yet committed. At
  // most one per worker, so a fast reader cannot pile up memory ahead of the writer.
  const inFlight: { intake: BatchIntake; prepared: Promise<PreparedDocument[]> }[] = [];
  const workers = options.workers ?? 'auto';
  const script = options.workerScript ?? defaultWorkerScript();
  let pool: PreparePool | null = null;
  let batches = 0;

  // A job whose worker crashed (out of memory on a huge batch or story) is redone on this thread.
  const onMainThread = <T>(err: unknown, work: () => T): T => {
    if (!isDossierError(err) || err.code !== 'pipeline:worker-crashed') throw err;
    diagnostics.push({ severity: 'warning', origin: err.code, message: `${err.message}; redone on the main thread` });
    return work();
  };

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const intake = await intakeBatch(store, batch);
    batch = [];
    batches++;
    if (!pool && script && (workers === 'auto' ? batches >= AUTO_POOL_AFTER_BATCHES && autoWorkerCount() > 0 : workers > 0)) {
      pool = startPreparePool(workers === 'auto' ? autoWorkerCount() : workers, config, script);
    } else if (!script && typeof workers === 'number' && workers > 0) {
      throw new DossierError('config:invalid', 'workers: expected a compiled worker script (run the built dist/), found TypeScript sources');
    }
    const prepared = pool ? pool.prepare(intake.docs).catch((err: unknown) => onMainThread(err, () => prepareDocuments(intake.docs, config))) : Promise.resolve(prepareDocuments(intake.docs, config));
    prepared.catch(() => undefined); // awaited below, in order; this only marks it handled meanwhile
    inFlight.push({ intake, prepared });
    while (inFlight.length > (pool?.size ?? 0)) await commitOldest();
  };

  const commitOldest = async (): Promise<void> => {
    const job = inFlight.shift()!;
    const prepared = await job.prepared;
    const result = await store.exclusive(() => commitBatch(store, replica, job.intake, prepared));
    totals.unchanged += result.unchanged;
    totals.articles += result.articles;
    totals.duplicates += result.duplicates;
    totals.rejected += result.rejected;
    totals.created += result.created;
    result.touched.forEach((s) => touched.add(s));
    diagnostics.push(...result.diagnostics.filter((d) => d.severity !== 'info'));
  };

  try {
    for await (const item of items) {
      totals.read++;
      batch.push(item);
      options.onProgress?.({ done: totals.read, source: item.ok ? item.doc.source : item.failure.source });
      if (batch.length >= config.batchSize) await flush();
    }
    await flush();
    while (inFlight.length > 0) await commitOldest();

    // Under the writer lock and caught up, so the last writer to finish compares and links every
    // story. Stale stories left by an interrupted run are compared here too, on the pool when
    // the run has one.
    const running = pool as PreparePool | null;
    await store.exclusive(async () => {
      await replica.catchUp(store);
      // The clusterer is most of what a long run holds in memory; comparing needs only a
      // snapshot of its stories. Collected now, before the compare phase allocates.
      const stories = replica.release(config.thread);
      collectGarbage();
      const local = localCompareRunner();
      // Very large stories stay on this thread, which has no heap cap (see MAX_POOLED_STORY).
      const run: CompareRunner = running
        ? (job) => (job.members.length + job.earlier.length > MAX_POOLED_STORY ? local(job) : running.compare(job).catch((err: unknown) => onMainThread(err, () => local(job))))
        : local;
      // One story per worker being compared and one more being loaded.
      await compareStaleStories(store, stories, diagnostics, config.compare, run, running ? running.size + 1 : 1);
      if (touched.size > 0) await store.commit({ raws: [], articles: [], decisions: [], stories: [], threads: stories.threads() });
    });
  } finally {
    await (pool as PreparePool | null)?.close();
  }

  return {
    read: totals.read,
    unchanged: totals.unchanged,
    articles: totals.articles,
    duplicates: totals.duplicates,
    rejected: totals.rejected,
    storiesTouched: [...touched].sort(),
    storiesCreated: totals.created,
    diagnostics,
  };
}

/** What one batch did. */
export interface BatchResult {
  unchanged: number;
  articles: number;
  duplicates: number;
  rejected: number;
  created: number;
  touched: Set<string>;
  diagnostics: Diagnostic[];
}

/** A batch after the cheap first look: what is new, and the inputs that failed before extraction. */
export interface BatchIntake {
  readonly unchanged: number;
  /** Rejected raw records of inputs that never became documents. */
  readonly failures: readonly RawRecord[];
  readonly docs: readonly RawDocument[];
}

/** Skips what the store already holds and sets aside inputs that failed to read. */
export async function intakeBatch(store: Store, items: readonly IngestItem[]): Promise<BatchIntake> {
  let unchanged = 0;
  const failures: RawRecord[] = [];
  // Re-ingesting what is stored changes nothing: known raw ids are skipped before any work.
  const ids = items.map((item) => (item.ok ? item.doc.id : failureId(item.failure.source, item.failure.raw)));
  const known = await store.knownRawIds(ids);
  const seenInBatch = new Set<string>();

  const docs = items.flatMap((item, i) => {
    const id = ids[i]!;
    if (known.has(id) || seenInBatch.has(id)) {
      unchanged++;
      return [];
    }
    seenInBatch.add(id);
    if (!item.ok) {
      const d: Diagnostic = { severity: 'error', origin: item.failure.code, message: item.failure.message, source: item.failure.source };
      failures.push({ id, source: item.failure.source, bodyFormat: null, encoding: null, bytes: item.failure.raw, status: 'rejected', articleId: null, diagnostics: [d] });
      return [];
    }
    return [item.doc];
  });
  return { unchanged, failures, docs };
}

/**
 * The single-writer part of a batch: dedupe against the store, cluster, compare and commit.
 * Runs under {@link Store.exclusive}; it first replays what other writers committed since
 * this one last looked, so every writer's clusterer sees one history.
 */
export async function commitBatch(
  store: Store,
  replica: ClusterReplica,
  intake: BatchIntake,
  prepared: readonly PreparedDocument[],
): Promise<BatchResult> {
  await replica.catchUp(store);
  const clusterer = replica.clusterer;
  const result: BatchResult = { unchanged: intake.unchanged, articles: 0, duplicates: 0, rejected: 0, created: 0, touched: new Set(), diagnostics: [] };
  const raws: RawRecord[] = [];
  for (const f of intake.failures) {
    raws.push(f);
    result.rejected++;
    result.diagnostics.push(...f.diagnostics);
  }
  // Another writer (or an earlier batch still in flight) may have stored some of these meanwhile.
  const nowKnown = await store.knownRawIds(intake.docs.map((d) => d.id));

  const candidates: { article: StoredArticle; features: ArticleFeatures; titleSource: TitleSource; rawIndex: number }[] = [];
  intake.docs.forEach((doc, i) => {
    if (nowKnown.has(doc.id)) {
      result.unchanged++;
      return;
    }
    const p = prepared[i]!;
    const base = { id: doc.id, source: doc.source, bodyFormat: doc.bodyFormat, encoding: doc.encoding.name, bytes: doc.raw };
    if (p.article && p.features && p.titleSource) {
      candidates.push({ article: p.article, features: p.features, titleSource: p.titleSource, rawIndex: raws.length });
      raws.push({ ...base, status: 'article', articleId: p.article.id, diagnostics: p.diagnostics });
    } else {
      raws.push({ ...base, status: 'rejected', articleId: null, diagnostics: p.diagnostics });
      result.rejected++;
    }
    result.diagnostics.push(...p.diagnostics.map((d) => (d.source ? d : { ...d, source: doc.source })));
  });

  // Exact duplicates: same normalised text as a stored article or an earlier one in this batch.
  const stored = await store.articleIdsByHash(candidates.map((c) => c.article.contentHash));
  const fresh = new Map<string, { article: StoredArticle; features: ArticleFeatures; titleSource: TitleSource }>();
  for (const { article, features, titleSource, rawIndex } of candidates) {
    const existing = stored.get(article.contentHash) ?? (fresh.has(article.contentHash) ? fresh.get(article.contentHash)!.article.id : null);
    if (existing) {
      const raw = raws[rawIndex]!;
      raws[rawIndex] = {
        ...raw,
        status: 'duplicate',
        articleId: existing,
        diagnostics: [...raw.diagnostics, { severity: 'info', origin: 'dedupe:exact', message: `same text as article ${existing}`, source: raw.source }],
      };
      result.duplicates++;
    } else {
      fresh.set(article.contentHash, { article, features, titleSource });
    }
  }

  // Cluster the new articles in arrival order.
  const articles: ArticleRecord[] = [];
  const decisions: ClusterDecision[] = [];
  const copies: CopyRelation[] = [];
  // What each story's provisional title comes from: this batch's articles that joined it.
  const inBatch = new Map<string, TitleSource[]>();
  // The whole batch counts towards term statistics before any of it is placed, so the first
  // articles of a run are not judged with near-empty idf (still deterministic for one order).
  const news = [...fresh.values()];
  for (const { features } of news) clusterer.observe(features);
  // The batch is clustered jointly (grouped by average linkage, then each group placed), so
  // the first reports of an event stay together even before any of them resembles the story.
  const placed = clusterer.placeBatch(news.map((f) => f.features), { observed: true });
  for (const [k, { article, features, titleSource }] of news.entries()) {
    const { decision, copyOf } = placed[k]!;
    if (copyOf) copies.push({ articleId: article.id, originalId: copyOf.originalId, similarity: copyOf.similarity });
    articles.push({ article, features });
    decisions.push(decision);
    const titles = inBatch.get(decision.storyId);
    if (titles) titles.push(titleSource);
    else inBatch.set(decision.storyId, [titleSource]);
    result.touched.add(decision.storyId);
    if (decision.action === 'created') result.created++;
  }
  result.articles = articles.length;

  // Compare later, once per run (pipeline/compare-stories.ts): here the touched stories are
  // only marked stale, with a provisional title from this batch's articles.
  const stories: StoryRecord[] = [...result.touched].sort().map((storyId) => ({ id: storyId, title: storyTitle(inBatch.get(storyId) ?? []), comparison: null }));

  await store.commit({ raws, articles, decisions, stories, copies });
  // Our own placements are in the clusterer already: move the cursor past them.
  await replica.skipOwn(store);
  return result;
}

/**
 * A run's clusterer and how far it has replayed the store's placements. With several writers
 * on one store, each catches up under the writer lock before it places anything.
 */
export class ClusterReplica {
  #clusterer: StoryClusterer | null;
  #cursor = 0;

  constructor(clusterer: StoryClusterer) {
    this.#clusterer = clusterer;
  }

  /** The clusterer, until {@link release}. */
  get clusterer(): StoryClusterer {
    if (!this.#clusterer) throw new DossierError('pipeline:released', 'cluster replica: expected its clusterer, found it released (the run has moved on to comparing its stories)');
    return this.#clusterer;
  }

  /**
   * A snapshot of the stories for the compare stage; the replica then lets its clusterer go, so
   * its vectors and indexes can be collected while the stories are compared.
   */
  release(config: ThreadConfig): StoryView {
    const view = storyView(this.clusterer, config);
    this.#clusterer = null;
    return view;
  }

  /** Replays placements committed since this replica last looked (all of them the first time). */
  async catchUp(store: Store): Promise<void> {
    for await (const p of store.placementsAfter(this.#cursor)) {
      this.clusterer.restore(p.features, p.storyId);
      this.#cursor = p.cursor;
    }
  }

  /** Moves past placements this replica made itself and has just committed. */
  async skipOwn(store: Store): Promise<void> {
    this.#cursor = await store.placementCursor();
  }
}

/** Id of an input that never became a document: stable, so re-running skips it too. */
function failureId(source: string, raw: Uint8Array | null): string {
  return sha256Hex(source, raw ?? new Uint8Array());
}
