/** `dossier extract FILE...`: main text and metadata of pages, no store needed. */
import type { Command } from 'commander';
import { Messages } from '../../diagnostics.js';
import { DossierError } from '../../errors.js';
import { learnBoilerplate } from '../../extract/boilerplate.js';
import { extractArticle } from '../../extract/index.js';
import { checkPaths, readFileItems, walkFiles, type IngestItem } from '../../ingest/files.js';
import { EXIT } from '../exit-codes.js';
import { formatExtracted } from '../format.js';
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

/** Boilerplate is learned from the files given together, as `analyze` learns it per batch. */
async function runExtract(files: string[], flags: Flags): Promise<number> {
  await checkPaths(files);
  const config = loadConfig(flags);
  const items: IngestItem[] = [];
  for await (const file of walkFiles(files)) for await (const item of readFileItems(file)) items.push(item);
  const docs = items.flatMap((i) => (i.ok ? [i.doc] : []));
  const boilerplate = learnBoilerplate(docs.filter((d) => d.bodyFormat !== 'html'), config.boilerplate);
  let failed = 0;
  for (const item of items) {
    if (!item.ok) {
      failed++;
      report(item.failure.source, item.failure.code, item.failure.message, flags);
      continue;
    }
    try {
      const a = extractArticle(item.doc, { config: config.extract, boilerplate, messages: new Messages() });
      if (flags.json) {
        const { source, title, byline, published, publishedRule, outlet, language, url, credits, strategy, text } = a;
        const [modified, modifiedRule, section] = [a.modified ?? null, a.modifiedRule ?? null, a.section ?? null];
        out(JSON.stringify({ source, title, byline, published, publishedRule, modified, modifiedRule, outlet, language, url, section, credits, strategy, text }));
      } else {
        out(formatExtracted(a));
      }
    } catch (err) {
      failed++;
      report(item.doc.source, err instanceof DossierError ? err.code : 'extract:failed', (err as Error).message, flags);
    }
  }
  // Some inputs failed: the rest was printed, and the exit code says not everything was.
  return failed > 0 ? EXIT.partial : EXIT.ok;
}

function report(source: string, code: string, message: string, flags: JsonFlag): void {
  if (flags.json) out(JSON.stringify({ source, error: { code, message } }));
  process.stderr.write(`dossier: ${message} [${code}]\n`);
}
