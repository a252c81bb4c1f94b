/**
 * End-to-end `analyze` throughput on a generated corpus of invented events (`bench/corpus.ts`):
 * plain text and HTML, single-threaded and with 1 and 2 worker threads, on SQLite and (when
 * `DOSSIER_TEST_PG` names a server) PostgreSQL. Each run is a child process, so its peak
 * memory is its own. Sizes: 100,000 articles (text) and 20,000 pages (HTML) by default;
 * `DOSSIER_BENCH_QUICK=1` for 5,000 / 1,000; `DOSSIER_BENCH_ARTICLES=N` to set both;
 * `DOSSIER_BENCH_FORMATS` and `DOSSIER_BENCH_THREADS` to pick rows.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchSuite } from '../suite.js';
import type { RunResult, RunSpec } from '../throughput-run.js';

const run = promisify(execFile);

function sizes(): { text: number; html: number } {
  const fixed = Number(process.env['DOSSIER_BENCH_ARTICLES']);
  if (fixed > 0) return { text: fixed, html: fixed };
  if (process.env['DOSSIER_BENCH_QUICK']) return { text: 5000, html: 1000 };
  return { text: 100_000, html: 20_000 };
}

function listEnv(name: string, fallback: readonly string[]): string[] {
  const value = process.env[name];
  return value ? value.split(',').map((v) => v.trim()).filter(Boolean) : [...fallback];
}

async function measure(spec: RunSpec): Promise<RunResult> {
  const script = fileURLToPath(new URL('../throughput-run.js', import.meta.url));
  const { stdout } = await run(process.execPath, [script, JSON.stringify(spec)], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as RunResult;
}

function pgLocation(base: string, label: string): string {
  const url = new URL(base);
  url.searchParams.set('schema', `dossier_bench_${label}_${Date.now().toString(36)}`);
  return url.toString();
}

export const throughputBench: BenchSuite = {
  name: 'throughput',
  async run() {
    const n = sizes();
    const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
    const pg = process.env['DOSSIER_TEST_PG'] || null;
    const lines = [
      '  input  store       threads  articles  seconds  articles/s  peak RSS MiB  stories  ms/article @10k  @100k',
    ];
    try {
      const plans: { format: 'text' | 'html'; store: 'sqlite' | 'postgres'; workers: number }[] = [];
      // DOSSIER_BENCH_FORMATS=text and DOSSIER_BENCH_THREADS=2 (comma lists) pick rows: one row of
      // 100k articles takes about ten minutes.
      const formats = listEnv('DOSSIER_BENCH_FORMATS', ['text', 'html']).filter((f): f is 'text' | 'html' => f === 'text' || f === 'html');
      const threads = listEnv('DOSSIER_BENCH_THREADS', ['0', '1', '2']).map(Number).filter((n) => Number.isInteger(n) && n >= 0);
      for (const format of formats) {
        for (const workers of threads) plans.push({ format, store: 'sqlite', workers });
        if (pg) for (const workers of threads.filter((t) => t !== 1)) plans.push({ format, store: 'postgres', workers });
      }
      for (const p of plans) {
        const articles = n[p.format];
        const db = p.store === 'sqlite' ? join(dir, `${p.format}-${p.workers}.db`) : pgLocation(pg!, `${p.format}${p.workers}`);
        const r = await measure({ format: p.format, articles, workers: p.workers, db, checkpoints: [10_000, 100_000].filter((c) => c <= articles) });
        const at = (c: number): string => (r.msPerArticleAt[c] !== undefined ? r.msPerArticleAt[c]!.toFixed(2) : '-');
        lines.push(
          `  ${p.format.padEnd(5)}  ${p.store.padEnd(10)}  ${String(p.workers === 0 ? 'main' : `1+${p.workers}`).padStart(7)}  ${String(articles).padStart(8)}  ${r.seconds.toFixed(1).padStart(7)}  ${r.articlesPerSecond.toFixed(0).padStart(10)}  ${r.peakRssMiB.toFixed(0).padStart(12)}  ${String(r.stories).padStart(7)}  ${at(10_000).padStart(15)}  ${at(100_000).padStart(5)}`,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return lines;
  },
};
