/**
 * The CLI commands: each reads its flags, calls the library and prints. They return the exit
 * code; thrown {@link DossierError}s are mapped by `main.ts`.
 */
import { SingleBar, Presets } from 'cli-progress';
import { Messages } from '../diagnostics.js';
import { DossierError } from '../errors.js';
import { learnBoilerplate } from '../extract/boilerplate.js';
import { extractArticle } from '../extract/index.js';
import { checkPaths, readInputs, walkFiles, readFileItems, type IngestItem } from '../ingest/files.js';
import { analyze, type AnalyzeProgress } from '../pipeline/analyze.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { EXIT } from './exit-codes.js';
import { formatAnalyzeSummary, formatExtracted, formatStory, formatStoryList } from './format.js';
import { loadConfig, type GlobalFlags } from './options.js';

interface JsonFlag {
  readonly json?: boolean;
}

const out = (s: string): void => {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
};

async function withStore<T>(flags: GlobalFlags, fn: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig(flags);
  const store = await openStore(config.db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** `dossier analyze PATH...` */
export async function runAnalyze(paths: string[], flags: GlobalFlags & JsonFlag & { strict?: boolean; quiet?: boolean }): Promise<number> {
  await checkPaths(paths);
  const config = loadConfig(flags);
  const store = await openStore(config.db);
  const bar = !flags.quiet && !flags.json && process.stderr.isTTY ? new SingleBar({ format: 'analyzing {bar} {value} inputs  {source}', stream: process.stderr, clearOnComplete: true }, Presets.shades_classic) : null;
  try {
    bar?.start(0, 0, { source: '' });
    const onProgress = (p: AnalyzeProgress): void => {
      bar?.setTotal(p.done);
      bar?.update(p.done, { source: p.source.length > 50 ? `…${p.source.slice(-49)}` : p.source });
    };
    const summary = await analyze(store, readInputs(paths), { config, onProgress });
    bar?.stop();
    const stats = await store.stats();
    if (flags.json) {
      out(JSON.stringify({ ...summary, store: stats }, null, 2));
    } else {
      const stories = (await store.listStories()).filter((s) => summary.storiesTouched.includes(s.id));
      out(formatAnalyzeSummary(summary, stats, stories));
    }
    return flags.strict && summary.rejected > 0 ? EXIT.partial : EXIT.ok;
  } finally {
    bar?.stop();
    await store.close();
  }
}

/** `dossier stories` */
export async function runStories(flags: GlobalFlags & JsonFlag & { limit?: number }): Promise<number> {
  return withStore(flags, async (store) => {
    const stories = await store.listStories(flags.limit ? { limit: flags.limit } : {});
    if (flags.json) out(JSON.stringify(stories, null, 2));
    else out(stories.length ? formatStoryList(stories).join('\n') : 'No stories yet: run `dossier analyze PATH` first.');
    return EXIT.ok;
  });
}

/** `dossier story ID` */
export async function runStory(id: string, flags: GlobalFlags & JsonFlag & { why?: boolean }): Promise<number> {
  return withStore(flags, async (store) => {
    const story = await store.getStory(id);
    if (!story) throw new DossierError('store:not-found', `story ${id}: no such story in the store (see \`dossier stories\`)`);
    if (flags.json) out(JSON.stringify(story, null, 2));
    else out(formatStory(story, !!flags.why));
    return EXIT.ok;
  });
}

/** `dossier extract FILE...`: no store; boilerplate is learned from the files given together. */
export async function runExtract(files: string[], flags: GlobalFlags & JsonFlag): Promise<number> {
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
    const messages = new Messages();
    try {
      const a = extractArticle(item.doc, { config: config.extract, boilerplate, messages });
      if (flags.json) {
        const { source, title, byline, published, publishedRule, outlet, language, url, credits, strategy, text } = a;
        out(JSON.stringify({ source, title, byline, published, publishedRule, outlet, language, url, credits, strategy, text }));
      } else {
        out(formatExtracted(a));
      }
    } catch (err) {
      failed++;
      const code = err instanceof DossierError ? err.code : 'extract:failed';
      report(item.doc.source, code, (err as Error).message, flags);
    }
  }
  return failed > 0 ? EXIT.partial : EXIT.ok;
}

function report(source: string, code: string, message: string, flags: JsonFlag): void {
  if (flags.json) out(JSON.stringify({ source, error: { code, message } }));
  process.stderr.write(`dossier: ${message} [${code}]\n`);
}
