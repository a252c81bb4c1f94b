/**
 * The shared-deployment store: PostgreSQL through `pg`. Several `dossier analyze` workers and
 * the web server can use one database at once:
 *
 * - every write of a batch is one transaction, keyed by content hashes (`ON CONFLICT DO
 *   NOTHING`), so a killed worker leaves the last complete batch and a re-run adds only what
 *   is missing;
 * - {@link PostgresStore.exclusive} holds a session advisory lock while a worker clusters and
 *   commits a batch, so the stateful clusterer sees one history; the server drops the lock
 *   when a worker's connection dies, so a SIGKILL never wedges the others;
 * - `articles.seq` numbers placements in commit order, which lets a worker catch up with what
 *   the others committed since it last looked.
 *
 * Location: `postgres://user@host:port/db`, optionally `?schema=NAME` to keep Dossier's tables
 * in their own schema (the tests use one schema per test).
 */
import pg from 'pg';
import { DossierError } from '../../errors.js';
import type { AnnotatedArticle, ArticleFeatures, ClusterDecision, StoryArticleRef, StoryComparison, StorySummary, Thread } from '../../model.js';
import type { Batch, ClusterCorrection, CopyRelation, Placement, RawRecord, SearchHit, Store, StoreStats, StoredArticle, StoryDetail, StoryQuery } from '../store.js';
import { articleFromStored } from '../store.js';
import { PG_MIGRATIONS } from './migrations.js';
import { ARTICLE_SELECT, comparisonColumn, rawFromRow, storedArticleFromRow, threadChanges, type Row, type ThreadRow } from '../rows.js';


/** Advisory lock keys: (Dossier's class, which lock). Any fixed numbers that differ from each other. */
const LOCK_CLASS = 0x0d055;
const LOCK_MIGRATE = 1;
const LOCK_WRITER = 2;

/** Below this word similarity a fuzzy title match is noise rather than a misspelling. */
const FUZZY_TITLE_SIMILARITY = 0.6;

/** Opens (creating and migrating if needed) a PostgreSQL store. */
export async function openPostgresStore(location: string): Promise<PostgresStore> {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new DossierError('config:invalid', `store location: expected a postgres:// URL, found "${location}"`);
  }
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new DossierError('config:invalid', `store location: expected a schema name of lower-case letters, digits and _, found "${schema}"`);
  }
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4, ...(schema ? { options: `-c search_path=${schema},public` } : {}) });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await migrate(pool);
  } catch (err) {
    await pool.end();
    if (err instanceof DossierError) throw err;
    throw new DossierError('store:open-failed', `cannot open PostgreSQL store ${redact(url)}: ${(err as Error).message}`, { location: redact(url) });
  }
  return new PostgresStore(pool);
}

/** The URL without its password, for messages. */
function redact(url: URL): string {
  const copy = new URL(url.toString());
  if (copy.password) copy.password = '***';
  return copy.toString();
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_CLASS, LOCK_MIGRATE]);
    await client.query('CREATE TABLE IF NOT EXISTS dossier_schema (version integer NOT NULL)');
    const rows = (await client.query('SELECT version FROM dossier_schema')).rows as Row[];
    const version = rows.length > 0 ? Number(rows[0]!['version']) : 0;
    if (version > PG_MIGRATIONS.length) {
      throw new DossierError(
        'store:migration-failed',
        `database schema version: expected at most ${PG_MIGRATIONS.length}, found ${version} (written by a newer Dossier)`,
      );
    }
    for (let v = version; v < PG_MIGRATIONS.length; v++) {
      await client.query('BEGIN');
      try {
        await client.query(PG_MIGRATIONS[v]!);
        await client.query('DELETE FROM dossier_schema');
        await client.query('INSERT INTO dossier_schema (version) VALUES ($1)', [v + 1]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new DossierError('store:migration-failed', `PostgreSQL migration ${v + 1}: ${(err as Error).message}`);
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_CLASS, LOCK_MIGRATE]).catch(() => undefined);
    client.release();
  }
}

/** PostgreSQL implementation of {@link Store}. */
export class PostgresStore implements Store {
  readonly #pool: pg.Pool;
  /** The last writer queued by {@link exclusive} in this process. */
  #writerTail: Promise<unknown> = Promise.resolve();

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async #rows(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.#pool.query(sql, params as unknown[])).rows as Row[];
  }

  async knownRawIds(ids: readonly string[]): Promise<ReadonlySet<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.#rows('SELECT id FROM raw_documents WHERE id = ANY($1::text[])', [ids]);
    return new Set(rows.map((r) => r['id'] as string));
  }

  async articleIdsByHash(hashes: readonly string[]): Promise<ReadonlyMap<string, string>> {
    if (hashes.length === 0) return new Map();
    const rows = await this.#rows('SELECT content_hash, id FROM articles WHERE content_hash = ANY($1::text[])', [hashes]);
    return new Map(rows.map((r) => [r['content_hash'] as string, r['id'] as string]));
  }

  async *placements(): AsyncIterable<Placement> {
    for await (const p of this.placementsAfter(0)) yield { features: p.features, storyId: p.storyId };
  }

  async placementCursor(): Promise<number> {
    const [row] = await this.#rows('SELECT COALESCE(MAX(a.seq), 0) AS seq FROM articles a JOIN story_articles sa ON sa.article_id = a.id');
    return Number(row!['seq']);
  }

  async *placementsAfter(cursor: number): AsyncIterable<Placement & { readonly cursor: number }> {
    // Keyset pages: bounded memory however many articles the store holds.
    const PAGE = 5000;
    let after = cursor;
    for (;;) {
      const rows = await this.#rows(
        `SELECT a.seq, a.features, sa.story_id FROM articles a JOIN story_articles sa ON sa.article_id = a.id
         WHERE a.seq > $1 ORDER BY a.seq LIMIT $2`,
        [after, PAGE],
      );
      for (const row of rows) {
        after = Number(row['seq']);
        yield { features: JSON.parse(row['features'] as string) as ArticleFeatures, storyId: row['story_id'] as string, cursor: after };
      }
      if (rows.length < PAGE) return;
    }
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    const locked = async (): Promise<T> => {
      // A dedicated connection holds the lock; if this process dies, the server releases it.
      const client = await this.#pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_CLASS, LOCK_WRITER]);
        try {
          return await work();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_CLASS, LOCK_WRITER]);
        }
      } finally {
        client.release();
      }
    };
    // Writers of this process queue here, so they hold at most one pooled connection waiting.
    const run = this.#writerTail.then(locked, locked);
    this.#writerTail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async commit(batch: Batch): Promise<void> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      await writeBatch(client, batch, new Date().toISOString());
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async listStories(query: StoryQuery = {}): Promise<StorySummary[]> {
    const params: unknown[] = [];
    const param = (v: unknown): string => {
      params.push(v);
      return `$${params.length}`;
    };
    const where: string[] = [];
    const having: string[] = [];
    if (query.thread !== undefined) where.push(`s.thread_id = ${param(query.thread)}`);
    if (query.ids !== undefined) where.push(`s.id = ANY(${param(query.ids)}::text[])`);
    if (query.outlet !== undefined) {
      where.push(`s.id IN (SELECT sa2.story_id FROM story_articles sa2 JOIN articles a2 ON a2.id = sa2.article_id WHERE a2.outlet = ${param(query.outlet)})`);
    }
    // ISO date strings: a story overlaps [from, to] when it ends after `from` and starts before
    // the end of the day `to` (U+FFFF sorts after any time suffix, as in the SQLite store).
    if (query.from !== undefined) having.push(`MAX(a.published) >= ${param(query.from)}`);
    if (query.to !== undefined) having.push(`MIN(a.published) <= ${param(`${query.to}\uffff`)}`);
    const rows = await this.#rows(
      `SELECT s.id, s.title, s.thread_id, COUNT(a.id) AS n, MIN(a.published) AS first, MAX(a.published) AS last
       FROM stories s JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       GROUP BY s.id ${having.length ? `HAVING ${having.join(' AND ')}` : ''}
       ORDER BY MAX(a.published) DESC NULLS LAST, s.id LIMIT ${param(query.limit ?? null)} OFFSET ${param(query.offset ?? 0)}`,
      params,
    );
    return this.#summaries(rows);
  }

  async #summaries(rows: readonly Row[]): Promise<StorySummary[]> {
    if (rows.length === 0) return [];
    const refs = await this.#rows(
      `SELECT sa.story_id, a.id, a.source, a.outlet, a.title, a.published FROM story_articles sa JOIN articles a ON a.id = sa.article_id
       WHERE sa.story_id = ANY($1::text[]) ORDER BY sa.story_id, a.published NULLS LAST, a.source`,
      [rows.map((r) => r['id'])],
    );
    const byStory = new Map<string, StoryArticleRef[]>();
    for (const a of refs) {
      const list = byStory.get(a['story_id'] as string) ?? [];
      byStory.set(a['story_id'] as string, list);
      list.push({
        id: a['id'] as string,
        source: a['source'] as string,
        outlet: (a['outlet'] as string | null) ?? null,
        title: (a['title'] as string | null) ?? null,
        published: (a['published'] as string | null) ?? null,
      });
    }
    return rows.map((row) => ({
      id: row['id'] as string,
      title: row['title'] as string,
      articleCount: Number(row['n']),
      firstPublished: (row['first'] as string | null) ?? null,
      lastPublished: (row['last'] as string | null) ?? null,
      thread: (row['thread_id'] as string | null) ?? null,
      articles: byStory.get(row['id'] as string) ?? [],
    }));
  }

  async getStory(id: string): Promise<StoryDetail | null> {
    const [row] = await this.#rows(
      `SELECT s.id, s.title, s.thread_id, s.comparison, COUNT(a.id) AS n, MIN(a.published) AS first, MAX(a.published) AS last
       FROM stories s JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id
       WHERE s.id = $1 GROUP BY s.id`,
      [id],
    );
    if (!row) return null;
    const [summary] = await this.#summaries([row]);
    const decisions = (await this.#rows('SELECT decision FROM story_articles WHERE story_id = $1 ORDER BY placed', [id])).map(
      (d) => JSON.parse(d['decision'] as string) as ClusterDecision,
    );
    const [threadRow] = row['thread_id'] ? await this.#rows('SELECT * FROM threads WHERE id = $1', [row['thread_id']]) : [];
    const threadInfo: Thread | null = threadRow
      ? { id: threadRow['id'] as string, storyIds: JSON.parse(threadRow['story_ids'] as string) as string[], reason: threadRow['reason'] as string }
      : null;
    return {
      ...summary!,
      comparison: row['comparison'] ? (JSON.parse(row['comparison'] as string) as StoryComparison) : null,
      decisions,
      threadInfo,
    };
  }

  async getArticles(ids: readonly string[]): Promise<AnnotatedArticle[]> {
    return (await this.getStoredArticles(ids)).map(articleFromStored);
  }

  async getStoredArticles(ids: readonly string[]): Promise<StoredArticle[]> {
    if (ids.length === 0) return [];
    const rows = await this.#rows(`SELECT ${ARTICLE_SELECT} FROM articles WHERE id = ANY($1::text[])`, [ids]);
    const byId = new Map(rows.map((r) => [r['id'] as string, r]));
    // In the order asked for, like the SQLite store.
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [storedArticleFromRow(row)] : [];
    });
  }

  async duplicateSources(articleIds: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>> {
    const out = new Map<string, string[]>(articleIds.map((id) => [id, []]));
    if (articleIds.length === 0) return out;
    const rows = await this.#rows(
      `SELECT article_id, source FROM raw_documents WHERE article_id = ANY($1::text[]) AND status = 'duplicate' ORDER BY source`,
      [articleIds],
    );
    for (const r of rows) out.get(r['article_id'] as string)?.push(r['source'] as string);
    return out;
  }

  async storiesToCompare(limit: number): Promise<string[]> {
    const rows = await this.#rows('SELECT id FROM stories WHERE comparison IS NULL ORDER BY id LIMIT $1', [limit]);
    return rows.map((r) => r['id'] as string);
  }

  async rejected(): Promise<RawRecord[]> {
    const rows = await this.#rows(`SELECT * FROM raw_documents WHERE status = 'rejected' ORDER BY source`);
    return rows.map(rawFromRow);
  }

  async search(query: string, limit = 20): Promise<SearchHit[]> {
    const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) return [];
    const text = words.join(' ');
    // Every word must match (as in the SQLite store); the ranking prefers title matches.
    let rows = await this.#rows(
      `SELECT a.id, a.title, a.source, sa.story_id,
         ts_headline('dossier_search', a.text, q, 'StartSel=[, StopSel=], MaxWords=24, MinWords=8, ShortWord=1, FragmentDelimiter=…, MaxFragments=1') AS snippet
       FROM articles a CROSS JOIN plainto_tsquery('dossier_search', $1) q LEFT JOIN story_articles sa ON sa.article_id = a.id
       WHERE a.search @@ q ORDER BY ts_rank(a.search, q) DESC, a.seq LIMIT $2`,
      [text, limit],
    );
    if (rows.length === 0) {
      // No exact word match: a misspelt name may still be close to a title (pg_trgm).
      rows = await this.#rows(
        `SELECT a.id, a.title, a.source, sa.story_id, left(a.text, 160) AS snippet
         FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id
         WHERE public.word_similarity(dossier_fold($1), dossier_fold(a.title)) >= $3 AND dossier_fold($1) OPERATOR(public.<%) dossier_fold(a.title)
         ORDER BY public.word_similarity(dossier_fold($1), dossier_fold(a.title)) DESC, a.seq LIMIT $2`,
        [text, limit, FUZZY_TITLE_SIMILARITY],
      );
    }
    return rows.map((r) => ({
      articleId: r['id'] as string,
      storyId: (r['story_id'] as string | null) ?? null,
      title: (r['title'] as string | null) ?? null,
      source: r['source'] as string,
      snippet: r['snippet'] as string,
    }));
  }

  async stats(): Promise<StoreStats> {
    const [row] = await this.#rows(
      `SELECT (SELECT COUNT(*) FROM raw_documents) AS raws,
              (SELECT COUNT(*) FROM articles) AS articles,
              (SELECT COUNT(*) FROM raw_documents WHERE status = 'duplicate') AS duplicates,
              (SELECT COUNT(*) FROM raw_documents WHERE status = 'rejected') AS rejected,
              (SELECT COUNT(*) FROM stories) AS stories,
              (SELECT COUNT(*) FROM threads) AS threads`,
    );
    const n = (k: string): number => Number(row![k]);
    return { raws: n('raws'), articles: n('articles'), duplicates: n('duplicates'), rejected: n('rejected'), stories: n('stories'), threads: n('threads') };
  }

  async storiesOfSources(sources: readonly string[]): Promise<ReadonlyMap<string, string>> {
    if (sources.length === 0) return new Map();
    // The first raw record of a source wins, as in the SQLite store (ingest order).
    const rows = await this.#rows(
      `SELECT DISTINCT ON (r.source) r.source, sa.story_id FROM raw_documents r JOIN story_articles sa ON sa.article_id = r.article_id
       WHERE r.source = ANY($1::text[]) ORDER BY r.source, r.seq`,
      [sources],
    );
    return new Map(rows.map((r) => [r['source'] as string, r['story_id'] as string]));
  }

  async copyRelations(articleIds: readonly string[]): Promise<CopyRelation[]> {
    if (articleIds.length === 0) return [];
    const rows = await this.#rows(
      'SELECT article_id, original_id, similarity FROM article_copies WHERE article_id = ANY($1::text[]) OR original_id = ANY($1::text[]) ORDER BY article_id',
      [articleIds],
    );
    return rows.map((r) => ({ articleId: r['article_id'] as string, originalId: r['original_id'] as string, similarity: Number(r['similarity']) }));
  }

  async addCorrection(correction: ClusterCorrection): Promise<void> {
    await this.#pool.query('INSERT INTO cluster_corrections (correction, created_at) VALUES ($1, $2)', [JSON.stringify(correction), new Date().toISOString()]);
  }

  async corrections(): Promise<ClusterCorrection[]> {
    const rows = await this.#rows('SELECT correction FROM cluster_corrections ORDER BY seq');
    return rows.map((r) => JSON.parse(r['correction'] as string) as ClusterCorrection);
  }

  async close(): Promise<void> {
    if (!this.#pool.ended) await this.#pool.end();
  }
}

/**
 * Writes a batch inside an open transaction: one statement per table, rows passed as arrays
 * (`unnest`), so a batch costs a handful of round trips whatever its size.
 */
async function writeBatch(client: pg.PoolClient, batch: Batch, now: string): Promise<void> {
  if (batch.raws.length > 0) {
    const r = batch.raws;
    await client.query(
      `INSERT INTO raw_documents (id, source, body_format, encoding, bytes, status, article_id, diagnostics, ingested_at)
       SELECT *, $9::text FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bytea[], $6::text[], $7::text[], $8::text[])
       ON CONFLICT (id) DO NOTHING`,
      [
        r.map((x) => x.id),
        r.map((x) => x.source),
        r.map((x) => x.bodyFormat),
        r.map((x) => x.encoding),
        r.map((x) => (x.bytes ? Buffer.from(x.bytes.buffer, x.bytes.byteOffset, x.bytes.byteLength) : null)),
        r.map((x) => x.status),
        r.map((x) => x.articleId),
        r.map((x) => JSON.stringify(x.diagnostics)),
        now,
      ],
    );
  }
  if (batch.articles.length > 0) {
    const a = batch.articles.map((x) => x.article);
    await client.query(
      `INSERT INTO articles (id, content_hash, raw_id, source, title, byline, published, published_rule, outlet, language, url,
         text, credits, strategy, annotations, features)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
         $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
       ON CONFLICT DO NOTHING`,
      [
        a.map((x) => x.id),
        a.map((x) => x.contentHash),
        a.map((x) => x.rawId),
        a.map((x) => x.source),
        a.map((x) => x.title),
        a.map((x) => x.byline),
        a.map((x) => x.published),
        a.map((x) => x.publishedRule),
        a.map((x) => x.outlet),
        a.map((x) => x.language),
        a.map((x) => x.url),
        a.map((x) => x.text),
        a.map((x) => JSON.stringify(x.credits)),
        a.map((x) => x.strategy),
        a.map((x) => x.annotations),
        batch.articles.map((x) => JSON.stringify(x.features)),
      ],
    );
  }
  // Stories an article leaves may end up empty; only those need checking afterwards.
  let left: string[] = [];
  if (batch.decisions.length > 0) {
    const d = batch.decisions;
    const moved = await client.query(
      `SELECT DISTINCT story_id FROM story_articles WHERE article_id = ANY($1::text[])`,
      [d.map((x) => x.articleId)],
    );
    left = (moved.rows as Row[]).map((r) => r['story_id'] as string);
    await client.query(`INSERT INTO stories (id, title) SELECT DISTINCT unnest($1::text[]), '' ON CONFLICT (id) DO NOTHING`, [d.map((x) => x.storyId)]);
    // One row per article: the last decision of the batch wins, as with sequential upserts.
    const last = new Map(d.map((x) => [x.articleId, x]));
    const rows = [...last.values()];
    await client.query(
      `INSERT INTO story_articles (article_id, story_id, decision)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, decision = excluded.decision`,
      [rows.map((x) => x.articleId), rows.map((x) => x.storyId), rows.map((x) => JSON.stringify(x))],
    );
  }
  if (batch.stories.length > 0) {
    const last = [...new Map(batch.stories.map((s) => [s.id, s])).values()];
    await client.query(
      `INSERT INTO stories (id, title, comparison) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, comparison = excluded.comparison`,
      [last.map((s) => s.id), last.map((s) => s.title), last.map((s) => comparisonColumn(s.comparison))],
    );
  }
  if (batch.threads) {
    const held = (await client.query<ThreadRow>('SELECT id, story_ids AS "storyIds", reason FROM threads')).rows;
    const heldThreadOf = new Map((await client.query<{ id: string; thread_id: string }>('SELECT id, thread_id FROM stories WHERE thread_id IS NOT NULL')).rows.map((r) => [r.id, r.thread_id]));
    const { drop, write, assign } = threadChanges(held, heldThreadOf, batch.threads);
    if (drop.length > 0) await client.query('DELETE FROM threads WHERE id = ANY($1::text[])', [drop]);
    if (write.length > 0) {
      await client.query(
        `INSERT INTO threads (id, story_ids, reason) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
         ON CONFLICT (id) DO UPDATE SET story_ids = excluded.story_ids, reason = excluded.reason`,
        [write.map((x) => x.id), write.map((x) => x.storyIds), write.map((x) => x.reason)],
      );
    }
    if (assign.length > 0) {
      await client.query(
        `UPDATE stories s SET thread_id = p.thread_id FROM unnest($1::text[], $2::text[]) AS p(story_id, thread_id) WHERE s.id = p.story_id`,
        [assign.map((p) => p[0]), assign.map((p) => p[1])],
      );
    }
  }
  if (batch.copies?.length) {
    const c = [...new Map(batch.copies.map((x) => [x.articleId, x])).values()];
    await client.query(
      `INSERT INTO article_copies (article_id, original_id, similarity) SELECT * FROM unnest($1::text[], $2::text[], $3::float8[])
       ON CONFLICT (article_id) DO UPDATE SET original_id = excluded.original_id, similarity = excluded.similarity`,
      [c.map((x) => x.articleId), c.map((x) => x.originalId), c.map((x) => x.similarity)],
    );
  }
  const candidates = [...left, ...batch.stories.map((s) => s.id), ...batch.decisions.map((x) => x.storyId)];
  if (candidates.length > 0) {
    // Stories emptied by a correction are removed rather than listed with no articles.
    await client.query(
      `DELETE FROM stories s WHERE s.id = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.story_id = s.id)`,
      [candidates],
    );
  }
}

