/**
 * Configuration from the command line: a config file (`--config FILE`, JSON), then the
 * environment (`DOSSIER_DB`), then flags, each overriding the one before, onto the defaults.
 */
import { readFileSync } from 'node:fs';
import { resolveConfig, type ConfigOverrides, type DossierConfig } from '../config.js';
import { DossierError } from '../errors.js';

/** Global flags every command accepts. */
export interface GlobalFlags {
  readonly db?: string;
  readonly config?: string;
}

/** Builds the configuration for one command invocation. */
export function loadConfig(flags: GlobalFlags, env: NodeJS.ProcessEnv = process.env): DossierConfig {
  let fromFile: ConfigOverrides = {};
  if (flags.config) {
    let text: string;
    try {
      text = readFileSync(flags.config, 'utf8');
    } catch (err) {
      throw new DossierError('config:invalid', `config file ${flags.config}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      fromFile = parsed as ConfigOverrides;
    } catch (err) {
      throw new DossierError('config:invalid', `config file ${flags.config}: expected a JSON object, found ${(err as Error).message}`);
    }
  }
  const db = flags.db ?? env['DOSSIER_DB'] ?? fromFile.db;
  return resolveConfig({ ...fromFile, ...(db ? { db } : {}) });
}
