/**
 * Extraction speed and memory on the 91 `bench/article-extraction` pages: Dossier's extract
 * stage and plain Readability.js on linkedom, in the same run, on the same pages. Each system
 * runs in a child process of its own (so peak RSS is its own), twice, alternating, and the
 * figures are averaged so neither always runs on a warmer or busier machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { BenchSuite } from '../suite.js';

const PASSES = 3;

interface WorkerResult {
  readonly pages: number;
  readonly seconds: number;
  readonly maxRssMiB: number;
}

function runWorker(system: 'dossier' | 'readability', shared: string): WorkerResult {
  const worker = fileURLToPath(new URL('./extraction-worker.js', import.meta.url));
  const out = execFileSync(process.execPath, [worker, system, shared, String(PASSES)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as WorkerResult;
}

function combine(results: readonly WorkerResult[]): { perSecond: number; peakMiB: number } {
  const pages = results.reduce((n, r) => n + r.pages, 0);
  const secs = results.reduce((n, r) => n + r.seconds, 0);
  return { perSecond: pages / secs, peakMiB: Math.max(...results.map((r) => r.maxRssMiB)) };
}

export const extractionBench: BenchSuite = {
  name: 'extraction',
  async run(shared) {
    if (!shared || !existsSync(resolve(shared, 'bench/article-extraction/ground-truth.json'))) return ['  bench/article-extraction not found; skipped'];
    const r1 = runWorker('readability', shared);
    const d1 = runWorker('dossier', shared);
    const d2 = runWorker('dossier', shared);
    const r2 = runWorker('readability', shared);
    const d = combine([d1, d2]);
    const r = combine([r1, r2]);
    return [
      `  ${d1.pages / PASSES} pages × ${PASSES} passes, each system in its own process, 2 rounds`,
      '  system           pages/s  peak RSS MiB',
      `  dossier          ${d.perSecond.toFixed(1).padStart(7)}  ${d.peakMiB.toFixed(0).padStart(12)}`,
      `  readability.js   ${r.perSecond.toFixed(1).padStart(7)}  ${r.peakMiB.toFixed(0).padStart(12)}`,
      `  speed ratio dossier/readability: ${(d.perSecond / r.perSecond).toFixed(2)} (target ≥ 0.8); dossier peak RSS target ≤ 400 MiB`,
    ];
  },
};
