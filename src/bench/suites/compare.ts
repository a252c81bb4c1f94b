/**
 * Comparing one large story: 50 articles made from the golden stories' texts (shuffled sentences,
 * light edits, different outlets and times), timed end to end through `compareContent`.
 */
import { loadGoldenStories } from '../../compare/golden.js';
import { loadGazetteer } from '../../compare/places.js';
import { compareContent } from '../../compare/sources.js';
import { annotateArticle } from '../../annotate/index.js';
import { contentHash } from '../../dedupe/fingerprint.js';
import type { AnnotatedArticle } from '../../model.js';
import { peakRssMiB, type BenchSuite } from '../suite.js';
import { newswclEvents } from '../../eval/suites/comparison.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Builds `n` articles of one story: each takes sentences of the golden texts in a rotated order. */
function makeStory(n: number): AnnotatedArticle[] {
  const sentences = loadGoldenStories().flatMap((s) => s.articles.flatMap((a) => a.sentences.map((x) => x.text)));
  if (sentences.length === 0) return [];
  const out: AnnotatedArticle[] = [];
  for (let i = 0; i < n; i++) {
    const picked: string[] = [];
    for (let k = 0; k < 30; k++) picked.push(sentences[(i * 7 + k * 13) % sentences.length]!);
    const text = picked.map((s, k) => (k % 4 === 3 ? `${s}\n` : s)).join(' ') + `\n\nNote ${i}.`;
    const a = annotateArticle(
      { rawId: `b${i}`, source: `bench/${i}`, title: `Bench story ${i % 5}`, byline: null, published: `2025-03-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00Z`, publishedRule: 'bench', outlet: `Outlet ${i % 17}`, language: 'en', url: null, text, credits: i % 9 === 0 ? ['Meridian Press Agency'] : [], strategy: 'bench' },
      contentHash(text),
    );
    out.push({ ...a, id: `b${i}` });
  }
  return out;
}

/**
 * All fifty NewsWCL50 documents (ten events, five outlets) as one story: fifty articles with
 * almost no sentence in common, the worst case for the candidate search (nothing to share).
 */
function distinctStory(shared: string | null): AnnotatedArticle[] {
  const file = shared ? resolve(shared, 'bench/newswcl50/NewsWCL50.conll') : null;
  if (!file || !existsSync(file)) return [];
  return [...newswclEvents(file).entries()].flatMap(([event, docs]) =>
    docs.map((d) => {
      const id = `${event}_${d.outlet}`;
      const a = annotateArticle(
        { rawId: id, source: `newswcl50/${id}`, title: null, byline: null, published: null, publishedRule: null, outlet: `outlet ${d.outlet}`, language: 'en', url: null, text: d.text, credits: [], strategy: 'conll' },
        contentHash(d.text),
      );
      return { ...a, id };
    }),
  );
}

export const compareBench: BenchSuite = {
  name: 'compare',
  async run(shared) {
    // CPU seconds beside wall seconds: on a shared machine the wall clock also counts other work.
    const lines = ['  articles  sentences  seconds  cpu s  claims  conflicts  reuse edges  peak RSS MiB'];
    const gazetteer = loadGazetteer();
    const distinct = distinctStory(shared);
    const sizes: (number | 'distinct')[] = [10, 50, ...(distinct.length ? (['distinct'] as const) : [])];
    for (const n of sizes) {
      const articles = n === 'distinct' ? distinct : makeStory(n);
      if (articles.length === 0) return ['  no golden stories (run from the repository root)'];
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const cmp = compareContent(articles, { gazetteer });
      const secs = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(c0);
      const sentences = articles.reduce((s, a) => s + a.sentences.length, 0);
      const reuse = cmp.provenance?.edges.filter((e) => e.kind === 'copies' || e.kind === 'rewrites').length ?? 0;
      lines.push(`  ${String(n === 'distinct' ? `${articles.length}*` : n).padStart(8)}  ${String(sentences).padStart(9)}  ${secs.toFixed(3).padStart(7)}  ${((cpu.user + cpu.system) / 1e6).toFixed(3).padStart(5)}  ${String(cmp.claims?.length ?? 0).padStart(6)}  ${String(cmp.conflicts?.length ?? 0).padStart(9)}  ${String(reuse).padStart(11)}  ${peakRssMiB().toFixed(0).padStart(12)}`);
    }
    if (distinct.length) lines.push('  * NewsWCL50: its 50 documents (10 events) as one story, almost no sentence shared');
    lines.push('  goal: 50 articles in under 2 s');
    return lines;
  },
};
