/** `dossier stories`: list stories, newest first. */
import type { Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import { formatStoryList } from '../format.js';
import type { GlobalFlags } from '../options.js';
import { configOption, dbOption, out, withStore, type JsonFlag } from '../shared.js';
import { positiveInt } from '../parse.js';

interface Flags extends GlobalFlags, JsonFlag {
  readonly limit?: number;
}

/** Adds the command to the program. */
export function register(program: Command): void {
  program
    .command('stories')
    .description('list stories, newest first')
    .addOption(dbOption())
    .addOption(configOption())
    .option('--json', 'print JSON')
    .option('--limit <n>', 'at most this many stories', positiveInt('--limit'))
    .action(async (flags: Flags) => {
      process.exitCode = await withStore(flags, async (store) => {
        const stories = await store.listStories(flags.limit ? { limit: flags.limit } : {});
        if (flags.json) out(JSON.stringify(stories, null, 2));
        else out(stories.length ? formatStoryList(stories).join('\n') : 'No stories yet: run `dossier analyze PATH` first.');
        return EXIT.ok;
      });
    });
}
