/**
 * Cost per added article as the store grows: one SQLite store is seeded to each size in turn
 * (10k, 100k, 1M stored by default; `DOSSIER_BENCH_GROWTH=10000,100000` to choose), and at each
 * size `analyze` adds the same number of fresh articles (`DOSSIER_BENCH_GROWTH_ADDED`, default
 * 1,000), on a copy of the seeded store. Seeding and measuring run in child processes
 * (`bench/growth-run.ts`), so each step's peak memory is its own. The store (17 GB at a million
 * articles) is kept in the temp folder until the suite ends.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { GrowthResult, GrowthSpec } from '../growth-run.js';
import type { BenchSuite } from '../suite.js';

const run = promisify(execFile);

async function step<T>(spec: GrowthSpec): Promise<T> {
  const script = fileURLToPath(new URL('../growth-run.js', import.meta.url));
  const { stdout } = await run(process.execPath, [script, JSON.stringify(spec)], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
}

function sizes(): number[] {
  const wanted = (process.env['DOSSIER_BENCH_GROWTH'] ?? '10000,100000,1000000').split(',').map(Number).filter((n) => n > 0);
  return [...new Set(wanted)].sort((a, b) => a - b);
}

export const growthBench: BenchSuite = {
  name: 'growth',
  async run() {
    const added = Number(process.env['DOSSIER_BENCH_GROWTH_ADDED']) || 1_000;
    const dir = mkdtempSync(join(tmpdir(), 'dossier-growth-'));
    const db = join(dir, 'growth.db');
    const lines = ['  stored     added  seed s  replay s  ms/added article  vs first  peak RSS MiB  store GiB'];
    let first: number | null = null;
    try {
      for (const stored of sizes()) {
        const t0 = performance.now();
        await step({ step: 'seed', db, stored });
        const seedSeconds = (performance.now() - t0) / 1000;
        // Measured on a copy, with the same fresh articles at every size: the seeded store stays
        // pristine for the next size, and the sizes differ only in what is stored.
        const copy = join(dir, 'measured.db');
        copyFileSync(db, copy);
        const r = await step<GrowthResult>({ step: 'measure', db: copy, added, seed: 1001 });
        for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
        first ??= r.msPerArticle;
        const gib = statSync(db).size / 2 ** 30;
        lines.push(
          `  ${String(r.stored).padStart(7)}  ${String(added).padStart(6)}  ${seedSeconds.toFixed(0).padStart(6)}  ${r.replaySeconds.toFixed(1).padStart(8)}  ${r.msPerArticle.toFixed(2).padStart(16)}  ${(r.msPerArticle / first).toFixed(2).padStart(7)}×  ${r.peakRssMiB.toFixed(0).padStart(12)}  ${gib.toFixed(1).padStart(9)}`,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return lines;
  },
};
