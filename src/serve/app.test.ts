import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import { DossierError } from '../errors.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';
import { ApiError, errorResponse } from './errors.js';
import { CONTENT_SECURITY_POLICY } from './security.js';
import { FIXTURE_RECORDS, HOSTILE_RECORD, loadFixture } from './test-support/fixture.js';
import { digestOf, snippetParts } from './views.js';

interface ListBody {
  stories: { id: string; title: string; articleCount: number; outletCount: number; thread: string | null; lastPublished: string | null }[];
  hasMore: boolean;
}

let store: Store;
let webRoot: string;
const config = resolveConfig({ db: ':memory:' });

beforeAll(async () => {
  store = await openStore(':memory:');
  await loadFixture(store);
  webRoot = mkdtempSync(join(tmpdir(), 'dossier-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Dossier</title>');
  writeFileSync(join(webRoot, 'assets', 'app-1.js'), 'export {}');
  writeFileSync(join(webRoot, 'assets', 'app-1.js.map'), '{}');
});

afterAll(async () => {
  await store.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const app = (extra: { host?: string; token?: string } = {}) => createApp({ store, config, host: extra.host ?? '127.0.0.1', token: extra.token ?? null, webRoot });
const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;

describe('reading', () => {
  it('lists stories newest first with counts', async () => {
    const res = await app().request('/api/stories');
    expect(res.status).toBe(200);
    const body = await json<ListBody>(res);
    expect(body.stories.length).toBeGreaterThanOrEqual(3);
    const dates = body.stories.map((s) => s.lastPublished ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
    const fire = body.stories.find((s) => s.articleCount === 2);
    expect(fire).toMatchObject({ outletCount: 2 });
  });

  it.each([
    ['limit=1', 1],
    ['from=2025-06-01', 2],
    ['from=2025-07-01', 1],
    ['to=2025-04-02', 1],
    ['outlet=Valley%20Courier', 1],
    ['q=cherry', 1],
    ['entity=Ilona%20Vashti', 2],
    ['entity=Ilona%20Vashti&from=2025-07-01', 1],
    ['q=nothingmatchesthis', 0],
  ])('filters: %s → %i stories', async (query, count) => {
    const body = await json<ListBody>(await app().request(`/api/stories?${query}`));
    expect(body.stories).toHaveLength(count);
  });

  it('reads list digests in the store as the story detail has them', async () => {
    const stories = await store.listStories();
    const digests = await store.storyDigests!(stories.map((s) => s.id));
    for (const s of stories) expect(digests.get(s.id) ?? null).toEqual(digestOf(await store.getStory(s.id)));
  });

  it('pages with hasMore', async () => {
    const first = await json<ListBody>(await app().request('/api/stories?limit=2'));
    const second = await json<ListBody>(await app().request('/api/stories?limit=2&offset=2'));
    expect(first.hasMore).toBe(true);
    expect(second.stories.map((s) => s.id)).not.toContain(first.stories[0]!.id);
  });

  it.each([['limit=0'], ['limit=abc'], ['from=yesterday'], ['offset=-1']])('rejects bad parameters: %s', async (query) => {
    const res = await app().request(`/api/stories?${query}`);
    expect(res.status).toBe(400);
    expect(await json<{ error: { code: string } }>(res)).toMatchObject({ error: { code: 'api:bad-request' } });
  });

  it('returns a story with what `dossier story --json` gives, plus entities', async () => {
    const list = await json<ListBody>(await app().request('/api/stories?q=Ostrava'));
    const id = list.stories.find((s) => s.articleCount === 2)!.id;
    const res = await app().request(`/api/stories/${id}`);
    expect(res.status).toBe(200);
    const story = await json<Record<string, unknown> & { entities: { id: string; name: string }[] }>(res);
    const direct = JSON.parse(JSON.stringify(await store.getStory(id))) as Record<string, unknown>;
    for (const [key, value] of Object.entries(direct)) {
      if (key !== 'entities') expect(story[key]).toEqual(value);
    }
    expect(story.entities.map((e) => e.name)).toContain('Ilona Vashti');
  });

  it('answers unknown ids and routes with JSON 404s', async () => {
    for (const path of ['/api/stories/st_nope', '/api/entities/nobody%20at%20all', '/api/articles/0000', '/api/nothing']) {
      const res = await app().request(path);
      expect(res.status).toBe(404);
      const body = await json<{ error: { code: string; message: string } }>(res);
      expect(body.error.code).toMatch(/not-found/);
      expect(body.error.message.length).toBeGreaterThan(10);
    }
  });

  it('returns an entity with its stories and spellings', async () => {
    const res = await app().request('/api/entities/ilona%20vashti');
    expect(res.status).toBe(200);
    const e = await json<{ name: string; stories: unknown[]; articleCount: number }>(res);
    expect(e.name).toBe('Ilona Vashti');
    expect(e.stories).toHaveLength(2);
    expect(e.articleCount).toBe(3);
  });

  it('searches with highlighted parts and matching entities', async () => {
    const res = await app().request('/api/search?q=vashti');
    const body = await json<{ results: { parts: { text: string; match: boolean }[] }[]; entities: { name: string }[] }>(res);
    expect(body.results.length).toBe(3);
    expect(body.results[0]!.parts.some((p) => p.match && /vashti/i.test(p.text))).toBe(true);
    expect(body.entities.map((e) => e.name)).toContain('Ilona Vashti');
    expect((await app().request('/api/search')).status).toBe(400);
  });

  it('serves an OpenAPI document naming every route', async () => {
    const doc = await json<{ openapi: string; paths: Record<string, unknown> }>(await app().request('/api/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/stories', '/api/stories/{id}', '/api/entities/{id}', '/api/search', '/api/articles', '/api/stories/{id}/merge', '/api/stories/{id}/split']),
    );
  });
});

describe('security', () => {
  it('sends a strict CSP and nosniff on every response', async () => {
    for (const path of ['/api/stories', '/', '/api/nothing']) {
      const res = await app().request(path);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  it.each([
    ['/assets/app-1.js', 200],
    ['/stories/st_x', 200], // client route → index.html
    ['/assets/app-1.js.map', 404], // only listed types are served
    ['/assets/../../etc/passwd', 200], // normalised to /etc/passwd: a client route, answered with index.html
    ['/%2e%2e/%2e%2e/etc/passwd', 200],
    ['/..%2f..%2fpackage.json', 404],
    ['/assets/..%2f..%2fpackage.json', 404],
    ['/assets/missing.js', 404],
  ])('static %s → %i', async (path, status) => {
    const res = await app().request(path);
    expect(res.status).toBe(status);
    const text = await res.text();
    expect(text).not.toContain('root:');
    expect(text).not.toContain('"dependencies"');
  });

  it('refuses a Host that is not loopback when bound to loopback (DNS rebinding)', async () => {
    const res = await app().request('http://evil.example/api/stories', { headers: { host: 'evil.example' } });
    expect(res.status).toBe(403);
  });

  it('refuses writes beyond loopback without a token, and requires the token when set', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(300) });
    const headers = { 'content-type': 'application/json', host: 'dossier.example' };
    const open = app({ host: '0.0.0.0' });
    expect((await open.request('http://dossier.example/api/articles', { method: 'POST', body, headers })).status).toBe(403);
    expect((await open.request('http://dossier.example/api/stories')).status).toBe(200);
    const guarded = app({ host: '0.0.0.0', token: 'a-long-secret-token-123' });
    expect((await guarded.request('http://dossier.example/api/articles', { method: 'POST', body, headers })).status).toBe(401);
    expect((await guarded.request('http://dossier.example/api/articles', { method: 'POST', body, headers: { ...headers, authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('refuses cross-site writes', async () => {
    const res = await app().request('/api/articles', {
      method: 'POST',
      body: JSON.stringify({ text: 'y'.repeat(300) }),
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
  });

  it('limits request sizes', async () => {
    const small = createApp({ store, config, host: '127.0.0.1', webRoot, maxUploadBytes: 1000 });
    const res = await small.request('/api/articles', { method: 'POST', body: JSON.stringify({ text: 'z'.repeat(5000) }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expect(await json<{ error: { code: string } }>(res)).toMatchObject({ error: { code: 'api:too-large' } });
  });

  it('keeps hostile content as data in the JSON (escaping is the renderer’s job, and it never parses HTML)', async () => {
    const hostile = await openStore(':memory:');
    try {
      await loadFixture(hostile, { hostile: true });
      const a = createApp({ store: hostile, config, host: '127.0.0.1', webRoot });
      const list = await json<ListBody>(await a.request('/api/stories?q=Zembla'));
      expect(list.stories[0]!.title).toContain('<script>');
      expect(HOSTILE_RECORD.text).toContain('onerror=');
    } finally {
      await hostile.close();
    }
  });
});

describe('writing', () => {
  it('uploads a file and streams progress', async () => {
    const target = await openStore(':memory:');
    try {
      const a = createApp({ store: target, config, host: '127.0.0.1', webRoot });
      const form = new FormData();
      const r = FIXTURE_RECORDS[3]!;
      form.append('files', new File([`${r['title']}\n\n${r['text']}`], 'quillon.txt', { type: 'text/plain' }));
      form.append('files', new File(['not an article'], 'notes.pdf'));
      const res = await a.request('/api/articles', { method: 'POST', body: form, headers: { accept: 'application/x-ndjson' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/x-ndjson');
      const events = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { event: string; summary?: { articles: number; rejected: number; storiesTouched: string[] } });
      expect(events[0]!.event).toBe('progress');
      const done = events.at(-1)!;
      expect(done.event).toBe('done');
      expect(done.summary).toMatchObject({ articles: 1, rejected: 1 });
      expect((await target.stats()).articles).toBe(1);
      // The same upload again changes nothing.
      const again = new FormData();
      again.append('files', new File([`${r['title']}\n\n${r['text']}`], 'quillon.txt'));
      const summary = await json<{ unchanged: number; articles: number }>(await a.request('/api/articles', { method: 'POST', body: again }));
      expect(summary).toMatchObject({ unchanged: 1, articles: 0 });
    } finally {
      await target.close();
    }
  });

  it('uploads JSON records', async () => {
    const target = await openStore(':memory:');
    try {
      const a = createApp({ store: target, config, host: '127.0.0.1', webRoot });
      const res = await a.request('/api/articles', { method: 'POST', body: JSON.stringify({ records: FIXTURE_RECORDS.slice(0, 2) }), headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(200);
      expect(await json<{ articles: number; storiesTouched: string[] }>(res)).toMatchObject({ articles: 2 });
      expect((await a.request('/api/articles', { method: 'POST', body: '{nope', headers: { 'content-type': 'application/json' } })).status).toBe(400);
      expect((await a.request('/api/articles', { method: 'POST', body: 'text', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    } finally {
      await target.close();
    }
  });

  it('accepts a token-bearing upload beyond loopback', async () => {
    const target = await openStore(':memory:');
    try {
      const a = createApp({ store: target, config, host: '0.0.0.0', token: 'a-long-secret-token-123', webRoot });
      const res = await a.request('http://dossier.example/api/articles', {
        method: 'POST',
        body: JSON.stringify(FIXTURE_RECORDS[0]),
        headers: { 'content-type': 'application/json', authorization: 'Bearer a-long-secret-token-123', host: 'dossier.example' },
      });
      expect(res.status).toBe(200);
    } finally {
      await target.close();
    }
  });
});

describe('corrections', () => {
  it('merges two stories and splits them again', async () => {
    const target = await openStore(':memory:');
    try {
      await loadFixture(target);
      const a = createApp({ store: target, config, host: '127.0.0.1', webRoot });
      const post = (path: string, body: unknown) => a.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      const before = await json<ListBody>(await a.request('/api/stories'));
      const [first, second] = before.stories;
      const merged = await post(`/api/stories/${first!.id}/merge`, { stories: [second!.id] });
      expect(merged.status).toBe(200);
      const story = await json<{ articles: { id: string }[] }>(await a.request(`/api/stories/${first!.id}`));
      expect(story.articles).toHaveLength(first!.articleCount + second!.articleCount);
      expect((await a.request(`/api/stories/${second!.id}`)).status).toBe(404);
      const split = await post(`/api/stories/${first!.id}/split`, { articles: [story.articles[0]!.id] });
      expect(split.status).toBe(200);
      const { newStoryId } = await json<{ newStoryId: string }>(split);
      expect((await a.request(`/api/stories/${newStoryId}`)).status).toBe(200);
      expect((await post(`/api/stories/${first!.id}/split`, { articles: [] })).status).toBe(400);
      expect((await post('/api/stories/st_nope/merge', { stories: [first!.id] })).status).toBe(404);
    } finally {
      await target.close();
    }
  });
});

describe('errors', () => {
  it.each([
    [new ApiError('api:not-found', 'x'), 404],
    [new ApiError('api:too-large', 'x'), 413],
    [new DossierError('store:not-found', 'x'), 404],
    [new DossierError('input:invalid-record', 'x'), 422],
    [new DossierError('usage:invalid', 'x'), 400],
    [new Error('SELECT * FROM secrets'), 500],
  ])('%s → %i', (err, status) => {
    const r = errorResponse(err);
    expect(r.status).toBe(status);
    expect(r.body.error.message).not.toContain('SELECT');
  });
});

describe('snippetParts', () => {
  it.each([
    ['a [b] c', [{ text: 'a ', match: false }, { text: 'b', match: true }, { text: ' c', match: false }]],
    ['[x]', [{ text: 'x', match: true }]],
    ['plain', [{ text: 'plain', match: false }]],
  ])('%s', (input, expected) => {
    expect(snippetParts(input)).toEqual(expected);
  });
});
