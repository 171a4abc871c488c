// Builds the tab (vite build → dist/tab) when it is missing or older than its sources, so that
// `npm start` on a fresh clone serves the real UI without a separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const out = 'dist/tab/index.html';
const newest = (dir) => {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};
const sources = ['src/tab', 'src/domain', 'src/graph', 'manifest'].filter(existsSync);
const stale = !existsSync(out) || sources.some((d) => newest(d) > statSync(out).mtimeMs) || statSync('vite.config.ts').mtimeMs > statSync(out).mtimeMs;
if (stale) {
  console.log('Building the tab (vite build)…');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
