#!/usr/bin/env node
// Runs the browser (e2e) suite when Chromium is installed. In CI (CI=true) Chromium must exist;
// elsewhere a machine without it still passes `npm test`, but says so in a box on stderr that
// nobody scrolling past the output can miss: the browser tests did NOT run.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ci = process.env.CI === 'true' || process.env.CI === '1';

/** Lines in a box of '!' on stderr, with blank lines around it. */
function warnBoxed(lines) {
  const width = Math.max(...lines.map((l) => l.length));
  const edge = '!'.repeat(width + 8);
  const body = lines.map((l) => `!!  ${l.padEnd(width)}  !!`);
  console.error(['', edge, ...body, edge, ''].join('\n'));
}

if (!existsSync(chromium)) {
  if (ci) {
    console.error(`e2e: ${chromium} not found, and CI=true requires it (apt-get install -y chromium)`);
    process.exit(1);
  }
  warnBoxed([
    'WARNING: the browser (e2e) tests did NOT run.',
    `No Chromium at ${chromium}.`,
    'Install Debian\'s chromium (apt-get install -y chromium), or set CHROMIUM_PATH,',
    'and run `npm run test:e2e`. Under CI=true this is a failure.',
  ]);
  process.exit(0);
}

const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
