/**
 * Annotation throughput: articles per second on one core, on ~600-word articles cut from the
 * seeds (or the project's sample), each with a distinct date so times resolve differently.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { annotateArticle } from '../../annotate/index.js';
import type { BenchSuite } from '../suite.js';

function articles(shared: string | null): string[] {
  const dir = shared ? resolve(shared, 'corpus/seeds') : null;
  const folder = dir && existsSync(dir) ? dir : resolve(process.cwd(), 'examples/sample');
  const words = readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(resolve(folder, f), 'utf8'))
    .join('\n\n')
    .split(/(?<=\s)/);
  const out: string[] = [];
  // 600-word windows, shifted so no two articles are the same text.
  for (let start = 0; out.length < 40 && words.length > 600; start = (start + 137) % (words.length - 600)) out.push(words.slice(start, start + 600).join(''));
  return out;
}

export const annotateBench: BenchSuite = {
  name: 'annotate',
  async run(shared) {
    const texts = articles(shared);
    if (texts.length === 0) return ['  no sample articles found'];
    const make = (text: string, i: number) => ({ rawId: String(i), source: `bench/${i}`, title: null, byline: null, published: `2024-02-${String(1 + (i % 28)).padStart(2, '0')}`, publishedRule: null, outlet: null, language: 'en', url: null, text, credits: [], strategy: 'bench' });
    for (let i = 0; i < 20; i++) annotateArticle(make(texts[i % texts.length]!, i), i.toString(16).padEnd(64, '0')); // warm-up
    const n = 2000;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) annotateArticle(make(texts[i % texts.length]!, i), i.toString(16).padEnd(64, '0'));
    const secs = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSecs = (cpu.user + cpu.system) / 1e6;
    return [
      '  articles  words/article  seconds  articles/s  articles/s/core (CPU time)',
      `  ${String(n).padStart(8)}  ${'~600'.padStart(13)}  ${secs.toFixed(2).padStart(7)}  ${(n / secs).toFixed(0).padStart(10)}  ${(n / cpuSecs).toFixed(0).padStart(26)}`,
    ];
  },
};
