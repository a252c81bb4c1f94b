/**
 * Test helpers for PostgreSQL: `DOSSIER_TEST_PG` names a server (a postgres:// URL, set by
 * `.ci/run`); each test store lives in a schema of its own, dropped when the tests end.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The test server URL, or null when none is configured (the PostgreSQL tests then skip). */
export function testPgUrl(): string | null {
  return process.env['DOSSIER_TEST_PG'] || null;
}

/** A location for a fresh store in a new schema of the test server. */
export function freshPgLocation(base: string): string {
  const url = new URL(base);
  url.searchParams.set('schema', `dossier_t_${randomBytes(6).toString('hex')}`);
  return url.toString();
}

/** Drops the schemas of the given locations. */
export async function dropPgSchemas(base: string, locations: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    for (const loc of locations) {
      const schema = new URL(loc).searchParams.get('schema');
      if (schema && /^dossier_t_[0-9a-f]+$/.test(schema)) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
  } finally {
    await client.end();
  }
}
