import { defineConfig } from 'vitest/config';

// Browser tests: a real Chromium against the real server + emulator + demo data. The global
// setup builds the tab and starts the server once; run through `npm run test:e2e`
// (scripts/run-e2e.mjs), which skips cleanly where no Chromium is installed.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One server and one dataset: scenarios run one file at a time, so their writes do not race.
    fileParallelism: false,
  },
});
