/** `dossier merge STORY STORY...`: one event shown as several stories; the merge is kept for later runs. */
import type { Command } from 'commander';
import { mergeStories } from '../../pipeline/recluster.js';
import { EXIT } from '../exit-codes.js';
import { loadConfig, type GlobalFlags } from '../options.js';
import { configOption, dbOption, out, withStore, type JsonFlag } from '../shared.js';

/** Adds the command to the program. */
export function register(program: Command): void {
  program
    .command('merge')
    .description('merge stories into the first one; later clustering and `recluster` keep them together')
    .argument('<story>', 'story that stays')
    .argument('<other...>', 'stories whose articles move into it')
    .addOption(dbOption())
    .addOption(configOption())
    .option('--json', 'print JSON')
    .action(async (into: string, others: string[], flags: GlobalFlags & JsonFlag) => {
      process.exitCode = await withStore(flags, async (store) => {
        const result = await mergeStories(store, loadConfig(flags), into, others);
        out(flags.json ? JSON.stringify({ storyId: into, ...result }) : `Merged ${others.join(', ')} into ${into}: ${result.moved} article${result.moved === 1 ? '' : 's'} moved, ${result.articles} in the story.`);
        return EXIT.ok;
      });
    });
}
