/**
 * End-to-end `analyze` throughput on a generated corpus: the seeds (or the project's sample)
 * repeated with shifted dates and light edits, so dedupe does not collapse them.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveConfig } from '../../config.js';
import { makeRawDocument } from '../../ingest/raw.js';
import type { IngestItem } from '../../ingest/files.js';
import { analyze } from '../../pipeline/analyze.js';
import { openStore } from '../../store/open.js';
import { peakRssMiB, type BenchSuite } from '../suite.js';

function baseTexts(shared: string | null): string[] {
  const dir = shared ? resolve(shared, 'corpus/seeds') : null;
  const folder = dir && existsSync(dir) ? dir : resolve(process.cwd(), 'examples/sample');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(resolve(folder, f), 'utf8'));
}

export const pipelineBench: BenchSuite = {
  name: 'pipeline',
  async run(shared) {
    const texts = baseTexts(shared);
    const lines: string[] = ['  articles  seconds  articles/s  peak RSS MiB'];
    for (const n of [1000, 5000]) {
      const items: IngestItem[] = [];
      for (let i = 0; i < n; i++) {
        const base = texts[i % texts.length]!;
        const day = String(1 + (i % 28)).padStart(2, '0');
        // A unique marker sentence keeps every generated article distinct.
        const body = `${base}\n\nBench note ${i}: generated variant ${i} for day ${day}.`;
        items.push({ ok: true, doc: makeRawDocument({ source: `bench/${i}.txt`, body, bodyFormat: 'text', supplied: { published: `2025-${String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')}-${day}` } }) });
      }
      const store = await openStore(':memory:');
      const t0 = performance.now();
      await analyze(store, items, { config: resolveConfig() });
      const secs = (performance.now() - t0) / 1000;
      await store.close();
      lines.push(`  ${String(n).padStart(8)}  ${secs.toFixed(2).padStart(7)}  ${(n / secs).toFixed(0).padStart(10)}  ${peakRssMiB().toFixed(0).padStart(12)}`);
    }
    return lines;
  },
};
