import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // better-sqlite3 is a native addon: forks isolate it more predictably than threads.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
