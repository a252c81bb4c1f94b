/** What every CLI command shares: output, store opening and the common options. */
import { Option } from 'commander';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { loadConfig, type GlobalFlags } from './options.js';

/** `--json` */
export interface JsonFlag {
  readonly json?: boolean;
}

/** Writes one line (or block) to stdout. */
export function out(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
}

/** Opens the configured store for the duration of `fn`. */
export async function withStore<T>(flags: GlobalFlags, fn: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig(flags);
  const store = await openStore(config.db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** `--db FILE` */
export const dbOption = (): Option => new Option('--db <file>', 'store location: SQLite file (default ./dossier.db, or $DOSSIER_DB)');
/** `--config FILE` */
export const configOption = (): Option => new Option('--config <file>', 'JSON configuration file (see docs/cli.md)');
