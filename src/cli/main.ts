#!/usr/bin/env node
/**
 * The `dossier` command line. Commands parse flags, call the library, and print; errors are
 * mapped to exit codes in one place (`exit-codes.ts`).
 */
import { Command, CommanderError, Option } from 'commander';
import { runAnalyze, runExtract, runStories, runStory } from './commands.js';
import { EXIT, exitCodeFor } from './exit-codes.js';

const program = new Command();

program
  .name('dossier')
  .description('Sourced story dossiers from articles of many outlets')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

const dbOption = (): Option => new Option('--db <file>', 'SQLite file of the store (default ./dossier.db, or $DOSSIER_DB)');
const configOption = (): Option => new Option('--config <file>', 'JSON configuration file');

program
  .command('analyze')
  .description('ingest files and folders and process them into the store')
  .argument('<paths...>', 'files or folders (.html .htm .txt .md .json .ndjson, optionally .gz)')
  .addOption(dbOption())
  .addOption(configOption())
  .option('--json', 'print the run summary as JSON')
  .option('--strict', 'exit with code 6 when any input was rejected')
  .option('--quiet', 'no progress display')
  .action(async (paths: string[], opts) => {
    process.exitCode = await runAnalyze(paths, opts);
  });

program
  .command('stories')
  .description('list stories, newest first')
  .addOption(dbOption())
  .addOption(configOption())
  .option('--json', 'print JSON')
  .option('--limit <n>', 'at most this many stories', (v) => parsePositive(v, '--limit'))
  .action(async (opts) => {
    process.exitCode = await runStories(opts);
  });

program
  .command('story')
  .description('show one story: sources, agencies and what later stages add')
  .argument('<id>', 'story id (from `dossier stories`)')
  .addOption(dbOption())
  .addOption(configOption())
  .option('--json', 'print JSON')
  .option('--why', 'show the clustering scores that placed each article')
  .action(async (id: string, opts) => {
    process.exitCode = await runStory(id, opts);
  });

program
  .command('extract')
  .description('print the main text and metadata of pages (no store needed)')
  .argument('<files...>', 'HTML, text, Markdown or JSON/NDJSON files, optionally .gz')
  .addOption(configOption())
  .option('--json', 'print one JSON object per input (NDJSON)')
  .action(async (files: string[], opts) => {
    process.exitCode = await runExtract(files, opts);
  });

function parsePositive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CommanderError(EXIT.usage, 'dossier.invalidArgument', `${flag}: expected a positive integer, found "${value}"`);
  return n;
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and version are successes; everything else commander reports is a usage error.
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    const code = exitCodeFor(err);
    process.stderr.write(`dossier: ${(err as Error).message}\n`);
    if (code === EXIT.internal && process.env['DOSSIER_DEBUG']) process.stderr.write(`${(err as Error).stack}\n`);
    process.exitCode = code;
  }
}
