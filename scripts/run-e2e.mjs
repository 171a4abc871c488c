#!/usr/bin/env node
// Runs the browser (e2e) suite when Chromium is installed. In CI (CI=true) Chromium must exist;
// elsewhere a machine without it skips with a clear line instead of failing `npm test`.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ci = process.env.CI === 'true' || process.env.CI === '1';

if (!existsSync(chromium)) {
  if (ci) {
    console.error(`e2e: ${chromium} not found, and CI=true requires it (apt-get install -y chromium)`);
    process.exit(1);
  }
  console.log(`e2e skipped: no chromium at ${chromium} (install Debian's chromium to run the browser tests)`);
  process.exit(0);
}

const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
