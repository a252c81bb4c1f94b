/** `dossier serve`: the JSON API and the web UI over one store. */
import { Option, type Command } from 'commander';
import { DossierError } from '../../errors.js';
import { isLoopbackHost } from '../../serve/security.js';
import { startServer } from '../../serve/server.js';
import { openStore } from '../../store/open.js';
import { EXIT } from '../exit-codes.js';
import { loadConfig, type GlobalFlags } from '../options.js';
import { configOption, dbOption, out } from '../shared.js';

interface Flags extends GlobalFlags {
  readonly port: string;
  readonly host: string;
  readonly token?: string;
}

/** Adds the command to the program. */
export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the web UI and the JSON API (see /api/openapi.json) over the store')
    .addOption(dbOption())
    .addOption(configOption())
    .option('--port <port>', 'port to listen on (0 picks a free one)', '8080')
    .option('--host <address>', 'address to listen on; beyond 127.0.0.1 writes need --token', '127.0.0.1')
    .addOption(new Option('--token <token>', 'bearer token that uploads, merges and splits need (or $DOSSIER_TOKEN)'))
    .action(async (flags: Flags) => {
      process.exitCode = await runServe(flags);
    });
}

async function runServe(flags: Flags): Promise<number> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DossierError('usage:invalid', `--port: expected a port number 0–65535, found "${flags.port}"`);
  const token = flags.token ?? process.env['DOSSIER_TOKEN'] ?? null;
  if (token !== null && token.length < 16) throw new DossierError('usage:invalid', `--token: expected at least 16 characters, found ${token.length}`);
  const config = loadConfig(flags);
  const store = await openStore(config.db);
  let server;
  try {
    server = await startServer({ store, config, host: flags.host, port, token });
  } catch (err) {
    await store.close();
    throw err;
  }
  const stats = await store.stats();
  out(`Dossier is serving ${config.db} (${stats.stories} stories, ${stats.articles} articles) at ${server.url}/`);
  if (!isLoopbackHost(flags.host)) out(token ? 'Writes need the token (Authorization: Bearer …).' : 'Read-only: listening beyond 127.0.0.1 without --token, so uploads are refused.');
  out('Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  await store.close();
  return EXIT.ok;
}
