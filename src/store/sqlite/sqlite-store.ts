/**
 * The embedded default store: one SQLite file through better-sqlite3, in WAL mode, with FTS5
 * for search. Each batch is one transaction, so an interrupted run leaves the file as it was
 * after the last complete batch.
 */
import Database from 'better-sqlite3';
import { DossierError } from '../../errors.js';
import type {
  AnnotatedArticle,
  ArticleFeatures,
  ClusterDecision,
  StoryComparison,
  StorySummary,
  Thread,
} from '../../model.js';
import type { StoryDigest } from '../store.js';
import type { Batch, Placement, RawRecord, SearchHit, Store, StoreStats, StoredArticle, StoryDetail, StoryQuery } from '../store.js';
import type { ClusterCorrection, CopyRelation } from '../store.js';
import { articleFromStored } from '../store.js';
import { MIGRATIONS } from './migrations.js';
import { ARTICLE_SELECT, comparisonColumn, rawFromRow, storedArticleFromRow, threadChanges, type Row, type ThreadRow } from '../rows.js';


/** Opens (creating and migrating if needed) a SQLite store. `:memory:` gives a throwaway store. */
export function openSqliteStore(path: string): SqliteStore {
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (err) {
    throw new DossierError('store:open-failed', `cannot open SQLite database ${path}: ${(err as Error).message}`, { path });
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (err) {
    db.close();
    if (err instanceof DossierError) throw err;
    throw new DossierError('store:open-failed', `${path}: expected a Dossier SQLite database, found ${(err as Error).message}`, { path });
  }
  return new SqliteStore(db);
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new DossierError(
      'store:migration-failed',
      `database schema version: expected at most ${MIGRATIONS.length}, found ${version} (written by a newer Dossier)`,
    );
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** SQLite implementation of {@link Store}. */
export class SqliteStore implements Store {
  readonly #db: Database.Database;
  /** The last writer queued by {@link exclusive}; the next one starts when it settles. */
  #writerTail: Promise<unknown> = Promise.resolve();

  /** Statements run once per story by the compare stage, prepared once per store instead of per call. */
  readonly #statements = new Map<string, Database.Statement>();

  constructor(db: Database.Database) {
    this.#db = db;
  }

  #statement(sql: string): Database.Statement {
    let stmt = this.#statements.get(sql);
    if (!stmt) this.#statements.set(sql, (stmt = this.#db.prepare(sql)));
    return stmt;
  }

  async knownRawIds(ids: readonly string[]): Promise<ReadonlySet<string>> {
    const stmt = this.#db.prepare('SELECT 1 FROM raw_documents WHERE id = ?').pluck();
    return new Set(ids.filter((id) => stmt.get(id) !== undefined));
  }

  async articleIdsByHash(hashes: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const stmt = this.#db.prepare('SELECT id FROM articles WHERE content_hash = ?').pluck();
    const out = new Map<string, string>();
    for (const h of hashes) {
      const id = stmt.get(h) as string | undefined;
      if (id) out.set(h, id);
    }
    return out;
  }

  async *placements(): AsyncIterable<Placement> {
    const stmt = this.#db.prepare(
      'SELECT a.features AS features, sa.story_id AS story_id FROM articles a JOIN story_articles sa ON sa.article_id = a.id ORDER BY a.rowid',
    );
    for (const row of stmt.iterate() as Iterable<Row>) {
      yield { features: JSON.parse(row['features'] as string) as ArticleFeatures, storyId: row['story_id'] as string };
    }
  }

  async placementCursor(): Promise<number> {
    return Number(this.#db.prepare('SELECT COALESCE(MAX(a.rowid), 0) FROM articles a JOIN story_articles sa ON sa.article_id = a.id').pluck().get());
  }

  async *placementsAfter(cursor: number): AsyncIterable<Placement & { readonly cursor: number }> {
    const stmt = this.#db.prepare(
      'SELECT a.rowid AS seq, a.features AS features, sa.story_id AS story_id FROM articles a JOIN story_articles sa ON sa.article_id = a.id WHERE a.rowid > ? ORDER BY a.rowid',
    );
    for (const row of stmt.iterate(cursor) as Iterable<Row>) {
      yield { features: JSON.parse(row['features'] as string) as ArticleFeatures, storyId: row['story_id'] as string, cursor: Number(row['seq']) };
    }
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    // One SQLite file has one writer process; within it, writers take turns in call order.
    const run = this.#writerTail.then(work, work);
    this.#writerTail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async commit(batch: Batch): Promise<void> {
    const db = this.#db;
    const now = new Date().toISOString();
    const insertRaw = db.prepare(
      `INSERT INTO raw_documents (id, source, body_format, encoding, bytes, status, article_id, diagnostics, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
    );
    const insertArticle = db.prepare(
      `INSERT INTO articles (id, content_hash, raw_id, source, title, byline, published, published_rule, outlet, language, url,
        text, credits, strategy, annotations, features)
       VALUES (@id, @contentHash, @rawId, @source, @title, @byline, @published, @publishedRule, @outlet, @language, @url,
        @text, @credits, @strategy, @annotations, @features) ON CONFLICT(id) DO NOTHING`,
    );
    const insertFts = db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)');
    const upsertStory = db.prepare(
      `INSERT INTO stories (id, title, comparison) VALUES (?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET title = excluded.title, comparison = excluded.comparison`,
    );
    const placeArticle = db.prepare(
      `INSERT INTO story_articles (article_id, story_id, decision) VALUES (?, ?, ?)
       ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, decision = excluded.decision`,
    );
    const ensureStory = db.prepare(`INSERT INTO stories (id, title) VALUES (?, '') ON CONFLICT(id) DO NOTHING`);
    const storyOf = db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?').pluck();
    const dropIfEmpty = db.prepare('DELETE FROM stories WHERE id = ? AND NOT EXISTS (SELECT 1 FROM story_articles WHERE story_id = ?)');

    db.transaction(() => {
      for (const r of batch.raws) {
        insertRaw.run(r.id, r.source, r.bodyFormat, r.encoding, r.bytes ? Buffer.from(r.bytes) : null, r.status, r.articleId, JSON.stringify(r.diagnostics), now);
      }
      for (const { article: a, features } of batch.articles) {
        const info = insertArticle.run({
          id: a.id,
          contentHash: a.contentHash,
          rawId: a.rawId,
          source: a.source,
          title: a.title,
          byline: a.byline,
          published: a.published,
          publishedRule: a.publishedRule,
          outlet: a.outlet,
          language: a.language,
          url: a.url,
          text: a.text,
          credits: JSON.stringify(a.credits),
          strategy: a.strategy,
          annotations: a.annotations,
          features: JSON.stringify(features),
        });
        if (info.changes > 0) insertFts.run(info.lastInsertRowid, a.title ?? '', a.text);
      }
      // The stories this batch may leave empty: those its decisions move articles out of, and
      // the ones it writes (checked below, not every story of the store on every batch).
      const mayEmpty = new Set<string>(batch.stories.map((s) => s.id));
      for (const d of batch.decisions) {
        const before = storyOf.get(d.articleId) as string | undefined;
        if (before !== undefined && before !== d.storyId) mayEmpty.add(before);
        ensureStory.run(d.storyId);
        placeArticle.run(d.articleId, d.storyId, JSON.stringify(d));
      }
      for (const s of batch.stories) upsertStory.run(s.id, s.title, comparisonColumn(s.comparison));
      if (batch.threads) {
        const held = db.prepare('SELECT id, story_ids AS storyIds, reason FROM threads').all() as ThreadRow[];
        const heldThreadOf = new Map(db.prepare('SELECT id, thread_id FROM stories WHERE thread_id IS NOT NULL').raw().all() as [string, string][]);
        const { drop, write, assign } = threadChanges(held, heldThreadOf, batch.threads);
        const dropThread = db.prepare('DELETE FROM threads WHERE id = ?');
        const writeThread = db.prepare(
          'INSERT INTO threads (id, story_ids, reason) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET story_ids = excluded.story_ids, reason = excluded.reason',
        );
        const setThread = db.prepare('UPDATE stories SET thread_id = ? WHERE id = ?');
        for (const id of drop) dropThread.run(id);
        for (const t of write) writeThread.run(t.id, t.storyIds, t.reason);
        for (const [story, thread] of assign) setThread.run(thread, story);
      }
      if (batch.copies?.length) {
        const insertCopy = db.prepare(
          `INSERT INTO article_copies (article_id, original_id, similarity) VALUES (?, ?, ?)
           ON CONFLICT(article_id) DO UPDATE SET original_id = excluded.original_id, similarity = excluded.similarity`,
        );
        for (const c of batch.copies) insertCopy.run(c.articleId, c.originalId, c.similarity);
      }
      // Stories emptied by a correction are removed rather than listed with no articles.
      for (const id of mayEmpty) dropIfEmpty.run(id, id);
    })();
  }

  async listStories(query: StoryQuery = {}): Promise<StorySummary[]> {
    const where: string[] = [];
    const having: string[] = [];
    const params: unknown[] = [];
    if (query.thread !== undefined) {
      where.push('s.thread_id = ?');
      params.push(query.thread);
    }
    if (query.ids !== undefined) {
      where.push('s.id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(query.ids));
    }
    if (query.outlet !== undefined) {
      where.push('s.id IN (SELECT sa2.story_id FROM story_articles sa2 JOIN articles a2 ON a2.id = sa2.article_id WHERE a2.outlet = ?)');
      params.push(query.outlet);
    }
    // Dates are ISO strings: a story overlaps [from, to] when it ends after `from` and starts
    // before the end of the day `to` ("\uffff" sorts after any time suffix such as "T23:59").
    const havingParams: unknown[] = [];
    if (query.from !== undefined) {
      having.push('MAX(a.published) >= ?');
      havingParams.push(query.from);
    }
    if (query.to !== undefined) {
      having.push('MIN(a.published) <= ?');
      havingParams.push(`${query.to}\uffff`);
    }
    // An unfiltered page needs only the stories of the newest articles: found by walking the
    // publication-date index, instead of aggregating every story of the store (the cost no
    // longer grows with the store). The aggregate below then runs over those candidates only.
    if (query.limit !== undefined && where.length === 0 && having.length === 0) {
      const candidates = this.#storiesOfNewestArticles(query.limit + (query.offset ?? 0));
      if (candidates) {
        where.push('s.id IN (SELECT value FROM json_each(?))');
        params.push(JSON.stringify(candidates));
      }
    }
    const rows = this.#db
      .prepare(
        `SELECT s.id, s.title, s.thread_id, COUNT(a.id) AS n, MIN(a.published) AS first, MAX(a.published) AS last
         FROM stories s JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         GROUP BY s.id ${having.length ? `HAVING ${having.join(' AND ')}` : ''}
         ORDER BY last IS NULL, last DESC, s.id LIMIT ? OFFSET ?`,
      )
      .all(...params, ...havingParams, query.limit ?? -1, query.offset ?? 0) as Row[];
    return rows.map((row) => this.#summary(row));
  }

  /**
   * Every story whose newest article is at least as new as the n-th story's: a superset of the
   * first n stories in list order (ties at the boundary included, so ordering by id stays
   * exact). Null when undated articles would be reached first: the full query handles those.
   */
  #storiesOfNewestArticles(n: number): string[] | null {
    const walk = this.#db.prepare(
      `SELECT sa.story_id AS story, a.published AS published FROM articles a INDEXED BY articles_published
       JOIN story_articles sa ON sa.article_id = a.id WHERE a.published IS NOT NULL ORDER BY a.published DESC`,
    );
    const seen = new Set<string>();
    let boundary: string | null = null;
    for (const row of walk.iterate() as Iterable<{ story: string; published: string }>) {
      if (boundary !== null && row.published < boundary) return [...seen];
      seen.add(row.story);
      if (boundary === null && seen.size >= n) boundary = row.published;
    }
    return boundary === null ? null : [...seen];
  }

  async storyDigests(ids: readonly string[]): Promise<ReadonlyMap<string, StoryDigest>> {
    // json_extract reads the two figures inside SQLite, without parsing whole comparisons in JS.
    const rows = this.#db
      .prepare(
        `SELECT id, json_extract(comparison, '$.provenance.independentOrigins') AS origins,
           json_type(comparison, '$.provenance.independentOrigins') AS origins_type,
           json_array_length(comparison, '$.conflicts') AS conflicts
         FROM stories WHERE id IN (SELECT value FROM json_each(?)) AND json_valid(comparison)`,
      )
      .all(JSON.stringify(ids)) as Row[];
    return new Map(
      rows.map((r) => {
        const origins = r['origins_type'] === 'integer' ? Number(r['origins']) : r['origins_type'] === 'array' ? (JSON.parse(r['origins'] as string) as unknown[]).length : null;
        return [r['id'] as string, { independentOrigins: origins, conflicts: r['conflicts'] === null || r['conflicts'] === undefined ? null : Number(r['conflicts']) }];
      }),
    );
  }

  #summary(row: Row): StorySummary {
    const articles = this.#db
      .prepare(
        `SELECT a.id, a.source, a.outlet, a.title, a.published FROM story_articles sa JOIN articles a ON a.id = sa.article_id
         WHERE sa.story_id = ? ORDER BY a.published IS NULL, a.published, a.source`,
      )
      .all(row['id']) as Row[];
    return {
      id: row['id'] as string,
      title: row['title'] as string,
      articleCount: Number(row['n']),
      firstPublished: (row['first'] as string | null) ?? null,
      lastPublished: (row['last'] as string | null) ?? null,
      thread: (row['thread_id'] as string | null) ?? null,
      articles: articles.map((a) => ({
        id: a['id'] as string,
        source: a['source'] as string,
        outlet: (a['outlet'] as string | null) ?? null,
        title: (a['title'] as string | null) ?? null,
        published: (a['published'] as string | null) ?? null,
      })),
    };
  }

  async getStory(id: string): Promise<StoryDetail | null> {
    const row = this.#db
      .prepare(
        `SELECT s.id, s.title, s.thread_id, s.comparison, COUNT(a.id) AS n, MIN(a.published) AS first, MAX(a.published) AS last
         FROM stories s JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id
         WHERE s.id = ? GROUP BY s.id`,
      )
      .get(id) as Row | undefined;
    if (!row) return null;
    const decisions = (this.#db.prepare('SELECT decision FROM story_articles WHERE story_id = ? ORDER BY rowid').pluck().all(id) as string[]).map(
      (d) => JSON.parse(d) as ClusterDecision,
    );
    const threadRow = row['thread_id'] ? (this.#db.prepare('SELECT * FROM threads WHERE id = ?').get(row['thread_id']) as Row | undefined) : undefined;
    const threadInfo: Thread | null = threadRow
      ? { id: threadRow['id'] as string, storyIds: JSON.parse(threadRow['story_ids'] as string) as string[], reason: threadRow['reason'] as string }
      : null;
    return {
      ...this.#summary(row),
      comparison: row['comparison'] ? (JSON.parse(row['comparison'] as string) as StoryComparison) : null,
      decisions,
      threadInfo,
    };
  }

  async getArticles(ids: readonly string[]): Promise<AnnotatedArticle[]> {
    return (await this.getStoredArticles(ids)).map(articleFromStored);
  }

  async getStoredArticles(ids: readonly string[]): Promise<StoredArticle[]> {
    const stmt = this.#statement(`SELECT ${ARTICLE_SELECT} FROM articles WHERE id = ?`);
    const out: StoredArticle[] = [];
    for (const id of ids) {
      const row = stmt.get(id) as Row | undefined;
      if (row) out.push(storedArticleFromRow(row));
    }
    return out;
  }

  async duplicateSources(articleIds: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>> {
    // By article first: without statistics SQLite would pick the status index and read every duplicate of the store per call.
    const stmt = this.#statement(`SELECT source FROM raw_documents INDEXED BY raw_documents_article WHERE article_id = ? AND status = 'duplicate' ORDER BY source`).pluck();
    return new Map(articleIds.map((id) => [id, stmt.all(id) as string[]]));
  }

  async storiesToCompare(limit: number): Promise<string[]> {
    return this.#db.prepare('SELECT id FROM stories WHERE comparison IS NULL ORDER BY id LIMIT ?').pluck().all(limit) as string[];
  }

  async rejected(): Promise<RawRecord[]> {
    const rows = this.#db.prepare(`SELECT * FROM raw_documents WHERE status = 'rejected' ORDER BY source`).all() as Row[];
    return rows.map(rawFromRow);
  }

  async search(query: string, limit = 20): Promise<SearchHit[]> {
    const match = toFtsQuery(query);
    if (!match) return [];
    const rows = this.#db
      .prepare(
        `SELECT a.id, a.title, a.source, sa.story_id, snippet(articles_fts, 1, '[', ']', '…', 24) AS snippet
         FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid LEFT JOIN story_articles sa ON sa.article_id = a.id
         WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`,
      )
      .all(match, limit) as Row[];
    return rows.map((r) => ({
      articleId: r['id'] as string,
      storyId: (r['story_id'] as string | null) ?? null,
      title: (r['title'] as string | null) ?? null,
      source: r['source'] as string,
      snippet: r['snippet'] as string,
    }));
  }

  async stats(): Promise<StoreStats> {
    const count = (sql: string): number => Number(this.#db.prepare(sql).pluck().get());
    return {
      raws: count('SELECT COUNT(*) FROM raw_documents'),
      articles: count('SELECT COUNT(*) FROM articles'),
      duplicates: count(`SELECT COUNT(*) FROM raw_documents WHERE status = 'duplicate'`),
      rejected: count(`SELECT COUNT(*) FROM raw_documents WHERE status = 'rejected'`),
      stories: count('SELECT COUNT(*) FROM stories'),
      threads: count('SELECT COUNT(*) FROM threads'),
    };
  }

  async storiesOfSources(sources: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const stmt = this.#db
      .prepare(
        `SELECT sa.story_id FROM raw_documents r JOIN story_articles sa ON sa.article_id = r.article_id
         WHERE r.source = ? ORDER BY r.rowid LIMIT 1`,
      )
      .pluck();
    const out = new Map<string, string>();
    for (const s of sources) {
      const story = stmt.get(s) as string | undefined;
      if (story) out.set(s, story);
    }
    return out;
  }

  async copyRelations(articleIds: readonly string[]): Promise<CopyRelation[]> {
    const stmt = this.#db.prepare('SELECT * FROM article_copies WHERE article_id = ? OR original_id = ?');
    const seen = new Map<string, CopyRelation>();
    for (const id of articleIds) {
      for (const r of stmt.all(id, id) as Row[]) {
        seen.set(r['article_id'] as string, { articleId: r['article_id'] as string, originalId: r['original_id'] as string, similarity: r['similarity'] as number });
      }
    }
    return [...seen.values()].sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
  }

  async addCorrection(correction: ClusterCorrection): Promise<void> {
    this.#db.prepare('INSERT INTO cluster_corrections (correction, created_at) VALUES (?, ?)').run(JSON.stringify(correction), new Date().toISOString());
  }

  async corrections(): Promise<ClusterCorrection[]> {
    return (this.#db.prepare('SELECT correction FROM cluster_corrections ORDER BY seq').pluck().all() as string[]).map(
      (c) => JSON.parse(c) as ClusterCorrection,
    );
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

/** Turns user words into an FTS5 query of quoted terms (AND), so punctuation never breaks it. */
function toFtsQuery(q: string): string {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => `"${w}"`).join(' ');
}
