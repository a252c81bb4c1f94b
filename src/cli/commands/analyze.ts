/** `dossier analyze PATH...`: ingest and process into the store. */
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { DossierError } from '../../errors.js';
import { checkPaths, readInputs } from '../../ingest/files.js';
import { analyze, type AnalyzeProgress } from '../../pipeline/analyze.js';
import { openStore } from '../../store/open.js';
import { EXIT } from '../exit-codes.js';
import { formatAnalyzeSummary } from '../format.js';
import { loadConfig, type GlobalFlags } from '../options.js';
import { configOption, dbOption, out, type JsonFlag } from '../shared.js';

interface Flags extends GlobalFlags, JsonFlag {
  readonly strict?: boolean;
  readonly quiet?: boolean;
  readonly workers?: string;
}

/** Adds the command to the program. */
export function register(program: Command): void {
  program
    .command('analyze')
    .description('ingest files and folders and process them into the store')
    .argument('<paths...>', 'files or folders (.html .htm .txt .md .json .ndjson, optionally .gz)')
    .addOption(dbOption())
    .addOption(configOption())
    .option('--json', 'print the run summary as JSON')
    .option('--strict', 'exit with code 6 when any input was rejected')
    .option('--quiet', 'no progress display')
    .option('--workers <n>', 'worker threads for extract and annotate: a number, 0 for none, or auto', 'auto')
    .action(async (paths: string[], flags: Flags) => {
      process.exitCode = await runAnalyze(paths, flags);
    });
}

async function runAnalyze(paths: string[], flags: Flags): Promise<number> {
  await checkPaths(paths);
  const config = loadConfig(flags);
  const store = await openStore(config.db);
  // Progress only on a terminal: logs and pipes get the summary alone.
  const bar =
    !flags.quiet && !flags.json && process.stderr.isTTY
      ? new SingleBar({ format: 'analyzing {bar} {value} inputs  {source}', stream: process.stderr, clearOnComplete: true }, Presets.shades_classic)
      : null;
  try {
    bar?.start(0, 0, { source: '' });
    const onProgress = (p: AnalyzeProgress): void => {
      bar?.setTotal(p.done);
      bar?.update(p.done, { source: p.source.length > 50 ? `…${p.source.slice(-49)}` : p.source });
    };
    const summary = await analyze(store, readInputs(paths), { config, onProgress, workers: parseWorkers(flags.workers) });
    bar?.stop();
    const stats = await store.stats();
    if (flags.json) {
      out(JSON.stringify({ ...summary, store: stats }, null, 2));
    } else {
      const touched = new Set(summary.storiesTouched);
      const stories = (await store.listStories()).filter((s) => touched.has(s.id));
      out(formatAnalyzeSummary(summary, stats, stories));
    }
    return flags.strict && summary.rejected > 0 ? EXIT.partial : EXIT.ok;
  } finally {
    bar?.stop();
    await store.close();
  }
}

/** `--workers`: `auto` or a whole number ≥ 0. */
function parseWorkers(value: string | undefined): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new DossierError('usage:invalid', `--workers: expected auto or a whole number ≥ 0, found "${value}"`);
  return n;
}
