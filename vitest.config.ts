import { defineConfig } from 'vitest/config';

// One runner for unit and integration tests. Browser (e2e) tests have their own config,
// vitest.e2e.config.ts, so `vitest run` stays fast and needs no Chromium.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
