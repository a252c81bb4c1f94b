/** `dossier recluster`: rebuild all stories in one order-independent pass, keeping user corrections. */
import type { Command } from 'commander';
import { recluster } from '../../pipeline/recluster.js';
import { EXIT } from '../exit-codes.js';
import { loadConfig, type GlobalFlags } from '../options.js';
import { configOption, dbOption, out, withStore, type JsonFlag } from '../shared.js';

/** Adds the command to the program. */
export function register(program: Command): void {
  program
    .command('recluster')
    .description('rebuild all stories in one batch pass (independent of arrival order); merges and splits are kept')
    .addOption(dbOption())
    .addOption(configOption())
    .option('--json', 'print JSON')
    .action(async (flags: GlobalFlags & JsonFlag) => {
      process.exitCode = await withStore(flags, async (store) => {
        const result = await recluster(store, loadConfig(flags));
        out(flags.json ? JSON.stringify(result) : `Reclustered ${result.articles} articles into ${result.stories} stories (${result.moved} changed story).`);
        return EXIT.ok;
      });
    });
}
