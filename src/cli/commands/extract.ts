/** `dossier extract FILE...`: main text and metadata of pages, no store needed. */
import type { Command } from 'commander';
import { formatExtracted } from '../format.js';
import { eachPage } from '../pages.js';
import { loadConfig, type GlobalFlags } from '../options.js';
import { configOption, out, type JsonFlag } from '../shared.js';

type Flags = GlobalFlags & JsonFlag;

/** Adds the command to the program. */
export function register(program: Command): void {
  program
    .command('extract')
    .description('print the main text and metadata of pages (no store needed)')
    .argument('<files...>', 'HTML, text, Markdown or JSON/NDJSON files or folders, optionally .gz')
    .addOption(configOption())
    .option('--json', 'print one JSON object per input (NDJSON)')
    .action(async (files: string[], flags: Flags) => {
      process.exitCode = await runExtract(files, flags);
    });
}

async function runExtract(files: string[], flags: Flags): Promise<number> {
  return eachPage(files, loadConfig(flags), flags, 'extract', (a) => {
    if (flags.json) {
      const { source, title, byline, published, publishedRule, outlet, language, url, credits, strategy, text } = a;
      const [modified, modifiedRule, section] = [a.modified ?? null, a.modifiedRule ?? null, a.section ?? null];
      out(JSON.stringify({ source, title, byline, published, publishedRule, modified, modifiedRule, outlet, language, url, section, credits, strategy, text }));
    } else {
      out(formatExtracted(a));
    }
  });
}
