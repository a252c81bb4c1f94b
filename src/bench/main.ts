/**
 * `npm run bench`: speed and memory figures. Each suite prints its own table;
 * `npm run bench -- NAME...` runs only the named suites. Benchmarks measure, they do not gate.
 */
import { sharedDir } from '../eval/suite.js';
import type { BenchSuite } from './suite.js';
import { apiBench } from './suites/api.js';
import { extractionBench } from './suites/extraction.js';
import { clusteringBench } from './suites/clustering.js';
import { annotateBench } from './suites/annotate.js';
import { pipelineBench } from './suites/pipeline.js';
import { compareBench } from './suites/compare.js';
import { throughputBench } from './suites/throughput.js';
import { growthBench } from './suites/growth.js';

/** Every benchmark suite. */
const SUITES: readonly BenchSuite[] = [extractionBench, pipelineBench, apiBench, throughputBench, growthBench, clusteringBench, compareBench, annotateBench];

const wanted = process.argv.slice(2);
const shared = sharedDir();
process.stdout.write(`dossier bench · node ${process.version} · ${process.platform}/${process.arch}\n`);
for (const suite of wanted.length ? SUITES.filter((s) => wanted.includes(s.name)) : SUITES) {
  process.stdout.write(`\n## ${suite.name}\n`);
  for (const line of await suite.run(shared)) process.stdout.write(`${line}\n`);
}
