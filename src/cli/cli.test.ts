/**
 * The CLI as users run it: the built `dist/cli/main.js` in a child process (`npm test` builds
 * first). Exit codes and output shapes are part of the interface (docs/cli.md).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'dist/cli/main.js');

/**
 * Runs the CLI without blocking this test process (a synchronous spawn would stall the test
 * runner's messages while a slow command runs on a loaded machine).
 */
function dossier(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!existsSync(bin)) throw new Error(`expected a built CLI at ${bin}, found none: run \`npm run build\` first`);
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, DOSSIER_DB: '' }, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

const tempDb = (): string => join(mkdtempSync(join(tmpdir(), 'dossier-cli-')), 'test.db');

describe('dossier CLI', async () => {
  it('prints help and version with exit code 0', async () => {
    expect(await dossier('--help')).toMatchObject({ code: 0 });
    expect((await dossier('--version')).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 on a usage error', async () => {
    const r = await dossier('stories', '--limit', 'many');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--limit: expected a positive integer, found "many"/);
  });

  it('exits 3 with a clear message on a missing path, before touching the store', async () => {
    const db = tempDb();
    const r = await dossier('analyze', 'no/such/folder', '--db', db);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no\/such\/folder: no such file or folder/);
    expect(existsSync(db)).toBe(false);
  });

  it('analyzes the sample corpus, lists stories as JSON, and shows a story', async () => {
    const db = tempDb();
    const run = await dossier('analyze', 'examples/sample', '--db', db);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Read \d+ inputs: \d+ new articles/);
    const list = await dossier('stories', '--db', db, '--json');
    expect(list.code).toBe(0);
    const stories = JSON.parse(list.stdout) as { id: string; articleCount: number; thread: string | null; articles: { source: string; published: string | null }[] }[];
    expect(stories.length).toBeGreaterThanOrEqual(3);
    for (const s of stories) {
      expect(Object.keys(s).sort()).toEqual(['articleCount', 'articles', 'firstPublished', 'id', 'lastPublished', 'thread', 'title']);
      expect(s.articles).toHaveLength(s.articleCount);
    }
    const story = await dossier('story', stories[0]!.id, '--db', db, '--why');
    expect(story.code).toBe(0);
    expect(story.stdout).toMatch(/Sources/);
    expect(story.stdout).toMatch(/Why these articles are one story/);
    // Re-running changes nothing.
    const again = await dossier('analyze', 'examples/sample', '--db', db, '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ articles: 0, storiesTouched: [] });
  });

  it('counts bad inputs in the summary, names them, and exits 0 (6 with --strict)', async () => {
    const db = tempDb();
    const r = await dossier('analyze', 'examples/bad', '--db', db);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 rejected/);
    expect(r.stdout).toMatch(/broken\.html: .*binary/);
    expect(r.stdout).toMatch(/empty\.txt/);
    expect((await dossier('analyze', 'examples/bad', '--db', tempDb(), '--strict')).code).toBe(6);
  });

  it('exits 5 for an unknown story id', async () => {
    const db = tempDb();
    await dossier('analyze', 'examples/sample', '--db', db);
    const r = await dossier('story', 'st_nope', '--db', db);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/story st_nope: no such story/);
  });

  it('extract prints NDJSON with text and metadata, no store needed', async () => {
    const r = await dossier('extract', 'examples/sample', '--json');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThanOrEqual(10);
    for (const l of lines) {
      for (const key of ['source', 'title', 'byline', 'published', 'outlet', 'language', 'text']) expect(l).toHaveProperty(key);
      expect(typeof l['text']).toBe('string');
    }
  });

  it('extract reports a bad input and still prints the others (exit 6)', async () => {
    const r = await dossier('extract', 'examples/bad/broken.html', 'examples/sample/mpa-korvana-strike-deal.txt', '--json');
    expect(r.code).toBe(6);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ source: 'examples/bad/broken.html', error: { code: 'input:binary' } });
    expect(lines[1]).toHaveProperty('text');
  });

  it('reports an unusable database file with exit code 4', async () => {
    const r = await dossier('stories', '--db', join(root, 'examples/bad/broken.html'));
    expect(r.code).toBe(4);
  });
});

describe('dossier search', async () => {
  it('finds articles by words, diacritics-insensitively, with their story', async () => {
    const db = tempDb();
    await dossier('analyze', 'examples/sample', '--db', db);
    const r = await dossier('search', 'Simunovic', '--db', db, '--json');
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.stdout) as { storyId: string | null; snippet: string }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.storyId && /\[/.test(h.snippet))).toBe(true);
  });
});
