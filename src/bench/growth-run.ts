/**
 * The store-growth benchmark's child process (one per step, so each step's peak memory is its own):
 *
 * - `seed`: grows a SQLite store to `stored` articles. A base of generated articles goes through
 *   the real pipeline once; the store is then filled with copies of the base shifted back in
 *   time by whole rounds (new ids, same stories per round), so the inverted index, the term
 *   statistics and the tables grow as with real news that keeps naming the same places and
 *   words. Seeding a million articles through the whole pipeline would take hours and measure
 *   the pipeline, not the growth.
 * - `measure`: runs `analyze` on `added` fresh articles against the seeded store and reports the
 *   replay of the stored placements (what every run does first) apart from the cost per added
 *   article (extract to commit, the end-of-run comparison and threads included).
 *
 * `node dist/bench/growth-run.js '{"step":"seed","db":"/tmp/g.db","stored":100000}'`
 */
import { resolveConfig } from '../config.js';
import { analyze } from '../pipeline/analyze.js';
import type { ArticleFeatures, ClusterDecision } from '../model.js';
import { openStore } from '../store/open.js';
import type { ArticleRecord, Store, StoredArticle, StoryRecord } from '../store/store.js';
import { generateCorpus } from './corpus.js';
import { peakRssMiB } from './suite.js';
import { boundHeapGrowth } from '../util/heap.js';

/** What the parent asks for. */
export type GrowthSpec =
  | { readonly step: 'seed'; readonly db: string; readonly stored: number; readonly base?: number }
  | { readonly step: 'measure'; readonly db: string; readonly added: number; readonly seed: number; readonly workers?: number };

/** What a `measure` step reports. */
export interface GrowthResult {
  readonly stored: number;
  readonly added: number;
  /** Seconds replaying the stored placements before the first new article is read. */
  readonly replaySeconds: number;
  /** Milliseconds per added article after the replay. */
  readonly msPerArticle: number;
  readonly peakRssMiB: number;
}

const DAY_MS = 86_400_000;
/** Each round of copies is this much older than the one before: more than the base corpus spans. */
const ROUND_DAYS = 400;
/** Articles per seeding transaction. */
const SEED_CHUNK = 5_000;
/** The marker of seeded copies: the base's own articles and the fresh ones never carry it. */
const COPY_SOURCE = 'seed/';

/** The base articles with their features and stories, made by the real pipeline in a scratch store. */
async function makeBase(count: number): Promise<{ article: StoredArticle; features: ArticleFeatures; storyId: string }[]> {
  const scratch = await openStore(':memory:');
  try {
    await analyze(scratch, generateCorpus({ format: 'text', articles: count, seed: 4242 }), { config: resolveConfig({}), workers: 0 });
    const placed: { features: ArticleFeatures; storyId: string }[] = [];
    for await (const p of scratch.placementsAfter(0)) placed.push({ features: p.features, storyId: p.storyId });
    const articles = new Map((await scratch.getStoredArticles(placed.map((p) => p.features.articleId))).map((a) => [a.id, a]));
    return placed.map((p) => ({ ...p, article: articles.get(p.features.articleId)! }));
  } finally {
    await scratch.close();
  }
}

/** A copy of a base article for round `r`: new ids, published `r` rounds earlier. */
function copyOf(base: { article: StoredArticle; features: ArticleFeatures; storyId: string }, r: number, serial: number): { record: ArticleRecord; storyId: string } {
  const id = `c${serial.toString(16).padStart(15, '0')}`;
  const shift = (iso: string | null): string | null => (iso ? new Date(Date.parse(iso) - r * ROUND_DAYS * DAY_MS).toISOString() : null);
  const article: StoredArticle = {
    ...base.article,
    id,
    rawId: `raw${id}`,
    contentHash: `${id}${'0'.repeat(48)}`,
    source: `${COPY_SOURCE}${r}/${base.article.source}`,
    published: shift(base.article.published),
  };
  const features: ArticleFeatures = {
    ...base.features,
    articleId: id,
    time: base.features.time === null ? null : base.features.time - r * ROUND_DAYS * DAY_MS,
    ...(base.features.eventYear ? { eventYear: base.features.eventYear - Math.round((r * ROUND_DAYS) / 365) } : {}),
  };
  return { record: { article, features }, storyId: `${base.storyId}_r${r}` };
}

async function seed(store: Store, stored: number, baseCount: number): Promise<void> {
  let have = (await store.stats()).articles;
  if (have >= stored) return;
  const base = await makeBase(baseCount);
  // Rounds continue where an earlier seeding stopped, so a store grows 10k → 100k → 1M in place.
  let serial = have;
  while (have < stored) {
    const articles: ArticleRecord[] = [];
    const decisions: ClusterDecision[] = [];
    const stories = new Map<string, StoryRecord>();
    for (let k = 0; k < SEED_CHUNK && have + k < stored; k++) {
      const i = serial + k;
      const round = 1 + Math.floor(i / base.length);
      const { record, storyId } = copyOf(base[i % base.length]!, round, i);
      const first = !stories.has(storyId);
      articles.push(record);
      decisions.push({ articleId: record.article.id, storyId, action: first ? 'created' : 'joined', score: null, candidates: [], threshold: 0, reason: 'seeded copy' });
      // Seeded stories are stored compared (a minimal comparison), so the measured run does not compare them.
      if (first) stories.set(storyId, { id: storyId, title: record.article.title ?? '', comparison: { storyId, sources: [], agencies: [], outlets: [] } });
    }
    await store.commit({ raws: [], articles, decisions, stories: [...stories.values()] });
    serial += articles.length;
    have += articles.length;
  }
}

async function measure(store: Store, added: number, seedNo: number, workers: number): Promise<GrowthResult> {
  const stored = (await store.stats()).articles;
  const t0 = performance.now();
  let firstRead: number | null = null;
  await analyze(store, generateCorpus({ format: 'text', articles: added, seed: seedNo }), {
    config: resolveConfig({}),
    workers,
    onProgress: () => {
      firstRead ??= performance.now();
    },
  });
  const end = performance.now();
  const started = firstRead ?? end;
  return { stored, added, replaySeconds: (started - t0) / 1000, msPerArticle: (end - started) / added, peakRssMiB: peakRssMiB() };
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as GrowthSpec;
  const store = await openStore(spec.db);
  try {
    if (spec.step === 'seed') {
      await seed(store, spec.stored, spec.base ?? 5_000);
      process.stdout.write(`${JSON.stringify({ stored: (await store.stats()).articles })}\n`);
    } else {
      process.stdout.write(`${JSON.stringify(await measure(store, spec.added, spec.seed, spec.workers ?? 0))}\n`);
    }
  } finally {
    await store.close();
  }
}

boundHeapGrowth();
await main();
