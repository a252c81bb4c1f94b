/**
 * Adds a golden HTML case: `npm run build && node dist/extract/add-fixture.js NAME PAGE.html`
 * copies the page's bytes to `src/extract/fixtures/html/NAME/source.html` and writes what
 * Dossier extracts today to `expected.json`, printing it. Read it and correct it by hand to
 * what a careful reader would keep before committing: the file is the specification, not a
 * snapshot. Pages must be written by us (invented events), never copied from real sites.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveConfig } from '../config.js';
import { Messages } from '../diagnostics.js';
import { isDossierError } from '../errors.js';
import { itemsFromBytes } from '../ingest/files.js';
import { NO_BOILERPLATE } from './boilerplate.js';
import { extractArticle } from './index.js';

/** What a golden case expects: the article fields it pins, or the error code it must give. */
export interface GoldenExpectation {
  readonly error?: string;
  readonly [field: string]: unknown;
}

/** Runs the same path the golden test runs: ingest bytes as `.html`, then extract. */
export function extractFixture(name: string, bytes: Uint8Array): GoldenExpectation {
  const [item] = [...itemsFromBytes(`${name}/source.html`, 'html', bytes)];
  if (!item) return { error: 'none' };
  if (!item.ok) return { error: item.failure.code };
  try {
    const a = extractArticle(item.doc, { config: resolveConfig().extract, boilerplate: NO_BOILERPLATE, messages: new Messages() });
    return {
      title: a.title, byline: a.byline, published: a.published, publishedRule: a.publishedRule, modified: a.modified ?? null,
      modifiedRule: a.modifiedRule ?? null, outlet: a.outlet, language: a.language, url: a.url, section: a.section ?? null,
      credits: a.credits, strategy: a.strategy, text: a.text,
    };
  } catch (err) {
    if (isDossierError(err)) return { error: err.code };
    throw err;
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]).endsWith('add-fixture.js');
if (isMain) {
  const [name, page] = process.argv.slice(2);
  if (!name || !page || !/^[a-z0-9-]+$/.test(name)) {
    process.stderr.write('usage: node dist/extract/add-fixture.js NAME PAGE.html   (NAME: lower-case words joined by -)\n');
    process.exit(2);
  }
  const dir = resolve(process.cwd(), 'src/extract/fixtures/html', name);
  mkdirSync(dir, { recursive: true });
  const bytes = readFileSync(page);
  writeFileSync(resolve(dir, 'source.html'), bytes);
  const expected = extractFixture(name, bytes);
  writeFileSync(resolve(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(expected, null, 2)}\nwrote ${dir}; review expected.json by hand before committing\n`);
}
