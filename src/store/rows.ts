/**
 * How articles and raw inputs map onto table rows, shared by every SQL store so they read
 * and write them the same way (the annotation layers are one JSON document: see `storedArticle`).
 */
import type { Diagnostic } from '../diagnostics.js';
import type { StoryComparison, Thread } from '../model.js';
import type { ComparisonText, RawRecord, StoredArticle } from './store.js';

/** A row as a SQL driver returns it. */
export type Row = Record<string, unknown>;

/** The columns an article row is read from (features, which only the clusterer reads, left out). */
export const ARTICLE_SELECT = 'id, content_hash, raw_id, source, title, byline, published, published_rule, outlet, language, url, text, credits, strategy, annotations';

/** The stored article a row of the `articles` table holds, its annotation layers left as JSON text. */
export function storedArticleFromRow(row: Row): StoredArticle {
  return {
    id: row['id'] as string,
    contentHash: row['content_hash'] as string,
    rawId: row['raw_id'] as string,
    source: row['source'] as string,
    title: (row['title'] as string | null) ?? null,
    byline: (row['byline'] as string | null) ?? null,
    published: (row['published'] as string | null) ?? null,
    publishedRule: (row['published_rule'] as string | null) ?? null,
    outlet: (row['outlet'] as string | null) ?? null,
    language: (row['language'] as string | null) ?? null,
    url: (row['url'] as string | null) ?? null,
    text: row['text'] as string,
    credits: JSON.parse(row['credits'] as string) as string[],
    strategy: row['strategy'] as string,
    annotations: row['annotations'] as string,
  };
}

/** The `comparison` column of a story row: null marks it stale; text given ready is written as it is. */
export function comparisonColumn(comparison: StoryComparison | ComparisonText | null): string | null {
  if (comparison === null) return null;
  return typeof comparison === 'string' ? comparison : JSON.stringify(comparison);
}

/** The raw input a row of the `raw_documents` table holds. */
export function rawFromRow(r: Row): RawRecord {
  return {
    id: r['id'] as string,
    source: r['source'] as string,
    bodyFormat: (r['body_format'] as RawRecord['bodyFormat']) ?? null,
    encoding: (r['encoding'] as string | null) ?? null,
    bytes: r['bytes'] ? new Uint8Array(r['bytes'] as Buffer) : null,
    status: r['status'] as RawRecord['status'],
    articleId: (r['article_id'] as string | null) ?? null,
    diagnostics: JSON.parse(r['diagnostics'] as string) as Diagnostic[],
  };
}

/** A row of the `threads` table. */
export interface ThreadRow {
  readonly id: string;
  /** The thread's story ids as stored: JSON text. */
  readonly storyIds: string;
  readonly reason: string;
}

/** What a commit changes to replace every thread with another set: rows and stories, no more. */
export interface ThreadChanges {
  /** Threads to delete: held, and not among the new ones. */
  readonly drop: readonly string[];
  /** Threads to insert or overwrite: new, or held with other stories or another reason. */
  readonly write: readonly { readonly id: string; readonly storyIds: string; readonly reason: string }[];
  /** Stories whose thread changes: [story id, its thread, null for none]. */
  readonly assign: readonly (readonly [string, string | null])[];
}

/**
 * The changes that make the stored threads `wanted`, given the thread rows and each story's
 * thread as stored. Every run rebuilds all threads; written whole, a store of a million
 * articles rewrote every story row each run, though a run of a thousand changes a few threads.
 * The tables end as a full rewrite leaves them.
 */
export function threadChanges(held: readonly ThreadRow[], heldThreadOf: ReadonlyMap<string, string>, wanted: readonly Thread[]): ThreadChanges {
  const heldById = new Map(held.map((t) => [t.id, t]));
  const wantedIds = new Set(wanted.map((t) => t.id));
  const drop = held.filter((t) => !wantedIds.has(t.id)).map((t) => t.id);
  const write = wanted
    .map((t) => ({ id: t.id, storyIds: JSON.stringify(t.storyIds), reason: t.reason }))
    .filter((t) => {
      const before = heldById.get(t.id);
      return !before || before.storyIds !== t.storyIds || before.reason !== t.reason;
    });
  const threadOf = new Map<string, string>();
  for (const t of wanted) for (const s of t.storyIds) threadOf.set(s, t.id);
  const assign: [string, string | null][] = [];
  for (const [s, t] of heldThreadOf) if (threadOf.get(s) !== t) assign.push([s, threadOf.get(s) ?? null]);
  for (const [s, t] of threadOf) if (!heldThreadOf.has(s)) assign.push([s, t]);
  return { drop, write, assign };
}
