import { afterAll, describe } from 'vitest';
import { storeContract } from '../contract.js';
import { openPostgresStore } from './postgres-store.js';
import { dropPgSchemas, freshPgLocation, testPgUrl } from './test-db.js';

const base = testPgUrl();
const used: string[] = [];

describe.skipIf(!base)('PostgreSQL store (DOSSIER_TEST_PG)', () => {
  storeContract('PostgreSQL', async () => {
    const location = freshPgLocation(base!);
    used.push(location);
    return openPostgresStore(location);
  });
  afterAll(async () => {
    await dropPgSchemas(base!, used);
  });
});
