/**
 * The storage interface. Every stage that needs earlier state reads it through this, never
 * through module globals, and every implementation (SQLite now, PostgreSQL later) passes the
 * same contract suite (`store/contract.ts`). Methods are async so a networked database fits.
 */
import type { Diagnostic } from '../diagnostics.js';
import type {
  AnnotatedArticle,
  ArticleFeatures,
  BodyFormat,
  ClusterDecision,
  RawStatus,
  StoryComparison,
  StorySummary,
  Thread,
} from '../model.js';

/** A raw input as stored: kept whatever happened to it, so nothing is lost. */
export interface RawRecord {
  readonly id: string;
  readonly source: string;
  readonly bodyFormat: BodyFormat | null;
  readonly encoding: string | null;
  /** Original bytes, or null when the file could not be read at all. */
  readonly bytes: Uint8Array | null;
  readonly status: RawStatus;
  readonly articleId: string | null;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * A new article with its clustering features. The article comes with its annotation layers
 * already serialized ({@link storedArticle}), by the worker thread that made them: the writer
 * neither receives their object graph nor turns it into JSON, it writes the text as it is.
 */
export interface ArticleRecord {
  readonly article: StoredArticle;
  readonly features: ArticleFeatures;
}

/** A story row to insert or update: what the pipeline derived for it in this batch. */
export interface StoryRecord {
  readonly id: string;
  readonly title: string;
  /**
   * The story's comparison, or null to mark it stale: its articles changed and it awaits
   * comparison (done once per run, not once per batch; see {@link Store.storiesToCompare}).
   */
  readonly comparison: StoryComparison | ComparisonText | null;
}

/**
 * A comparison already serialized to the JSON text the store keeps: made where the comparison
 * was computed (a worker thread), so it crosses threads as one string instead of a cloned object
 * graph, and is written as it is.
 */
export type ComparisonText = string & { readonly __comparisonText: never };

/** The stored JSON text of a comparison. */
export function comparisonText(comparison: StoryComparison): ComparisonText {
  return JSON.stringify(comparison) as ComparisonText;
}

/**
 * An article as stored, its annotation layers left as their JSON text: for readers that hand the
 * article on to another thread, which parses the layers once where they are used
 * ({@link articleFromStored} gives the {@link AnnotatedArticle}).
 */
export interface StoredArticle
  extends Pick<
    AnnotatedArticle,
    'id' | 'contentHash' | 'rawId' | 'source' | 'title' | 'byline' | 'published' | 'publishedRule' | 'outlet' | 'language' | 'url' | 'text' | 'credits' | 'strategy'
  > {
  /** The annotation layers (sentences, entities, attributions, quotes, times…) as one JSON document. */
  readonly annotations: string;
}

/**
 * The article a stored article holds: its annotation layers parsed. The layers come first, so
 * the record has the same shape (and key order) whichever way it was read.
 */
export function articleFromStored(stored: StoredArticle): AnnotatedArticle {
  const { annotations, ...columns } = stored;
  const layers = JSON.parse(annotations) as Pick<AnnotatedArticle, 'sentences' | 'entities' | 'attributions'>;
  return { ...layers, ...columns };
}

/** Article fields stored as their own columns; every other field is an annotation layer. */
const ARTICLE_COLUMNS: ReadonlySet<string> = new Set<keyof StoredArticle>([
  'id', 'contentHash', 'rawId', 'source', 'title', 'byline', 'published', 'publishedRule', 'outlet', 'language', 'url', 'text', 'credits', 'strategy',
]);

/**
 * The article as stored: its columns, and every other field (the annotation layers: sentences,
 * entities, attributions, quotes, times…) as one JSON document, so a new layer needs no
 * migration. {@link articleFromStored} is its inverse.
 */
export function storedArticle(article: AnnotatedArticle): StoredArticle {
  const layers: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(article)) if (!ARTICLE_COLUMNS.has(k)) layers[k] = v;
  const { id, contentHash, rawId, source, title, byline, published, publishedRule, outlet, language, url, text, credits, strategy } = article;
  return { id, contentHash, rawId, source, title, byline, published, publishedRule, outlet, language, url, text, credits, strategy, annotations: JSON.stringify(layers) };
}

/** Everything one batch writes. Applied atomically: all of it or none of it. */
export interface Batch {
  readonly raws: readonly RawRecord[];
  readonly articles: readonly ArticleRecord[];
  /** Story placements of new articles (by the clusterer or a manual correction). */
  readonly decisions: readonly ClusterDecision[];
  readonly stories: readonly StoryRecord[];
  /** When present, replaces all threads. */
  readonly threads?: readonly Thread[];
  /** Near-duplicate relations found for new articles (copies stay stored as articles). */
  readonly copies?: readonly CopyRelation[];
}

/** A stored article that is a near-copy of an earlier one (the same wire text under another outlet). */
export interface CopyRelation {
  readonly articleId: string;
  /** The earliest stored article with (nearly) this text. */
  readonly originalId: string;
  /** Estimated Jaccard similarity of the two texts' word shingles (MinHash). */
  readonly similarity: number;
}

/**
 * A user's correction of the clustering (`dossier merge`, `dossier split`), kept so later
 * clustering and `recluster` respect it. Article ids are those at the time of the correction.
 */
export type ClusterCorrection =
  /** These articles belong to one story. */
  | { readonly kind: 'merge'; readonly storyIds: readonly string[]; readonly articleIds: readonly string[] }
  /** `moved` were taken out of a story whose other articles were `rest`: never put them together again. */
  | { readonly kind: 'split'; readonly storyId: string; readonly moved: readonly string[]; readonly rest: readonly string[] };

/** An article's placement, as the clusterer replays it. */
export interface Placement {
  readonly features: ArticleFeatures;
  readonly storyId: string;
}

/** A story with everything later stages stored for it. */
export interface StoryDetail extends StorySummary {
  readonly comparison: StoryComparison | null;
  readonly decisions: readonly ClusterDecision[];
  readonly threadInfo: Thread | null;
}

/** Headline figures of a story's comparison; null where the comparison has not computed them. */
export interface StoryDigest {
  readonly independentOrigins: number | null;
  readonly conflicts: number | null;
}

/** Filters for listing stories. */
export interface StoryQuery {
  readonly limit?: number;
  readonly offset?: number;
  /** Only stories with an article published on or after this ISO date. */
  readonly from?: string;
  /** Only stories with an article published on or before this ISO date (the whole day counts). */
  readonly to?: string;
  /** Only stories with an article from this outlet (exact name). */
  readonly outlet?: string;
  /** Only the stories of this thread. */
  readonly thread?: string;
  /** Only these stories (e.g. the stories of full-text or entity hits). */
  readonly ids?: readonly string[];
}

/** A full-text search hit. */
export interface SearchHit {
  readonly articleId: string;
  readonly storyId: string | null;
  readonly title: string | null;
  readonly source: string;
  /** Matching passage with the matched words wrapped in `[` `]`. */
  readonly snippet: string;
}

/** Counts, for summaries and health checks. */
export interface StoreStats {
  readonly raws: number;
  readonly articles: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly stories: number;
  readonly threads: number;
}

/** The store. */
export interface Store {
  /** Which of these raw ids are stored already (re-ingest is a no-op). */
  knownRawIds(ids: readonly string[]): Promise<ReadonlySet<string>>;
  /** Stored article ids by content hash, for exact-duplicate detection. */
  articleIdsByHash(hashes: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /** Every stored article's features and story, in insertion order, to rebuild the clusterer. */
  placements(): AsyncIterable<Placement>;
  /** Applies one batch in one transaction. */
  commit(batch: Batch): Promise<void>;
  /**
   * Position of the last committed article placement (0 when none). A writer remembers it so
   * that, with several writers on one store, it can catch up with what the others committed.
   */
  placementCursor(): Promise<number>;
  /** Placements of articles committed after `cursor`, in commit order (see {@link placementCursor}). */
  placementsAfter(cursor: number): AsyncIterable<Placement & { readonly cursor: number }>;
  /**
   * Runs `work` holding the store's single-writer lock, so that clustering and committing a
   * batch is never interleaved with another writer's. SQLite serialises writers of one process;
   * PostgreSQL takes an advisory lock that the server releases if the holder dies.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  listStories(query?: StoryQuery): Promise<StorySummary[]>;
  /**
   * The comparison's headline figures of these stories, read without loading whole comparisons
   * (the story list shows them for every row). Optional: callers fall back to `getStory`.
   */
  storyDigests?(ids: readonly string[]): Promise<ReadonlyMap<string, StoryDigest>>;
  getStory(id: string): Promise<StoryDetail | null>;
  /** Stored articles by id, in the order asked for (unknown ids are skipped). */
  getArticles(ids: readonly string[]): Promise<AnnotatedArticle[]>;
  /** The same articles as {@link getArticles}, their annotation layers left as JSON text. */
  getStoredArticles(ids: readonly string[]): Promise<StoredArticle[]>;
  /** Sources of raw inputs that duplicated each of these articles. */
  duplicateSources(articleIds: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>>;
  /** Raw records by source (for diagnostics). */
  rejected(): Promise<RawRecord[]>;
  /**
   * Ids of stories whose comparison is stale (null), in id order, at most `limit`. A run that
   * was interrupted before comparing leaves them so; the next run compares them.
   */
  storiesToCompare(limit: number): Promise<string[]>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  stats(): Promise<StoreStats>;
  /** The story each input source (as ingested) ended up in, through its article or the article it duplicated. */
  storiesOfSources(sources: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /** Copy relations in which any of these articles is the copy or the original. */
  copyRelations(articleIds: readonly string[]): Promise<CopyRelation[]>;
  /** Records a clustering correction (in the order given). */
  addCorrection(correction: ClusterCorrection): Promise<void>;
  /** Every recorded correction, oldest first. */
  corrections(): Promise<ClusterCorrection[]>;
  close(): Promise<void>;
}
