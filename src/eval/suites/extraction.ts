/**
 * Article body extraction on `bench/article-extraction` (91 real pages), scored with the
 * benchmark's own metric (`shared/bench/README.md`), for Dossier and, in the same run, for
 * plain Readability.js on linkedom: the baseline Dossier must beat.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { resolveConfig } from '../../config.js';
import { Messages } from '../../diagnostics.js';
import { NO_BOILERPLATE } from '../../extract/boilerplate.js';
import { extractArticle } from '../../extract/index.js';
import { makeRawDocument } from '../../ingest/raw.js';
import type { EvalSuite, SuiteResult } from '../suite.js';

/** One benchmark page with its gold article body. */
export interface BenchPage {
  readonly id: string;
  readonly url: string;
  readonly html: string;
  readonly gold: string;
}

/** Reads the benchmark pages (utf-8, gzipped) and their gold bodies; [] when absent. */
export function loadExtractionPages(shared: string): BenchPage[] {
  const dir = resolve(shared, 'bench/article-extraction');
  const truthFile = resolve(dir, 'ground-truth.json');
  if (!existsSync(truthFile)) return [];
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  const pages: BenchPage[] = [];
  for (const file of readdirSync(resolve(dir, 'html')).sort()) {
    const id = file.replace(/\.html(\.gz)?$/, '');
    const gold = truth[id];
    if (!gold) continue;
    const bytes = readFileSync(resolve(dir, 'html', file));
    const html = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    pages.push({ id, url: gold.url ?? '', html, gold: gold.articleBody ?? '' });
  }
  return pages;
}

/** Dossier's article text for a page, via the same extract stage the pipeline uses. */
export function dossierText(page: BenchPage): string {
  const config = resolveConfig();
  const raw = makeRawDocument({ source: `${page.id}.html`, body: page.html, bodyFormat: 'html' });
  try {
    return extractArticle(raw, { config: config.extract, boilerplate: NO_BOILERPLATE, messages: new Messages() }).text;
  } catch {
    return ''; // An empty extraction scores zero recall, which is the honest penalty.
  }
}

/** Plain Readability.js on linkedom, default options, `textContent` as the benchmark uses. */
export function readabilityText(page: BenchPage): string {
  try {
    const { document } = parseHTML(page.html);
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    return article?.textContent ?? '';
  } catch {
    return '';
  }
}

/** Counts of 4-token shingles of `\w+` tokens (Python's Unicode `\w`: letters, numbers, `_`). */
function shingles(text: string): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i + 4 <= tokens.length; i++) {
    const key = tokens.slice(i, i + 4).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Per-page precision and recall, as the benchmark defines them (empty on both sides = 1). */
export function pageScore(gold: string, predicted: string): { precision: number; recall: number } {
  const truth = shingles(gold);
  const pred = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, n] of pred) {
    const t = truth.get(k) ?? 0;
    tp += Math.min(t, n);
    fp += Math.max(0, n - t);
  }
  for (const [k, t] of truth) fn += Math.max(0, t - (pred.get(k) ?? 0));
  // The benchmark normalises the three counts by their sum so each page weighs the same; the
  // ratios below are unchanged by that scaling.
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  return { precision, recall };
}

/** Mean precision, mean recall and the F1 of those means. */
export function corpusScore(scores: readonly { precision: number; recall: number }[]): { precision: number; recall: number; f1: number } {
  const n = Math.max(1, scores.length);
  const precision = scores.reduce((s, x) => s + x.precision, 0) / n;
  const recall = scores.reduce((s, x) => s + x.recall, 0) / n;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export const extractionSuite: EvalSuite = {
  name: 'extraction',
  async run(shared: string): Promise<SuiteResult> {
    const pages = loadExtractionPages(shared);
    if (pages.length === 0) return { metrics: [], notes: ['  bench/article-extraction not found; skipped'] };
    const ours = pages.map((p) => pageScore(p.gold, dossierText(p)));
    const theirs = pages.map((p) => pageScore(p.gold, readabilityText(p)));
    const d = corpusScore(ours);
    const r = corpusScore(theirs);
    const worst = pages
      .map((p, i) => ({ id: p.id.slice(0, 12), url: p.url, f: f1(ours[i]!), diff: f1(ours[i]!) - f1(theirs[i]!) }))
      .sort((a, b) => a.f - b.f)
      .slice(0, 8);
    return {
      notes: [
        `  ${pages.length} pages        precision  recall   F1`,
        `  dossier          ${d.precision.toFixed(4)}  ${d.recall.toFixed(4)}  ${d.f1.toFixed(4)}`,
        `  readability.js   ${r.precision.toFixed(4)}  ${r.recall.toFixed(4)}  ${r.f1.toFixed(4)}`,
        '  weakest pages (dossier F1, vs readability):',
        ...worst.map((w) => `    ${w.id}  ${w.f.toFixed(3)}  ${w.diff >= 0 ? '+' : ''}${w.diff.toFixed(3)}  ${w.url}`),
      ],
      metrics: [
        // Pinned a little under what the shipped configuration measures (0.985 / 0.981 / 0.989).
        { name: 'article-extraction F1 (dossier)', value: d.f1, min: 0.978 },
        { name: 'article-extraction precision (dossier)', value: d.precision, min: 0.972 },
        { name: 'article-extraction recall (dossier)', value: d.recall, min: 0.98 },
        { name: 'article-extraction F1 (readability.js)', value: r.f1 },
        { name: 'F1 margin over readability.js', value: d.f1 - r.f1, min: 0.015 },
      ],
    };
  },
};

function f1(s: { precision: number; recall: number }): number {
  return s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall);
}
