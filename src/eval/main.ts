/**
 * `npm run eval`: runs every suite, prints a table, exits non-zero when a pinned minimum is
 * missed. `npm run eval -- NAME...` runs only the named suites.
 */
import { sharedDir, type EvalSuite, type Metric } from './suite.js';
import { extractionSuite } from './suites/extraction.js';
import { clusteringSuite } from './suites/clustering.js';
import { entitiesSuite } from './suites/entities.js';
import { seedsSuite } from './suites/seeds.js';
import { comparisonSuite } from './suites/comparison.js';

/** Every suite, in the order of the pipeline. */
const SUITES: readonly EvalSuite[] = [extractionSuite, seedsSuite, entitiesSuite, clusteringSuite, comparisonSuite];

async function main(): Promise<number> {
  const shared = sharedDir();
  if (!shared) {
    process.stdout.write('eval: no ../shared folder (or $DOSSIER_SHARED) with bench data; nothing to evaluate.\n');
    return 0;
  }
  const wanted = process.argv.slice(2);
  const suites = wanted.length ? SUITES.filter((s) => wanted.includes(s.name)) : SUITES;
  const failures: string[] = [];
  for (const suite of suites) {
    const started = performance.now();
    process.stdout.write(`\n## ${suite.name}\n`);
    try {
      const result = await suite.run(shared);
      for (const line of result.notes ?? []) process.stdout.write(`${line}\n`);
      for (const m of result.metrics) {
        process.stdout.write(`${formatMetric(m)}\n`);
        if (m.min !== undefined && !(m.value >= m.min)) failures.push(`${suite.name}: ${m.name} ${m.value.toFixed(4)} < ${m.min}`);
      }
    } catch (err) {
      failures.push(`${suite.name}: failed to run (${(err as Error).message})`);
      process.stdout.write(`  error: ${(err as Error).stack}\n`);
    }
    process.stdout.write(`  (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  process.stdout.write(`\n${failures.length ? `EVAL GATE FAILED:\n  ${failures.join('\n  ')}` : 'eval gate passed'}\n`);
  return failures.length ? 1 : 0;
}

function formatMetric(m: Metric): string {
  const gate = m.min === undefined ? '(reported)' : m.value >= m.min ? `≥ ${m.min} ok` : `< ${m.min} FAIL`;
  return `  ${m.name.padEnd(48)} ${m.value.toFixed(4).padStart(8)}  ${gate}`;
}

process.exitCode = await main();
