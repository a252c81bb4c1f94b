/**
 * The orchestrator: ingest items → extract → dedupe → annotate → cluster → compare → store,
 * in batches. Each stage is a pure function; this module only moves records between them and
 * the store. One bad document becomes a rejected raw record with its diagnostics; the run goes on.
 */
import { annotateArticle } from '../annotate/index.js';
import { articleFeatures } from '../cluster/features.js';
import { StoryClusterer } from '../cluster/clusterer.js';
import { buildThreads } from '../cluster/threads.js';
import { compareStory } from '../compare/sources.js';
import type { DossierConfig } from '../config.js';
import { Messages, type Diagnostic } from '../diagnostics.js';
import { contentHash } from '../dedupe/fingerprint.js';
import { isDossierError } from '../errors.js';
import { learnBoilerplate } from '../extract/boilerplate.js';
import { extractArticle } from '../extract/index.js';
import type { IngestItem } from '../ingest/files.js';
import type { AnnotatedArticle, ClusterDecision } from '../model.js';
import { sha256Hex } from '../util/hash.js';
import type { ArticleRecord, RawRecord, Store, StoryRecord } from '../store/store.js';
import { storyTitle } from './titles.js';

/** Progress after each document. */
export interface AnalyzeProgress {
  readonly done: number;
  readonly source: string;
}

/** Options of {@link analyze}. */
export interface AnalyzeOptions {
  readonly config: DossierConfig;
  readonly onProgress?: (p: AnalyzeProgress) => void;
}

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
  const clusterer = new StoryClusterer(config.cluster);
  for await (const p of store.placements()) clusterer.restore(p.features, p.storyId);

  const totals = { read: 0, unchanged: 0, articles: 0, duplicates: 0, rejected: 0, created: 0 };
  const touched = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  let batch: IngestItem[] = [];

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const result = await processBatch(store, clusterer, batch, config);
    batch = [];
    totals.unchanged += result.unchanged;
    totals.articles += result.articles;
    totals.duplicates += result.duplicates;
    totals.rejected += result.rejected;
    totals.created += result.created;
    result.touched.forEach((s) => touched.add(s));
    diagnostics.push(...result.diagnostics.filter((d) => d.severity !== 'info'));
  };

  for await (const item of items) {
    totals.read++;
    batch.push(item);
    options.onProgress?.({ done: totals.read, source: item.ok ? item.doc.source : item.failure.source });
    if (batch.length >= config.batchSize) await flush();
  }
  await flush();

  if (touched.size > 0) {
    const threads = buildThreads(clusterer.storyNames(), config.thread);
    await store.commit({ raws: [], articles: [], decisions: [], stories: [], threads });
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

interface BatchResult {
  unchanged: number;
  articles: number;
  duplicates: number;
  rejected: number;
  created: number;
  touched: Set<string>;
  diagnostics: Diagnostic[];
}

async function processBatch(store: Store, clusterer: StoryClusterer, items: readonly IngestItem[], config: DossierConfig): Promise<BatchResult> {
  const result: BatchResult = { unchanged: 0, articles: 0, duplicates: 0, rejected: 0, created: 0, touched: new Set(), diagnostics: [] };
  const raws: RawRecord[] = [];

  // Re-ingesting what is stored changes nothing: known raw ids are skipped before any work.
  const ids = items.map((item) => (item.ok ? item.doc.id : failureId(item.failure.source, item.failure.raw)));
  const known = await store.knownRawIds(ids);
  const seenInBatch = new Set<string>();

  const docs = items.flatMap((item, i) => {
    const id = ids[i]!;
    if (known.has(id) || seenInBatch.has(id)) {
      result.unchanged++;
      return [];
    }
    seenInBatch.add(id);
    if (!item.ok) {
      const d: Diagnostic = { severity: 'error', origin: item.failure.code, message: item.failure.message, source: item.failure.source };
      raws.push({ id, source: item.failure.source, bodyFormat: null, encoding: null, bytes: item.failure.raw, status: 'rejected', articleId: null, diagnostics: [d] });
      result.rejected++;
      result.diagnostics.push(d);
      return [];
    }
    return [item.doc];
  });

  const boilerplate = learnBoilerplate(
    docs.filter((d) => d.bodyFormat !== 'html'),
    config.boilerplate,
  );

  // Extract, dedupe and annotate each document.
  const candidates: { article: AnnotatedArticle; rawIndex: number }[] = [];
  for (const doc of docs) {
    const messages = new Messages();
    const base = { id: doc.id, source: doc.source, bodyFormat: doc.bodyFormat, encoding: doc.encoding.name, bytes: doc.raw };
    try {
      const extracted = extractArticle(doc, { config: config.extract, boilerplate, messages });
      const hash = contentHash(extracted.text);
      const article = annotateArticle(extracted, hash);
      candidates.push({ article, rawIndex: raws.length });
      raws.push({ ...base, status: 'article', articleId: article.id, diagnostics: messages.list() });
    } catch (err) {
      const code = isDossierError(err) ? err.code : 'extract:failed';
      // An unexpected exception in a stage is that document's problem, not the run's.
      messages.error(code, isDossierError(err) ? err.message : `${doc.source}: extraction failed (${(err as Error).message})`, doc.source);
      raws.push({ ...base, status: 'rejected', articleId: null, diagnostics: messages.list() });
      result.rejected++;
    }
    result.diagnostics.push(...messages.list().map((d) => (d.source ? d : { ...d, source: doc.source })));
  }

  // Exact duplicates: same normalised text as a stored article or an earlier one in this batch.
  const stored = await store.articleIdsByHash(candidates.map((c) => c.article.contentHash));
  const fresh = new Map<string, AnnotatedArticle>();
  for (const { article, rawIndex } of candidates) {
    const existing = stored.get(article.contentHash) ?? (fresh.has(article.contentHash) ? fresh.get(article.contentHash)!.id : null);
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
      fresh.set(article.contentHash, article);
    }
  }

  // Cluster the new articles in arrival order.
  const articles: ArticleRecord[] = [];
  const decisions: ClusterDecision[] = [];
  for (const article of fresh.values()) {
    const features = articleFeatures(article);
    const decision = clusterer.place(features);
    articles.push({ article, features });
    decisions.push(decision);
    result.touched.add(decision.storyId);
    if (decision.action === 'created') result.created++;
  }
  result.articles = articles.length;

  // Compare: rebuild the sources view of every story that changed.
  const stories: StoryRecord[] = [];
  for (const storyId of [...result.touched].sort()) {
    const memberIds = clusterer.members(storyId);
    const inBatch = new Map(articles.map((a) => [a.article.id, a.article]));
    const missing = memberIds.filter((id) => !inBatch.has(id));
    const loaded = new Map((await store.getArticles(missing)).map((a) => [a.id, a]));
    const members = memberIds.map((id) => inBatch.get(id) ?? loaded.get(id)).filter((a): a is AnnotatedArticle => !!a);
    const dupes = await store.duplicateSources(memberIds);
    const batchDupes = raws.filter((r) => r.status === 'duplicate');
    const comparison = compareStory(
      storyId,
      members.map((article) => ({
        article,
        duplicateSources: [...(dupes.get(article.id) ?? []), ...batchDupes.filter((r) => r.articleId === article.id).map((r) => r.source)],
      })),
    );
    stories.push({ id: storyId, title: storyTitle(members), comparison });
  }

  await store.commit({ raws, articles, decisions, stories });
  return result;
}

/** Id of an input that never became a document: stable, so re-running skips it too. */
function failureId(source: string, raw: Uint8Array | null): string {
  return sha256Hex(source, raw ?? new Uint8Array());
}
