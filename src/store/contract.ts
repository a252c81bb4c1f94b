/**
 * The storage contract: one vitest suite that every {@link Store} implementation must pass, so
 * SQLite and PostgreSQL behave alike for everything the pipeline, CLI and server rely on.
 * Call {@link storeContract} from an implementation's test file with a factory that opens a
 * fresh, empty store each time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annotateArticle } from '../annotate/index.js';
import { articleFeatures } from '../cluster/features.js';
import { contentHash } from '../dedupe/fingerprint.js';
import type { ClusterDecision, StoryComparison } from '../model.js';
import { sha256Hex } from '../util/hash.js';
import { articleFromStored, comparisonText, storedArticle, type ArticleRecord, type Batch, type ClusterCorrection, type CopyRelation, type RawRecord, type Store, type StoryQuery, type StoredArticle, type StoryRecord } from './store.js';

/** Opens a fresh, empty store; the suite closes it after each test. */
export type StoreFactory = () => Promise<Store>;

/** An annotated article built by the real annotate stage from an invented text. */
export function contractArticle(source: string, title: string, text: string, published: string | null = '2024-03-04'): ArticleRecord {
  const hash = contentHash(text);
  const article = annotateArticle(
    { rawId: sha256Hex(source), source, title, byline: null, published, publishedRule: published ? 'supplied' : null, outlet: 'Example Post', language: 'en', url: null, text, credits: [], strategy: 'plaintext' },
    hash,
  );
  return { article: storedArticle(article), features: articleFeatures(article) };
}

function rawFor(a: StoredArticle, status: RawRecord['status'] = 'article', source = a.source): RawRecord {
  return {
    id: status === 'article' ? a.rawId : sha256Hex(source),
    source,
    bodyFormat: 'text',
    encoding: 'utf-8',
    bytes: new TextEncoder().encode(a.text),
    status,
    articleId: a.id,
    diagnostics: status === 'duplicate' ? [{ severity: 'info', origin: 'dedupe:exact', message: `same text as article ${a.id}`, source }] : [],
  };
}

function decision(a: StoredArticle, storyId: string, action: ClusterDecision['action'] = 'created'): ClusterDecision {
  return { articleId: a.id, storyId, action, score: null, candidates: [], threshold: 0.3, reason: `test placement of ${a.id}` };
}

function comparison(storyId: string, articles: readonly StoredArticle[]): StoryComparison {
  return {
    storyId,
    sources: articles.map((a) => ({ articleId: a.id, source: a.source, outlet: a.outlet, published: a.published, title: a.title, byline: null, agencies: [], attributions: [], duplicateSources: [] })),
    agencies: [],
    outlets: ['Example Post'],
  };
}

const EMPTY: Batch = { raws: [], articles: [], decisions: [], stories: [] };

/** Texts of invented events: two about one harbour bridge, one about a glacier survey. */
const BRIDGE_1 = contractArticle(
  'in/bridge-1.txt',
  'Harbour bridge in Velmora reopens',
  'The Velmora harbour bridge reopened on Monday after eight months of repairs, the city council said.\n\nMayor Ilse Kövári said the crossing would carry trams again from April.',
  '2024-03-04',
);
const BRIDGE_2 = contractArticle(
  'in/bridge-2.txt',
  'Trams return to Velmora bridge',
  'Trams will cross the repaired Velmora harbour bridge from April, Mayor Ilse Kovari told reporters.\n\nThe repairs cost 40 million crowns.',
  '2024-03-05',
);
const GLACIER = contractArticle(
  'in/glacier.txt',
  'Survey finds Taldrin glacier shrinking',
  'Scientists from the Orvik institute measured the Taldrin glacier and found it lost a fifth of its mass since 2010.\n\nThe survey team camped on the ice for three weeks.',
  '2023-11-20',
);

function firstBatch(): Batch {
  const s1 = 'st_bridge';
  const s2 = 'st_glacier';
  return {
    raws: [rawFor(BRIDGE_1.article), rawFor(BRIDGE_2.article), rawFor(GLACIER.article), rawFor(BRIDGE_1.article, 'duplicate', 'mirror/bridge-1.txt')],
    articles: [BRIDGE_1, BRIDGE_2, GLACIER],
    decisions: [decision(BRIDGE_1.article, s1), decision(BRIDGE_2.article, s1, 'joined'), decision(GLACIER.article, s2)],
    stories: [
      { id: s1, title: 'Harbour bridge in Velmora reopens', comparison: comparison(s1, [BRIDGE_1.article, BRIDGE_2.article]) },
      { id: s2, title: 'Survey finds Taldrin glacier shrinking', comparison: comparison(s2, [GLACIER.article]) },
    ] satisfies StoryRecord[],
  };
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** Defines the contract tests for one store implementation. */
export function storeContract(name: string, open: StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('starts empty', async () => {
      expect(await store.stats()).toEqual({ raws: 0, articles: 0, duplicates: 0, rejected: 0, stories: 0, threads: 0 });
      expect(await store.listStories()).toEqual([]);
      expect(await store.placementCursor()).toBe(0);
      expect(await collect(store.placements())).toEqual([]);
    });

    it('stores a batch and reads it back', async () => {
      await store.commit(firstBatch());
      expect(await store.stats()).toEqual({ raws: 4, articles: 3, duplicates: 1, rejected: 0, stories: 2, threads: 0 });
      const known = await store.knownRawIds([BRIDGE_1.article.rawId, 'unknown']);
      expect([...known]).toEqual([BRIDGE_1.article.rawId]);
      const byHash = await store.articleIdsByHash([GLACIER.article.contentHash, 'f'.repeat(64)]);
      expect([...byHash]).toEqual([[GLACIER.article.contentHash, GLACIER.article.id]]);
      const [a] = await store.getArticles([BRIDGE_2.article.id]);
      expect(a).toEqual(articleFromStored(BRIDGE_2.article));
      expect(await store.getArticles(['nope'])).toEqual([]);
      // Stored articles are the same articles, their layers left as text, in the order asked for.
      const stored = await store.getStoredArticles([GLACIER.article.id, 'nope', BRIDGE_2.article.id]);
      expect(stored.map((s) => s.id)).toEqual([GLACIER.article.id, BRIDGE_2.article.id]);
      expect(typeof stored[1]!.annotations).toBe('string');
      expect(stored[1]).toEqual(BRIDGE_2.article);
      expect(await store.getStoredArticles([])).toEqual([]);
      const dupes = await store.duplicateSources([BRIDGE_1.article.id, GLACIER.article.id]);
      expect(dupes.get(BRIDGE_1.article.id)).toEqual(['mirror/bridge-1.txt']);
      expect(dupes.get(GLACIER.article.id)).toEqual([]);
    });

    it('lists stories newest first with their articles, and pages', async () => {
      await store.commit(firstBatch());
      const stories = await store.listStories();
      expect(stories.map((s) => [s.id, s.articleCount, s.firstPublished, s.lastPublished])).toEqual([
        ['st_bridge', 2, '2024-03-04', '2024-03-05'],
        ['st_glacier', 1, '2023-11-20', '2023-11-20'],
      ]);
      expect(stories[0]!.articles.map((a) => a.source)).toEqual(['in/bridge-1.txt', 'in/bridge-2.txt']);
      expect((await store.listStories({ limit: 1, offset: 1 })).map((s) => s.id)).toEqual(['st_glacier']);
      expect((await store.listStories({ limit: 1 })).map((s) => s.id)).toEqual(['st_bridge']);
    });

    it('returns a story with its comparison and decisions in placement order', async () => {
      const batch = firstBatch();
      await store.commit(batch);
      const story = await store.getStory('st_bridge');
      expect(story?.title).toBe('Harbour bridge in Velmora reopens');
      expect(story?.comparison).toEqual(batch.stories[0]!.comparison);
      // A comparison given as its stored text is written as it is.
      const comparison = batch.stories[0]!.comparison as StoryComparison;
      await store.commit({ ...EMPTY, stories: [{ id: 'st_bridge', title: 'Bridge', comparison: comparisonText({ ...comparison, outlets: ['Other'] }) }] });
      expect((await store.getStory('st_bridge'))?.comparison).toEqual({ ...comparison, outlets: ['Other'] });
      expect(story?.decisions).toEqual(batch.decisions.slice(0, 2));
      expect(story?.threadInfo).toBeNull();
      expect(await store.getStory('st_missing')).toBeNull();
    });

    it('replays placements in commit order and catches up from a cursor', async () => {
      const batch = firstBatch();
      await store.commit({ ...batch, articles: batch.articles.slice(0, 2), decisions: batch.decisions.slice(0, 2), stories: batch.stories.slice(0, 1) });
      const cursor = await store.placementCursor();
      expect(cursor).toBeGreaterThan(0);
      await store.commit({ ...EMPTY, articles: [GLACIER], decisions: [batch.decisions[2]!], stories: [batch.stories[1]!] });
      const all = await collect(store.placements());
      expect(all.map((p) => [p.features.articleId, p.storyId])).toEqual([
        [BRIDGE_1.article.id, 'st_bridge'],
        [BRIDGE_2.article.id, 'st_bridge'],
        [GLACIER.article.id, 'st_glacier'],
      ]);
      expect(all[0]!.features).toEqual(BRIDGE_1.features);
      const after = await collect(store.placementsAfter(cursor));
      expect(after.map((p) => p.features.articleId)).toEqual([GLACIER.article.id]);
      expect(after[0]!.cursor).toBe(await store.placementCursor());
      expect(await collect(store.placementsAfter(await store.placementCursor()))).toEqual([]);
    });

    it('is idempotent: committing the same batch twice changes nothing', async () => {
      await store.commit(firstBatch());
      const before = { stats: await store.stats(), stories: await store.listStories(), cursor: await store.placementCursor() };
      await store.commit(firstBatch());
      expect({ stats: await store.stats(), stories: await store.listStories(), cursor: await store.placementCursor() }).toEqual(before);
      expect((await collect(store.placements())).length).toBe(3);
    });

    it('applies a batch atomically: a failing batch leaves nothing behind', async () => {
      await store.commit(firstBatch());
      const fresh = contractArticle('in/other.txt', 'Ferry strike ends', 'The ferry crews of Lund Bay ended their strike on Friday after a pay deal with the operator.');
      const bad: Batch = {
        raws: [rawFor(fresh.article)],
        articles: [fresh],
        // Places an article that is in neither the store nor the batch: violates the schema.
        decisions: [decision(fresh.article, 'st_ferry'), { ...decision(fresh.article, 'st_ghost'), articleId: 'no-such-article' }],
        stories: [{ id: 'st_ferry', title: 'Ferry strike ends', comparison: comparison('st_ferry', [fresh.article]) }],
      };
      await expect(store.commit(bad)).rejects.toThrow();
      expect(await store.stats()).toEqual({ raws: 4, articles: 3, duplicates: 1, rejected: 0, stories: 2, threads: 0 });
      expect(await store.knownRawIds([fresh.article.rawId])).toEqual(new Set());
    });

    it('moves an article by a correction and drops the emptied story', async () => {
      await store.commit(firstBatch());
      await store.commit({ ...EMPTY, decisions: [decision(GLACIER.article, 'st_bridge', 'manual')] });
      expect((await store.listStories()).map((s) => [s.id, s.articleCount])).toEqual([['st_bridge', 3]]);
      expect(await store.getStory('st_glacier')).toBeNull();
      expect((await store.getStory('st_bridge'))?.decisions.at(-1)?.action).toBe('manual');
    });

    it('replaces threads as a whole', async () => {
      await store.commit(firstBatch());
      await store.commit({ ...EMPTY, threads: [{ id: 'th_1', storyIds: ['st_bridge', 'st_glacier'], reason: 'shared names: velmora' }] });
      expect((await store.getStory('st_glacier'))?.threadInfo).toEqual({ id: 'th_1', storyIds: ['st_bridge', 'st_glacier'], reason: 'shared names: velmora' });
      expect((await store.listStories()).map((s) => s.thread)).toEqual(['th_1', 'th_1']);
      await store.commit({ ...EMPTY, threads: [] });
      expect((await store.listStories()).map((s) => s.thread)).toEqual([null, null]);
      expect((await store.stats()).threads).toBe(0);
    });

    it('replaces threads that changed, moved or vanished, and keeps the ones that did not', async () => {
      await store.commit(firstBatch());
      const kept = { id: 'th_keep', storyIds: ['st_glacier'], reason: 'unchanged' };
      await store.commit({ ...EMPTY, threads: [{ id: 'th_1', storyIds: ['st_bridge'], reason: 'first' }, kept, { id: 'th_gone', storyIds: ['st_nowhere'], reason: 'vanishes' }] });
      // th_1 gains a story and a reason, st_bridge moves to a new thread, th_gone vanishes.
      const next = [{ id: 'th_1', storyIds: ['st_nowhere', 'st_other'], reason: 'second' }, kept, { id: 'th_2', storyIds: ['st_bridge'], reason: 'new' }];
      await store.commit({ ...EMPTY, threads: next });
      expect((await store.getStory('st_bridge'))?.threadInfo).toEqual(next[2]);
      expect((await store.getStory('st_glacier'))?.threadInfo).toEqual(kept);
      expect((await store.stats()).threads).toBe(3);
      await store.commit({ ...EMPTY, threads: [kept] });
      expect((await store.listStories()).map((s) => [s.id, s.thread])).toEqual([
        ['st_bridge', null],
        ['st_glacier', 'th_keep'],
      ]);
      expect((await store.stats()).threads).toBe(1);
    });

    it('keeps rejected inputs with their bytes and diagnostics', async () => {
      const bytes = new Uint8Array([0xff, 0x00, 0x41]);
      const rejected: RawRecord = {
        id: sha256Hex('bad.html'),
        source: 'in/bad.html',
        bodyFormat: 'html',
        encoding: null,
        bytes,
        status: 'rejected',
        articleId: null,
        diagnostics: [{ severity: 'error', origin: 'extract:too-short', message: 'in/bad.html: expected at least 200 characters of text, found 3', source: 'in/bad.html' }],
      };
      const unreadable: RawRecord = { ...rejected, id: sha256Hex('gone.txt'), source: 'in/gone.txt', bodyFormat: null, bytes: null };
      await store.commit({ ...EMPTY, raws: [unreadable, rejected] });
      expect(await store.rejected()).toEqual([rejected, unreadable]);
      expect((await store.stats()).rejected).toBe(2);
    });

    it.each([
      ['all words, in any order', 'crowns Velmora', [BRIDGE_2.article.id], true],
      ['a name without its accent', 'Kovari', [BRIDGE_1.article.id, BRIDGE_2.article.id], true],
      ['a name with its accent', 'Kövári', [BRIDGE_1.article.id, BRIDGE_2.article.id], true],
      ['a word of the title only', 'shrinking', [GLACIER.article.id], false],
      ['punctuation only', '"&|!', [], false],
      ['no match', 'volcano', [], false],
    ])('searches %s', async (_label, query, expected, inText) => {
      await store.commit(firstBatch());
      const hits = await store.search(query);
      expect(hits.map((h) => h.articleId).sort()).toEqual([...expected].sort());
      for (const h of hits) {
        expect(h.storyId).toMatch(/^st_/);
        expect(h.source).toMatch(/^in\//);
        if (inText) expect(h.snippet).toMatch(/\[[^\]]+\]/);
      }
    });

    it('limits search hits', async () => {
      await store.commit(firstBatch());
      expect(await store.search('Velmora', 1)).toHaveLength(1);
    });

    it('filters stories by date range, outlet, thread and ids', async () => {
      await store.commit({ ...firstBatch(), threads: [{ id: 'th_1', storyIds: ['st_glacier'], reason: 'test' }] });
      const ids = async (q: StoryQuery): Promise<string[]> => (await store.listStories(q)).map((s) => s.id);
      expect(await ids({ from: '2024-01-01' })).toEqual(['st_bridge']);
      expect(await ids({ to: '2024-03-04' })).toEqual(['st_bridge', 'st_glacier']);
      expect(await ids({ to: '2024-03-03' })).toEqual(['st_glacier']);
      expect(await ids({ from: '2023-11-20', to: '2023-11-20' })).toEqual(['st_glacier']);
      expect(await ids({ outlet: 'Example Post' })).toEqual(['st_bridge', 'st_glacier']);
      expect(await ids({ outlet: 'Other Times' })).toEqual([]);
      expect(await ids({ thread: 'th_1' })).toEqual(['st_glacier']);
      expect(await ids({ ids: ['st_glacier', 'st_none'] })).toEqual(['st_glacier']);
      expect(await ids({ ids: [] })).toEqual([]);
    });

    it('maps input sources to their stories, through duplicates too', async () => {
      await store.commit(firstBatch());
      const map = await store.storiesOfSources(['in/bridge-2.txt', 'mirror/bridge-1.txt', 'in/glacier.txt', 'in/unknown.txt']);
      expect([...map].sort()).toEqual([
        ['in/bridge-2.txt', 'st_bridge'],
        ['in/glacier.txt', 'st_glacier'],
        ['mirror/bridge-1.txt', 'st_bridge'],
      ]);
    });

    it('stores copy relations and finds them from either side', async () => {
      const copies: CopyRelation[] = [{ articleId: BRIDGE_2.article.id, originalId: BRIDGE_1.article.id, similarity: 0.75 }];
      await store.commit({ ...firstBatch(), copies });
      expect(await store.copyRelations([BRIDGE_1.article.id])).toEqual(copies);
      expect(await store.copyRelations([BRIDGE_2.article.id, GLACIER.article.id])).toEqual(copies);
      expect(await store.copyRelations([GLACIER.article.id])).toEqual([]);
      await store.commit({ ...EMPTY, copies: [{ ...copies[0]!, similarity: 0.5 }] });
      expect((await store.copyRelations([BRIDGE_1.article.id]))[0]?.similarity).toBe(0.5);
    });

    it('keeps clustering corrections in order', async () => {
      const merge: ClusterCorrection = { kind: 'merge', storyIds: ['st_a', 'st_b'], articleIds: ['a1', 'b1'] };
      const split: ClusterCorrection = { kind: 'split', storyId: 'st_a', moved: ['a2'], rest: ['a1'] };
      expect(await store.corrections()).toEqual([]);
      await store.addCorrection(merge);
      await store.addCorrection(split);
      expect(await store.corrections()).toEqual([merge, split]);
    });

    it('lists stories whose comparison is stale, until they are compared', async () => {
      await store.commit(firstBatch());
      expect(await store.storiesToCompare(10)).toEqual([]);
      const stale: StoryRecord[] = [
        { id: 'st_glacier', title: 'Glacier (provisional)', comparison: null },
        { id: 'st_bridge', title: 'Bridge (provisional)', comparison: null },
      ];
      await store.commit({ ...EMPTY, stories: stale });
      expect(await store.storiesToCompare(10)).toEqual(['st_bridge', 'st_glacier']);
      expect(await store.storiesToCompare(1)).toEqual(['st_bridge']);
      expect((await store.getStory('st_bridge'))?.comparison).toBeNull();
      await store.commit({ ...EMPTY, stories: [{ id: 'st_bridge', title: 'Bridge', comparison: comparison('st_bridge', [BRIDGE_1.article, BRIDGE_2.article]) }] });
      expect(await store.storiesToCompare(10)).toEqual(['st_glacier']);
    });

    it('runs exclusive work one writer at a time', async () => {
      const log: string[] = [];
      const job = (label: string) => async (): Promise<string> => {
        log.push(`${label}:start`);
        await new Promise((r) => setTimeout(r, 20));
        log.push(`${label}:end`);
        return label;
      };
      const failing = store.exclusive(async () => {
        throw new Error('boom');
      });
      const results = await Promise.all([store.exclusive(job('a')), store.exclusive(job('b')), failing.catch((e: Error) => e.message)]);
      expect(results).toEqual(['a', 'b', 'boom']);
      expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end']);
    });
  });
}
