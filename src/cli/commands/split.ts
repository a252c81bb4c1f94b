/** `dossier split STORY ARTICLE...`: articles that report another event; the split is kept for later runs. */
import type { Command } from 'commander';
import { splitStory } from '../../pipeline/recluster.js';
import { EXIT } from '../exit-codes.js';
import { loadConfig, type GlobalFlags } from '../options.js';
import { configOption, dbOption, out, withStore, type JsonFlag } from '../shared.js';

/** Adds the command to the program. */
export function register(program: Command): void {
  program
    .command('split')
    .description('move articles out of a story into a new one; later clustering and `recluster` keep them apart')
    .argument('<story>', 'story id')
    .argument('<article...>', 'article ids to move out (see `dossier story ID`)')
    .addOption(dbOption())
    .addOption(configOption())
    .option('--json', 'print JSON')
    .action(async (storyId: string, articleIds: string[], flags: GlobalFlags & JsonFlag) => {
      process.exitCode = await withStore(flags, async (store) => {
        const result = await splitStory(store, loadConfig(flags), storyId, articleIds);
        out(flags.json ? JSON.stringify(result) : `Split ${result.moved} article${result.moved === 1 ? '' : 's'} out of ${storyId} into ${result.newStoryId}.`);
        return EXIT.ok;
      });
    });
}
