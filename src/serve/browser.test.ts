/**
 * The web UI in a real browser: Debian's Chromium driven by playwright-core against a server
 * on a free port, over the sample corpus plus a hostile article. Skipped when Chromium is not
 * installed (`.ci/run` installs it). Screenshots land in `test-output/` (gitignored).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import { readInputs, recordItem } from '../ingest/files.js';
import { analyze } from '../pipeline/analyze.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { startServer, type RunningServer } from './server.js';
import { HOSTILE_RECORD } from './test-support/fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = join(ROOT, 'examples/sample');
const OUT = join(ROOT, 'test-output');

describe.skipIf(!existsSync(CHROMIUM))('web UI in Chromium', () => {
  let webRoot: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  let dialogs = 0;

  beforeAll(async () => {
    // Build the UI into a temporary folder, so the test does not depend on a prior `npm run build`.
    webRoot = mkdtempSync(join(tmpdir(), 'dossier-web-'));
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: webRoot, emptyOutDir: true } });

    store = await openStore(':memory:');
    const config = resolveConfig({ db: ':memory:' });
    await analyze(store, readInputs([SAMPLE]), { config });
    await analyze(store, [recordItem('fixture/hostile.json', HOSTILE_RECORD, JSON.stringify(HOSTILE_RECORD))], { config });
    server = await startServer({ store, config, host: '127.0.0.1', port: 0, webRoot });

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Any console error (a CSP violation included) or uncaught exception fails the run.
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    mkdirSync(OUT, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (webRoot) rmSync(webRoot, { recursive: true, force: true });
  });

  it('shows the story list, newest first, with counts', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForSelector('.story-card');
    const cards = page.locator('.story-card');
    expect(await cards.count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.story-card .counts').first().innerText()).toMatch(/\d+ articles?/);
    await page.screenshot({ path: join(OUT, 'story-list.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('opens a story: sources side by side, provenance graph, conflicts when compared, thread link', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForSelector('.story-card');
    // The story with the most articles.
    const counts = (await page.locator('.story-card .counts li:first-child strong').allInnerTexts()).map(Number);
    const best = counts.indexOf(Math.max(...counts));
    await page.locator('.story-card h2 a').nth(best).click();
    await page.waitForSelector('#sources .source-card');
    expect(await page.locator('#sources .source-card').count()).toBe(Math.max(...counts));
    expect(await page.locator('svg.provenance-svg .node-article').count()).toBe(Math.max(...counts));
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const story = (await (await fetch(`${server.url}/api/stories/${id}`)).json()) as { conflicts?: unknown[]; comparison?: { conflicts?: unknown[] }; thread: string | null; threadStories: unknown[] };
    const conflicts = story.conflicts ?? story.comparison?.conflicts ?? [];
    // The first three conflicts show; a button shows the rest.
    expect(await page.locator('.conflict-card').count()).toBe(Math.min(3, conflicts.length));
    if (conflicts.length > 0) expect(await page.locator('.conflict-card blockquote').count()).toBeGreaterThanOrEqual(2);
    if (story.thread && story.threadStories.length > 1) expect(await page.locator('#thread a').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: /read all texts/i }).click();
    await page.waitForSelector('.article-text');
    await page.screenshot({ path: join(OUT, 'story-page.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(OUT, 'story-page-phone.png'), fullPage: true });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(problems).toEqual([]);
  });

  it('searches for an entity and opens its page', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('searchbox', { name: /search articles/i }).fill('Korvana');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.results mark');
    expect((await page.locator('.results mark').first().innerText()).toLowerCase()).toContain('korvana');
    await page.screenshot({ path: join(OUT, 'search.png'), fullPage: true });
    await page.locator('.chips a', { hasText: /^Korvana/ }).first().click();
    await page.waitForSelector('article.entity h1');
    expect(await page.locator('article.entity h1').innerText()).toMatch(/Korvana/);
    expect(await page.locator('article.entity .timeline li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, 'entity.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('uploads a file with a progress bar and links the story', async () => {
    await page.goto(`${server.url}/upload`);
    await page.waitForSelector('.dropzone');
    const text =
      'Valdenia opens a new rail link to the port of Korvana\n\n' +
      'The Valdenian rail authority opened a freight line between the inland depot at Sarnow and the port of Korvana on Monday, cutting truck traffic through the old town.\n\n' +
      'Transport minister Oskar Leinart said the line would carry forty trains a week by the end of the year, and that dockworkers had been consulted on the new schedules.';
    await page.locator('input[type=file]').setInputFiles({ name: 'rail-link.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await page.waitForSelector('.notice.success', { timeout: 20_000 });
    expect(await page.locator('.notice.success').innerText()).toMatch(/1 new article/);
    await page.locator('.notice.success a').first().click();
    await page.waitForSelector('#sources .source-card');
    expect(await page.locator('h1').innerText()).toBeTruthy();
    expect(problems).toEqual([]);
  });

  it('renders hostile article content as inert text', async () => {
    await page.goto(`${server.url}/?q=Zembla`);
    await page.waitForSelector('.story-card');
    expect(await page.locator('.story-card h2').first().innerText()).toContain('<script>');
    await page.locator('.story-card h2 a').first().click();
    await page.waitForSelector('#sources .source-card');
    await page.getByRole('button', { name: /read the text/i }).first().click();
    await page.waitForSelector('.article-text');
    await page.waitForTimeout(300);
    expect(await page.locator('.article-text').innerText()).toContain('onerror=');
    // Browser-side expressions are strings: this file is compiled without the DOM library.
    const injected = await page.evaluate<Record<string, unknown>>(`({
      xss: window.__xss ?? null,
      scripts: document.querySelectorAll('main script').length,
      images: document.querySelectorAll('main img').length,
      svgs: document.querySelectorAll('main svg[onload]').length,
      jsLinks: document.querySelectorAll('a[href^="javascript:"]').length,
    })`);
    expect(injected).toEqual({ xss: null, scripts: 0, images: 0, svgs: 0, jsLinks: 0 });
    expect(dialogs).toBe(0);
    expect(problems).toEqual([]);
  });

  it('is keyboard-navigable: skip link first, then the header links', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForSelector('.story-card');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | null>('document.activeElement?.textContent ?? null')).toMatch(/skip to content/i);
    await page.keyboard.press('Enter');
    // Tab from the main region reaches a story link, and Enter opens it.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate<boolean>(`!!document.activeElement?.closest('.story-card')`)) break;
    }
    expect(await page.evaluate<boolean>(`!!document.activeElement?.closest('.story-card')`)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#sources');
  });

  // Last: it changes the store the other cases read.
  it('splits an article out of a story into a new one', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForSelector('.story-card');
    const counts = (await page.locator('.story-card .counts li:first-child strong').allInnerTexts()).map(Number);
    await page.locator('.story-card h2 a').nth(counts.findIndex((n) => n >= 2)).click();
    await page.waitForSelector('#sources .source-card');
    const before = page.url();
    await page.locator('details.why summary').click();
    await page.locator('details.why input[type=checkbox]').first().check();
    await page.getByRole('button', { name: /split the selected/i }).click();
    await page.waitForURL((url) => url.toString() !== before);
    await page.waitForSelector('#sources .source-card');
    expect(await page.locator('#sources .source-card').count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
