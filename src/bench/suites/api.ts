/**
 * HTTP API latency: p50/p95 of the story list, a story page, an entity page and search on a
 * generated store, measured in-process through `app.request()` (the framework, routing,
 * security headers and JSON serialisation included; the socket excluded).
 *
 * The store is written directly through `Store.commit` with synthetic annotated articles:
 * running the real pipeline over 100k articles would measure the pipeline, not the API.
 * `DOSSIER_BENCH_API_ARTICLES` sets the size (default 100000; e.g. 10000 for a quick run).
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleFeatures } from '../../cluster/features.js';
import { resolveConfig } from '../../config.js';
import { compareStory } from '../../compare/sources.js';
import type { AnnotatedArticle, ClusterDecision, EntityMention, Sentence, StoryComparison } from '../../model.js';
import { createApp } from '../../serve/app.js';
import { openStore } from '../../store/open.js';
import { storedArticle, type ArticleRecord, type Store, type StoryRecord } from '../../store/store.js';
import { rng } from '../corpus.js';
import { peakRssMiB, type BenchSuite } from '../suite.js';

const SYLLABLES = ['kor', 'va', 'na', 'del', 'mar', 'sten', 'lu', 'ka', 'ri', 'on', 'bel', 'tas', 'ver', 'dan', 'mi', 'ro', 'sa', 'gen'];
/** Names are built from other syllables than common words, as real names are rarer than words. */
const NAME_SYLLABLES = ['al', 'bre', 'cho', 'dru', 'ef', 'gim', 'ho', 'ix', 'jo', 'kel', 'lem', 'mo', 'nu', 'pra', 'qui', 'sol', 'tu', 'vy', 'wen', 'zo'];
const AGENCIES = ['Reuters', 'Associated Press', 'Agence France-Presse', 'Xinhua'];

function word(rand: () => number, parts: number, syllables: readonly string[] = SYLLABLES): string {
  let w = '';
  for (let i = 0; i < parts; i++) w += syllables[Math.floor(rand() * syllables.length)]!;
  return w;
}

function capital(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** Builds `n` synthetic articles in stories of 1–9 articles from 60 outlets over two years. */
export async function generateStore(store: Store, n: number, seed = 7): Promise<{ storyIds: string[]; names: string[] }> {
  const rand = rng(seed);
  const vocabulary = Array.from({ length: 3000 }, () => word(rand, 2 + Math.floor(rand() * 2)));
  const names = Array.from({ length: 2000 }, () => `${capital(word(rand, 2, NAME_SYLLABLES))} ${capital(word(rand, 2 + Math.floor(rand() * 2), NAME_SYLLABLES))}`);
  const outlets = Array.from({ length: 60 }, (_, i) => `${capital(word(rand, 2))} ${['Herald', 'Post', 'Courier', 'Times', 'Review'][i % 5]}`);
  const storyIds: string[] = [];
  const usedNames = new Set<string>();
  const templates = new Map<number, StoryComparison>();
  const start = Date.UTC(2024, 0, 1);
  let made = 0;
  let articles: ArticleRecord[] = [];
  let decisions: ClusterDecision[] = [];
  let stories: StoryRecord[] = [];

  const flush = async (): Promise<void> => {
    await store.commit({ raws: [], articles, decisions, stories });
    articles = [];
    decisions = [];
    stories = [];
  };

  while (made < n) {
    const size = Math.min(n - made, 1 + Math.floor(rand() * 9));
    const storyNames = Array.from({ length: 4 }, () => names[Math.floor(rand() * names.length)]!);
    storyNames.forEach((n) => usedNames.add(n));
    const topic = Array.from({ length: 30 }, () => vocabulary[Math.floor(rand() * vocabulary.length)]!);
    const day = start + Math.floor(rand() * 730) * 86_400_000;
    const members: AnnotatedArticle[] = [];
    for (let k = 0; k < size; k++, made++) {
      const id = made.toString(16).padStart(16, '0');
      const sentences: Sentence[] = [];
      const entities: EntityMention[] = [];
      let text = '';
      for (let s = 0; s < 20; s++) {
        const from = text.length;
        const name = storyNames[s % storyNames.length]!;
        const words = Array.from({ length: 14 }, () => (rand() < 0.6 ? topic : vocabulary)[Math.floor(rand() * 30)]!);
        const at = text.length + words.slice(0, 3).join(' ').length + 1;
        const sentence = `${capital(words.slice(0, 3).join(' '))} ${name} ${words.slice(3).join(' ')}.`;
        text += sentence;
        entities.push({ start: at, end: at + name.length, text: name, key: name.toLowerCase(), kind: 'NAME' });
        sentences.push({ start: from, end: text.length, text: sentence });
        text += s % 4 === 3 ? '\n\n' : ' ';
      }
      text = text.trimEnd();
      const agency = rand() < 0.4 ? AGENCIES[Math.floor(rand() * AGENCIES.length)]! : null;
      const article: AnnotatedArticle = {
        rawId: `raw${id}`,
        source: `bench/${id}.txt`,
        title: `${capital(topic[0]!)} ${topic[1]} ${storyNames[0]} ${topic[2]} ${k + 1}`,
        byline: null,
        published: new Date(day + k * 3_600_000 * 5).toISOString(),
        publishedRule: 'bench',
        outlet: outlets[Math.floor(rand() * outlets.length)]!,
        language: 'en',
        url: null,
        text,
        credits: agency ? [agency] : [],
        strategy: 'bench',
        id,
        contentHash: `${id}${'0'.repeat(48)}`,
        sentences,
        entities,
        attributions: agency ? [{ agency, cue: 'credit-line', passage: `Source: ${agency}` }] : [],
      };
      members.push(article);
      articles.push({ article: storedArticle(article), features: articleFeatures(article) });
    }
    const storyId = `st_${members[0]!.id.slice(-12)}`;
    storyIds.push(storyId);
    for (const a of members) {
      decisions.push({ articleId: a.id, storyId, action: a === members[0] ? 'created' : 'joined', score: null, candidates: [], threshold: 0.3, reason: 'bench' });
    }
    // The full comparison (claims, provenance, conflicts) costs tens of milliseconds a story:
    // every 20th story gets a real one, the others a copy of the last real one of the same
    // size (re-labelled), so story pages carry realistic JSON at a fraction of the set-up time.
    let comparison: StoryComparison;
    const template = templates.get(size);
    if (storyIds.length % 20 === 1 || !template) {
      comparison = compareStory(storyId, members.map((article) => ({ article, duplicateSources: [] })));
      templates.set(size, comparison);
    } else {
      comparison = { ...template, storyId };
    }
    stories.push({ id: storyId, title: members[0]!.title!, comparison });
    if (articles.length >= 2000) await flush();
  }
  await flush();
  return { storyIds, names: [...usedNames].sort() };
}

/** The p-th percentile (0–100) of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const apiBench: BenchSuite = {
  name: 'api',
  async run() {
    const n = Number(process.env['DOSSIER_BENCH_API_ARTICLES'] ?? 100_000);
    const file = join(tmpdir(), `dossier-bench-api-${process.pid}.db`);
    const store = await openStore(file);
    const lines: string[] = [];
    try {
      const t0 = performance.now();
      const { storyIds, names } = await generateStore(store, n);
      lines.push(`  store: ${n} articles in ${storyIds.length} stories, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s (SQLite file)`);
      const app = createApp({ store, config: resolveConfig({ db: file }), host: '127.0.0.1' });
      const rand = rng(11);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
      const cases: { name: string; path: () => string }[] = [
        { name: 'GET /api/stories (first page)', path: () => '/api/stories' },
        { name: 'GET /api/stories (page 40)', path: () => '/api/stories?offset=1000' },
        { name: 'GET /api/stories/:id', path: () => `/api/stories/${pick(storyIds)}` },
        { name: 'GET /api/search?q=', path: () => `/api/search?q=${encodeURIComponent(pick(names).split(' ')[1]!)}` },
        { name: 'GET /api/entities/:id', path: () => `/api/entities/${encodeURIComponent(pick(names).toLowerCase())}` },
      ];
      lines.push('  request                          n    p50 ms   p95 ms   max ms');
      for (const c of cases) {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) await app.request(c.path()); // warm-up: statement caches, page cache
        for (let i = 0; i < 200; i++) {
          const path = c.path();
          const t = performance.now();
          const res = await app.request(path);
          await res.arrayBuffer();
          times.push(performance.now() - t);
          if (res.status !== 200) throw new Error(`${path}: expected 200, found ${res.status}`);
        }
        times.sort((a, b) => a - b);
        lines.push(
          `  ${c.name.padEnd(30)} ${String(times.length).padStart(4)}  ${percentile(times, 50).toFixed(1).padStart(7)}  ${percentile(times, 95).toFixed(1).padStart(7)}  ${times[times.length - 1]!.toFixed(1).padStart(7)}`,
        );
      }
      lines.push(`  peak RSS ${peakRssMiB().toFixed(0)} MiB`);
    } finally {
      await store.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    }
    return lines;
  },
};
