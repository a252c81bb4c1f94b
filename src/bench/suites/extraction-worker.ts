/**
 * One system's extraction timing in a process of its own, so its peak memory (max RSS) is its
 * own: `node extraction-worker.js dossier|readability SHARED PASSES`. Prints one JSON line.
 */
import { dossierText, loadExtractionPages, readabilityText } from '../../eval/suites/extraction.js';

const [system, shared, passesArg] = process.argv.slice(2);
const run = system === 'dossier' ? dossierText : system === 'readability' ? readabilityText : null;
if (!run || !shared) {
  process.stderr.write(`expected "dossier|readability SHARED [PASSES]", found "${process.argv.slice(2).join(' ')}"\n`);
  process.exit(2);
}
const pages = loadExtractionPages(shared);
const passes = Number(passesArg ?? 3);
for (const p of pages.slice(0, 10)) run(p); // warm-up: JIT and lazy module state
const t0 = performance.now();
for (let pass = 0; pass < passes; pass++) for (const p of pages) run(p);
const secs = (performance.now() - t0) / 1000;
process.stdout.write(`${JSON.stringify({ pages: pages.length * passes, seconds: secs, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
