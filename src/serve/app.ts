/**
 * The HTTP app of `dossier serve`: a JSON API over the store and the built web UI, on Hono.
 * The app is a value built from its options (store, configuration, host, token); nothing is
 * global, so tests build one per case and call it in-process through `app.request()`.
 */
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { stream } from 'hono/streaming';
import { nameKey } from '../annotate/text.js';
import type { DossierConfig } from '../config.js';
import type { IngestItem } from '../ingest/files.js';
import type { AnnotatedArticle } from '../model.js';
import { analyze, type AnalyzeSummary } from '../pipeline/analyze.js';
import { mergeStories, splitStory } from '../pipeline/recluster.js';
import type { Store, StoryDetail, StoryQuery } from '../store/store.js';
import { ApiError, errorResponse } from './errors.js';
import { openApiDocument } from './openapi.js';
import { isLoopbackHost, loopbackHostGuard, securityHeaders, writeGuard } from './security.js';
import { loadStaticFiles, type StaticFiles } from './static.js';
import { itemsFromFiles, itemsFromJson, type UploadedFile } from './upload.js';
import {
  entitiesOfArticles,
  matchingEntities,
  snippetParts,
  storyField,
  digestOf,
  storyListItem,
  withEntityIds,
  type SearchResult,
} from './views.js';

/** Options of {@link createApp}. */
export interface AppOptions {
  readonly store: Store;
  readonly config: DossierConfig;
  /** The address the server listens on: decides whether writes need a token. */
  readonly host: string;
  /** Bearer token for writes; null or absent for none. */
  readonly token?: string | null;
  /** Folder of the built web UI (default: `dist/web` of this package). */
  readonly webRoot?: string;
  /** Largest accepted upload, in bytes (default 32 MiB). */
  readonly maxUploadBytes?: number;
}

/** The default folder of the built UI: `dist/web`, found from this module in `src/` or `dist/`. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

const DEFAULT_MAX_UPLOAD = 32 * 1024 * 1024;
/** Writes other than uploads carry a few ids: a small body is enough. */
const MAX_JSON_BODY = 64 * 1024;
const MAX_PAGE = 100;
const MAX_QUERY_CHARS = 200;
/** Full-text hits considered when a text or entity filter narrows the story list. */
const FILTER_HITS = 500;
/** Candidate articles read to build an entity page. */
const ENTITY_CANDIDATES = 200;

/** Builds the app. */
export function createApp(options: AppOptions): Hono {
  const { store, config } = options;
  const token = options.token ?? null;
  const loopback = isLoopbackHost(options.host);
  const maxUpload = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD;
  const files: StaticFiles = loadStaticFiles(options.webRoot ?? DEFAULT_WEB_ROOT);
  // Uploads run one at a time: each run restores the clusterer from the store, so two runs
  // interleaved would each miss the other's articles.
  let writes: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = writes.then(work, work);
    writes = run.catch(() => undefined);
    return run;
  };

  const app = new Hono();
  app.onError((err, c) => {
    const { status, body } = errorResponse(err);
    if (status === 500) console.error(err);
    return c.json(body, status);
  });
  app.use('*', securityHeaders());
  if (loopback) app.use('*', loopbackHostGuard());
  app.use('/api/*', writeGuard({ token, loopback }));
  app.use('/api/*', async (c, next) => {
    await next();
    // API answers are live views of a changing store.
    c.header('Cache-Control', 'no-store');
  });

  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));

  app.get('/api/meta', async (c) =>
    c.json({
      name: 'dossier',
      writable: token !== null || loopback,
      tokenRequired: token !== null,
      maxUploadBytes: maxUpload,
      stats: await store.stats(),
    }),
  );

  app.get('/api/stories', async (c) => {
    const limit = intParam(c, 'limit', 25, 1, MAX_PAGE);
    const offset = intParam(c, 'offset', 0, 0, 10_000_000);
    const query: { -readonly [K in keyof StoryQuery]: StoryQuery[K] } = { limit: limit + 1, offset };
    const from = dateParam(c, 'from');
    const to = dateParam(c, 'to');
    if (from) query.from = from;
    if (to) query.to = to;
    const outlet = textParam(c, 'outlet');
    if (outlet) query.outlet = outlet;
    const thread = textParam(c, 'thread');
    if (thread) query.thread = thread;
    let ids: Set<string> | null = null;
    const q = textParam(c, 'q');
    if (q) ids = new Set((await store.search(q, FILTER_HITS)).map((h) => h.storyId).filter((s): s is string => !!s));
    const entity = textParam(c, 'entity');
    if (entity) {
      const { articles, storyOf } = await entityArticles(store, nameKey(entity));
      const found = new Set(articles.flatMap((a) => storyOf.get(a.id) ?? []));
      ids = ids ? new Set([...ids].filter((id) => found.has(id))) : found;
    }
    if (ids) query.ids = [...ids];
    const page = ids && ids.size === 0 ? [] : await store.listStories(query);
    const rows = page.slice(0, limit);
    const digests = store.storyDigests ? await store.storyDigests(rows.map((s) => s.id)) : null;
    const stories = await Promise.all(rows.map(async (s) => storyListItem(s, digests ? (digests.get(s.id) ?? null) : digestOf(await store.getStory(s.id)))));
    return c.json({ stories, offset, limit, hasMore: page.length > limit });
  });

  app.get('/api/stories/:id', async (c) => {
    const id = c.req.param('id');
    const story = await store.getStory(id);
    if (!story) throw new ApiError('api:not-found', `story ${id.slice(0, 80)}: expected a stored story id, found none (see GET /api/stories)`);
    return c.json(await storyView(store, story));
  });

  app.get('/api/articles/:id', async (c) => {
    const id = c.req.param('id');
    const [article] = await store.getArticles([id]);
    if (!article) throw new ApiError('api:not-found', `article ${id.slice(0, 80)}: expected a stored article id, found none`);
    const storyId = (await storiesOf(store, [article])).get(article.id) ?? null;
    return c.json({ ...article, storyId });
  });

  app.get('/api/entities/:id', async (c) => {
    const id = nameKey(c.req.param('id'));
    if (!id) throw new ApiError('api:bad-request', 'entity id: expected a name, found only punctuation');
    return c.json(await entityView(store, id));
  });

  app.get('/api/search', async (c) => {
    const q = textParam(c, 'q');
    if (!q) throw new ApiError('api:bad-request', 'q: expected words to search for, found none');
    const limit = intParam(c, 'limit', 20, 1, MAX_PAGE);
    const hits = await store.search(q, limit);
    const articles = new Map((await store.getArticles(hits.map((h) => h.articleId))).map((a) => [a.id, a]));
    const results: SearchResult[] = hits.map((h) => ({
      ...h,
      outlet: articles.get(h.articleId)?.outlet ?? null,
      published: articles.get(h.articleId)?.published ?? null,
      parts: snippetParts(h.snippet),
    }));
    return c.json({ query: q, results, entities: matchingEntities(q, [...articles.values()]) });
  });

  app.post(
    '/api/articles',
    bodyLimit({ maxSize: maxUpload, onError: () => tooLarge(maxUpload) }),
    async (c) => {
      const items = await uploadItems(c);
      if (items.length === 0) throw new ApiError('api:bad-request', 'upload: expected at least one file or record, found none');
      const wantsStream = (c.req.header('accept') ?? '').includes('application/x-ndjson');
      const run = (onProgress?: (done: number) => void): Promise<AnalyzeSummary> =>
        exclusive(() => analyze(store, items, { config, onProgress: (p) => onProgress?.(p.done) }));
      if (!wantsStream) return c.json(await run(), 200);
      c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
      return stream(c, async (s) => {
        const total = items.length;
        await s.write(`${JSON.stringify({ event: 'progress', done: 0, total })}\n`);
        try {
          const summary = await run((done) => {
            void s.write(`${JSON.stringify({ event: 'progress', done, total })}\n`);
          });
          await s.write(`${JSON.stringify({ event: 'done', summary })}\n`);
        } catch (err) {
          await s.write(`${JSON.stringify({ event: 'error', ...errorResponse(err).body })}\n`);
        }
      });
    },
  );

  const smallBody = bodyLimit({ maxSize: MAX_JSON_BODY, onError: () => tooLarge(MAX_JSON_BODY) });
  app.post('/api/stories/:id/merge', smallBody, async (c) => {
    const into = c.req.param('id');
    const others = idList(await jsonBody(c), 'stories');
    const result = await exclusive(() => mergeStories(store, config, into, others));
    return c.json({ storyId: into, ...result });
  });
  app.post('/api/stories/:id/split', smallBody, async (c) => {
    const storyId = c.req.param('id');
    const articles = idList(await jsonBody(c), 'articles');
    const result = await exclusive(() => splitStory(store, config, storyId, articles));
    return c.json({ storyId, ...result });
  });

  app.all('/api/*', (c) => {
    throw new ApiError('api:not-found', `${c.req.method} ${c.req.path.slice(0, 100)}: expected an API route (see /api/openapi.json), found none`);
  });

  // The UI: built files by exact path; any other page path gets index.html (client routing).
  app.get('*', (c) => {
    const file = files.get(c.req.path) ?? (/\.[a-z0-9]+$/i.test(c.req.path) ? undefined : files.get('/index.html'));
    if (!file) {
      if (files.size === 0) return c.text('The web UI is not built: run `npm run build`. The API is at /api/.', 503);
      return c.text('Not found', 404);
    }
    c.header('Content-Type', file.type);
    c.header('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return c.body(file.body as Uint8Array<ArrayBuffer>);
  });

  return app;
}

/** The JSON body of a small write request. */
async function jsonBody(c: Context): Promise<unknown> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new ApiError('api:unsupported-media', `Content-Type: expected application/json, found ${c.req.header('content-type') ?? 'none'}`);
  }
  try {
    return await c.req.json();
  } catch (err) {
    throw new ApiError('api:bad-request', `JSON body: expected valid JSON, found a syntax error (${(err as Error).message.slice(0, 200)})`);
  }
}

/** A non-empty list of ids under `key` of a JSON object. */
function idList(body: unknown, key: string): string[] {
  const value = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(value) || value.length === 0 || value.length > 1000 || !value.every((v) => typeof v === 'string' && v.length > 0 && v.length < 200)) {
    throw new ApiError('api:bad-request', `JSON body: expected {"${key}": [ids…]} with 1 to 1000 ids, found ${JSON.stringify(body)?.slice(0, 80) ?? 'nothing'}`);
  }
  return value as string[];
}

function tooLarge(max: number): never {
  throw new ApiError('api:too-large', `request body: expected at most ${max} bytes, found more`);
}

/** The story detail plus what the UI needs beside it: entity ids, fallback entities, thread stories. */
async function storyView(store: Store, story: StoryDetail): Promise<Record<string, unknown>> {
  const stored = withEntityIds(storyField(story, 'entities'));
  const entities = stored ?? entitiesOfArticles(await store.getArticles(story.articles.map((a) => a.id)));
  const threadStories = story.thread
    ? (await store.listStories({ thread: story.thread, limit: 50 })).map((s) => ({ id: s.id, title: s.title, firstPublished: s.firstPublished, lastPublished: s.lastPublished, articleCount: s.articleCount }))
    : [];
  return { ...story, entities, threadStories };
}

/** Articles that mention an entity (by name key), found through full-text search then checked. */
async function entityArticles(store: Store, id: string): Promise<{ articles: AnnotatedArticle[]; storyOf: Map<string, string> }> {
  const hits = await store.search(id, ENTITY_CANDIDATES);
  const articles = await store.getArticles(hits.map((h) => h.articleId));
  const storyOf = new Map(hits.flatMap((h) => (h.storyId ? [[h.articleId, h.storyId] as const] : [])));
  return { articles: articles.filter((a) => (a.entities ?? []).some((m) => m.key === id || canonicalKey(m) === id)), storyOf };
}

/** The canonical name key of a mention, when the annotation stage gives one. */
function canonicalKey(mention: object): string | null {
  const canonical = (mention as { canonical?: unknown }).canonical;
  return typeof canonical === 'string' ? nameKey(canonical) : null;
}

/** Story of each article, through the search index's story join. */
async function storiesOf(store: Store, articles: readonly AnnotatedArticle[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const sources = await store.storiesOfSources(articles.map((a) => a.source));
  for (const a of articles) {
    const s = sources.get(a.source);
    if (s) out.set(a.id, s);
  }
  return out;
}

/** The entity page: its spellings, the stories and articles it appears in over time, its quotes. */
async function entityView(store: Store, id: string): Promise<Record<string, unknown>> {
  const { articles, storyOf } = await entityArticles(store, id);
  if (articles.length === 0) throw new ApiError('api:not-found', `entity ${id.slice(0, 80)}: expected a name mentioned in stored articles, found none`);
  const spellings = new Map<string, number>();
  const kinds = new Map<string, number>();
  for (const a of articles) {
    for (const m of a.entities) {
      if (m.key !== id && canonicalKey(m) !== id) continue;
      spellings.set(m.text, (spellings.get(m.text) ?? 0) + 1);
      kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
    }
  }
  const byCount = (m: Map<string, number>): string[] => [...m.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([k]) => k);
  const storyIds = [...new Set(articles.flatMap((a) => storyOf.get(a.id) ?? []))];
  const stories = storyIds.length ? await store.listStories({ ids: storyIds, limit: 50 }) : [];
  const quotes: Record<string, unknown>[] = [];
  for (const s of stories.slice(0, 20)) {
    const detail = await store.getStory(s.id);
    const storyQuotes = detail ? storyField(detail, 'quotes') : null;
    if (!Array.isArray(storyQuotes)) continue;
    for (const q of storyQuotes as Record<string, unknown>[]) {
      const speaker = q['speaker'];
      const speakerName = typeof speaker === 'string' ? speaker : speaker && typeof speaker === 'object' ? (speaker as Record<string, unknown>)['name'] : null;
      if (typeof speakerName === 'string' && nameKey(speakerName) === id) quotes.push({ ...q, storyId: s.id, storyTitle: s.title, date: s.firstPublished });
    }
  }
  const names = byCount(spellings);
  return {
    id,
    name: names[0] ?? id,
    type: byCount(kinds)[0] ?? 'NAME',
    variants: names.map((text) => ({ text, count: spellings.get(text)! })),
    articleCount: articles.length,
    articles: articles
      .map((a) => ({ id: a.id, title: a.title, source: a.source, outlet: a.outlet, published: a.published, storyId: storyOf.get(a.id) ?? null }))
      .sort((x, y) => (y.published ?? '').localeCompare(x.published ?? '')),
    stories: stories.map((s) => storyListItem(s, null)),
    quotes,
  };
}

/** Reads an upload body: multipart files, a JSON record or array of records, or NDJSON. */
async function uploadItems(c: Context): Promise<IngestItem[]> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  const name = c.req.query('name');
  if (type.startsWith('multipart/form-data')) {
    const body = await c.req.parseBody({ all: true });
    const uploads: UploadedFile[] = [];
    for (const value of Object.values(body).flat()) {
      if (value instanceof File) uploads.push({ name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
    }
    if (uploads.length > 1000) throw new ApiError('api:bad-request', `upload: expected at most 1000 files, found ${uploads.length}`);
    return itemsFromFiles(uploads);
  }
  if (type.startsWith('application/json')) {
    let data: unknown;
    try {
      data = await c.req.json();
    } catch (err) {
      throw new ApiError('api:bad-request', `JSON body: expected valid JSON, found a syntax error (${(err as Error).message.slice(0, 200)})`);
    }
    return itemsFromJson(data, name ?? 'records.json');
  }
  if (type.startsWith('application/x-ndjson')) {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return itemsFromFiles([{ name: name && /\.(nd)?jsonl?$/i.test(name) ? name : 'records.ndjson', bytes }]);
  }
  throw new ApiError('api:unsupported-media', `Content-Type: expected multipart/form-data, application/json or application/x-ndjson, found ${type || 'none'}`);
}

function intParam(c: Context, name: string, fallback: number, min: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ApiError('api:bad-request', `${name}: expected an integer from ${min} to ${max}, found "${raw.slice(0, 40)}"`);
  return n;
}

function dateParam(c: Context, name: string): string | null {
  const raw = c.req.query(name);
  if (!raw) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) {
    throw new ApiError('api:bad-request', `${name}: expected a date YYYY-MM-DD, found "${raw.slice(0, 40)}"`);
  }
  return raw;
}

function textParam(c: Context, name: string): string | null {
  const raw = c.req.query(name)?.trim();
  if (!raw) return null;
  if (raw.length > MAX_QUERY_CHARS) throw new ApiError('api:bad-request', `${name}: expected at most ${MAX_QUERY_CHARS} characters, found ${raw.length}`);
  return raw;
}
