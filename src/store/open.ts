/**
 * Opens the store a location names. One place decides which implementation serves which
 * location, so the CLI and the HTTP server never branch on it.
 */
import { DossierError } from '../errors.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** Opens a store: a file path (or `:memory:`) for SQLite. */
export async function openStore(location: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new DossierError('config:invalid', `store location: expected a SQLite file path, found a PostgreSQL URL (PostgreSQL support is not built yet)`);
  }
  return openSqliteStore(location);
}
