/** `dossier search QUERY`: full-text search over stored articles, with the story of each hit. */
import type { Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import type { GlobalFlags } from '../options.js';
import { positiveInt } from '../parse.js';
import { configOption, dbOption, out, withStore, type JsonFlag } from '../shared.js';

interface Flags extends GlobalFlags, JsonFlag {
  readonly limit?: number;
}

/** Adds the command to the program. */
export function register(program: Command): void {
  program
    .command('search')
    .description('full-text search over article titles and text (diacritics-insensitive)')
    .argument('<words...>', 'words that must all occur')
    .addOption(dbOption())
    .addOption(configOption())
    .option('--json', 'print JSON: [{articleId, storyId, title, source, snippet}]')
    .option('--limit <n>', 'at most this many hits (default 20)', positiveInt('--limit'))
    .action(async (words: string[], flags: Flags) => {
      process.exitCode = await withStore(flags, async (store) => {
        const hits = await store.search(words.join(' '), flags.limit ?? 20);
        if (flags.json) {
          out(JSON.stringify(hits, null, 2));
        } else if (hits.length === 0) {
          out(`No article matches "${words.join(' ')}".`);
        } else {
          for (const h of hits) out(`${h.storyId ?? '(no story)'}  ${h.title ?? h.source}\n  ${h.snippet.replace(/\s+/g, ' ')}`);
        }
        return EXIT.ok;
      });
    });
}
