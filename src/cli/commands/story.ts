/** `dossier story ID`: one story with its sources and what later stages add. */
import type { Command } from 'commander';
import { DossierError } from '../../errors.js';
import { EXIT } from '../exit-codes.js';
import { formatStory, storyJson } from '../format.js';
import type { GlobalFlags } from '../options.js';
import { configOption, dbOption, out, withStore, type JsonFlag } from '../shared.js';

interface Flags extends GlobalFlags, JsonFlag {
  readonly why?: boolean;
}

/** Adds the command to the program. */
export function register(program: Command): void {
  program
    .command('story')
    .description('show one story: sources, agencies and what later stages add')
    .argument('<id>', 'story id (from `dossier stories`)')
    .addOption(dbOption())
    .addOption(configOption())
    .option('--json', 'print JSON')
    .option('--why', 'show the clustering scores that placed each article')
    .action(async (id: string, flags: Flags) => {
      process.exitCode = await withStore(flags, async (store) => {
        const story = await store.getStory(id);
        if (!story) throw new DossierError('store:not-found', `story ${id}: no such story in the store (see \`dossier stories\`)`);
        out(flags.json ? JSON.stringify(storyJson(story), null, 2) : formatStory(story, !!flags.why));
        return EXIT.ok;
      });
    });
}
