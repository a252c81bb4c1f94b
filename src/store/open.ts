/**
 * Opens the store a location names. One place decides which implementation serves which
 * location, so the CLI and the HTTP server never branch on it.
 */
import { openPostgresStore } from './postgres/postgres-store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** Opens a store: `postgres://…` (or `postgresql://…`) for PostgreSQL, else a SQLite file path (or `:memory:`). */
export async function openStore(location: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) return openPostgresStore(location);
  return openSqliteStore(location);
}
