/**
 * The store-less commands (`extract`, `annotate`) read pages the same way: every file under the
 * given paths, boilerplate learned from them together (as `analyze` learns it per batch), and
 * one output per input, with a failed input reported on its own line and the others printed.
 */
import type { DossierConfig } from '../config.js';
import { Messages } from '../diagnostics.js';
import { DossierError } from '../errors.js';
import { learnBoilerplate } from '../extract/boilerplate.js';
import { extractArticle } from '../extract/index.js';
import { checkPaths, readFileItems, walkFiles, type IngestItem } from '../ingest/files.js';
import type { ExtractedArticle } from '../model.js';
import { EXIT } from './exit-codes.js';
import { out, type JsonFlag } from './shared.js';

/**
 * Extracts every page under `paths` and hands each article to `print`; returns the exit code
 * (6 when some inputs failed). `stage` names the failing stage in error codes.
 */
export async function eachPage(
  paths: readonly string[],
  config: DossierConfig,
  flags: JsonFlag,
  stage: string,
  print: (article: ExtractedArticle) => void,
): Promise<number> {
  await checkPaths(paths);
  const items: IngestItem[] = [];
  for await (const file of walkFiles(paths)) for await (const item of readFileItems(file)) items.push(item);
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
      print(extractArticle(item.doc, { config: config.extract, boilerplate, messages: new Messages() }));
    } catch (err) {
      failed++;
      report(item.doc.source, err instanceof DossierError ? err.code : `${stage}:failed`, (err as Error).message, flags);
    }
  }
  // Some inputs failed: the rest was printed, and the exit code says not everything was.
  return failed > 0 ? EXIT.partial : EXIT.ok;
}

function report(source: string, code: string, message: string, flags: JsonFlag): void {
  if (flags.json) out(JSON.stringify({ source, error: { code, message } }));
  process.stderr.write(`dossier: ${message} [${code}]\n`);
}
