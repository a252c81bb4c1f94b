/**
 * One throughput measurement in a process of its own, so its peak memory is its own:
 * `node dist/bench/throughput-run.js '{"format":"text","articles":100000,"workers":1,"db":"/tmp/x.db"}'`.
 * Prints one JSON line: articles/s, peak RSS and the cost per added article as the store grows.
 */
import { rmSync } from 'node:fs';
import { resolveConfig } from '../config.js';
import { analyze } from '../pipeline/analyze.js';
import { openStore } from '../store/open.js';
import { generateCorpus, type CorpusSpec } from './corpus.js';
import { peakRssMiB } from './suite.js';
import { boundHeapGrowth } from '../util/heap.js';

/** What the parent asks for. */
export interface RunSpec extends CorpusSpec {
  /** Worker threads (0: single-threaded). */
  readonly workers: number;
  /** A SQLite file path (removed first) or a postgres:// URL (an empty schema). */
  readonly db: string;
  /** Store sizes at which to report the cost per added article (ms, over the last 1,000). */
  readonly checkpoints: readonly number[];
  /** Documents per store transaction (default: the shipped configuration's). */
  readonly batchSize?: number;
}

/** What the child reports. */
export interface RunResult {
  readonly seconds: number;
  readonly articlesPerSecond: number;
  readonly peakRssMiB: number;
  readonly stored: number;
  readonly stories: number;
  readonly msPerArticleAt: Readonly<Record<string, number>>;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as RunSpec;
  if (!spec.db.startsWith('postgres')) for (const suffix of ['', '-wal', '-shm']) rmSync(spec.db + suffix, { force: true });
  const store = await openStore(spec.db);
  const marks = new Map<number, number>();
  const wanted = new Set(spec.checkpoints.flatMap((c) => [c - 1000, c]));
  const t0 = performance.now();
  const summary = await analyze(store, generateCorpus(spec), {
    config: resolveConfig(spec.batchSize ? { batchSize: spec.batchSize } : {}),
    workers: spec.workers,
    onProgress: (p) => {
      if (wanted.has(p.done)) marks.set(p.done, performance.now());
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const stats = await store.stats();
  await store.close();
  const msPerArticleAt: Record<string, number> = {};
  for (const c of spec.checkpoints) {
    const a = marks.get(c - 1000);
    const b = marks.get(c);
    if (a !== undefined && b !== undefined) msPerArticleAt[c] = (b - a) / 1000;
  }
  const result: RunResult = {
    seconds,
    articlesPerSecond: summary.read / seconds,
    peakRssMiB: peakRssMiB(),
    stored: stats.articles,
    stories: stats.stories,
    msPerArticleAt,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

boundHeapGrowth();
await main();
