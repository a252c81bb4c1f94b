/**
 * Online clustering cost as the store grows: milliseconds per added article with 1k, 10k and
 * 100k articles already stored, and memory. The corpus is built from the ECB+ texts (or the
 * seeds): each base text is repeated with its publication date shifted by months and a
 * deterministic share of its words dropped, so repeats are neither exact nor near copies.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { StoryClusterer } from '../../cluster/clusterer.js';
import { latestYear, tokenize } from '../../cluster/features.js';
import { minHashSignature } from '../../cluster/near-duplicates.js';
import { DEFAULT_CONFIG } from '../../config.js';
import type { ArticleFeatures } from '../../model.js';
import { type BenchSuite } from '../suite.js';

const DAY = 86_400_000;

function baseTexts(shared: string | null): string[] {
  const ecb = shared ? resolve(shared, 'bench/ecbplus/dev.jsonl') : null;
  if (ecb && existsSync(ecb)) return readFileSync(ecb, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
  const dir = shared && existsSync(resolve(shared, 'corpus/seeds')) ? resolve(shared, 'corpus/seeds') : resolve(process.cwd(), 'examples/sample');
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(resolve(dir, f), 'utf8'));
}

/** The i-th generated article: base text i mod n, every k-th word dropped, dated (i div n) × 40 days on. */
function generated(texts: readonly string[], i: number): ArticleFeatures {
  const base = texts[i % texts.length]!;
  const round = Math.floor(i / texts.length);
  const words = base.split(/\s+/);
  const text = words.filter((_, k) => (k + round) % 4 !== 0).join(' ');
  const terms: Record<string, number> = {};
  for (const t of tokenize(text)) terms[t] = (terms[t] ?? 0) + 1;
  const names = [...new Set(text.match(/\b\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)*/gu) ?? [])].map((n) => n.toLowerCase()).sort();
  const sig = minHashSignature(text);
  const time = Date.UTC(2020, 0, 1) + round * 40 * DAY + (i % 7) * DAY;
  return { articleId: `bench${String(i).padStart(8, '0')}`, terms, names, time, language: 'en', eventYear: latestYear(text, 2020 + Math.floor((round * 40) / 365)), ...(sig ? { signature: sig } : {}) };
}

export const clusteringBench: BenchSuite = {
  name: 'clustering',
  async run(shared) {
    const texts = baseTexts(shared);
    const added = 500;
    const lines = ['  stored    restore s  ms/added article  heap MiB'];
    const perArticle: number[] = [];
    for (const stored of [1_000, 10_000, 100_000]) {
      const clusterer = new StoryClusterer(DEFAULT_CONFIG.cluster);
      // Restoring is what a run does first: replay the store's placements. Only the replay is
      // timed, not the making of the synthetic corpus.
      let restoreMs = 0;
      for (let i = 0; i < stored; i++) {
        const f = generated(texts, i);
        const t0 = performance.now();
        clusterer.restore(f, `st_${i}`);
        restoreMs += performance.now() - t0;
      }
      const restore = restoreMs / 1000;
      const fresh = Array.from({ length: added }, (_, k) => generated(texts, stored + k));
      const t1 = performance.now();
      // Added the way the pipeline adds them: in batches of the configured size.
      for (let k = 0; k < fresh.length; k += DEFAULT_CONFIG.batchSize) clusterer.placeBatch(fresh.slice(k, k + DEFAULT_CONFIG.batchSize));
      const ms = (performance.now() - t1) / added;
      perArticle.push(ms);
      const heap = process.memoryUsage().heapUsed / 1024 / 1024;
      lines.push(`  ${String(stored).padStart(7)}  ${restore.toFixed(2).padStart(9)}  ${ms.toFixed(3).padStart(16)}  ${heap.toFixed(0).padStart(8)}`);
    }
    lines.push(`  cost at 100k / cost at 10k: ${(perArticle[2]! / perArticle[1]!).toFixed(2)} (goal ≤ 1.5)`);
    return lines;
  },
};
