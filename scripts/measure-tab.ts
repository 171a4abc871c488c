/**
 * Measures the built tab (run `npm run build` first; this script builds nothing):
 *  1. the JavaScript the first view needs, gzip bytes: the entry chunk and its static imports
 *     (the shell), plus the view's lazy chunk and its static imports, plus the Graph adapter
 *     chunk the first read loads;
 *  2. with Chromium and the real server on the demo dataset, the time from navigation until the
 *     dashboard (and My goals) show data.
 *
 *   npx tsx scripts/measure-tab.ts [--no-browser]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { printTiming, timeView } from './tab-timing';

const DIST = 'dist/tab';
type Manifest = Record<string, { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean; src?: string }>;

function readManifest(): Manifest {
  const path = join(DIST, '.vite/manifest.json');
  if (!existsSync(path)) {
    console.error(`No ${path}: build the tab first (npm run build).`);
    process.exit(2);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const raw = (file: string) => readFileSync(join(DIST, file)).length;

/** A chunk and everything it imports statically (what the browser must fetch before running it). */
function closure(m: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key) || !m[key]) return seen;
  seen.add(key);
  for (const i of m[key].imports ?? []) closure(m, i, seen);
  return seen;
}

function sizeOf(m: Manifest, keys: Iterable<string>) {
  let g = 0;
  let r = 0;
  const files: string[] = [];
  for (const k of keys) {
    const f = m[k]?.file;
    if (!f || !f.endsWith('.js')) continue;
    g += gz(f);
    r += raw(f);
    files.push(f);
  }
  return { gzip: g, raw: r, files };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

function measureBundle(): void {
  const m = readManifest();
  const entry = Object.keys(m).find((k) => m[k]?.isEntry);
  if (!entry) throw new Error('The manifest has no entry chunk');
  const shell = closure(m, entry);
  const firstView = Object.keys(m).find((k) => k.endsWith('features/dashboard/route.tsx')) ? 'features/dashboard/route.tsx' : 'features/my-goals/route.tsx';
  const views = ['features/my-goals/route.tsx', 'features/dashboard/route.tsx', 'features/check-in/route.tsx'].filter((k) => m[k]);
  const graph = Object.keys(m).find((k) => /(^|\/)graph\/(browser|index)\.ts$/.test(k));

  const s = sizeOf(m, shell);
  console.log('Initial JavaScript (gzip, level 9)');
  console.log(`  shell  entry + static imports            ${kb(s.gzip).padStart(10)}  (${kb(s.raw)} raw, ${s.files.length} files)`);
  for (const v of views) {
    const withView = closure(m, v, new Set(shell));
    if (graph) closure(m, graph, withView);
    const total = sizeOf(m, withView);
    const own = sizeOf(m, [...withView].filter((k) => !shell.has(k)));
    const mark = v === firstView ? ' ← first view' : '';
    // Its own lazy parts (charts), which main.tsx preloads with it: on the wire at start, not in the first render.
    const lazy = new Set<string>();
    for (const d of m[v]?.dynamicImports ?? []) closure(m, d, lazy);
    const lazyOwn = sizeOf(m, [...lazy].filter((k) => !withView.has(k)));
    const lazyNote = lazyOwn.gzip > 0 ? `, + ${kb(lazyOwn.gzip)} lazy parts preloaded alongside` : '';
    console.log(`  ${v.replace('features/', '').replace('/route.tsx', '').padEnd(10)} shell + view + Graph adapter ${kb(total.gzip).padStart(10)}  (view adds ${kb(own.gzip)}${lazyNote})${mark}`);
  }
}

async function measureBrowser(): Promise<void> {
  const { hasChromium, launchBrowser, newContext } = await import('../tests/e2e/support/browser');
  if (!hasChromium()) {
    console.log('Time to data: skipped (no chromium at /usr/bin/chromium)');
    return;
  }
  const { startE2eServer } = await import('../tests/e2e/support/server');
  const server = await startE2eServer();
  const browser = await launchBrowser();
  try {
    const users = (await (await fetch(`${server.url}/local/users`)).json()) as { id: string; upn: string; name: string; roles: string[] }[];
    const member = users.find((u) => u.id.endsWith('04')) ?? users[0]!;
    const leader = users.find((u) => u.roles.includes('leader')) ?? users[0]!;
    const hasDashboard = existsSync(join(DIST, '.vite/manifest.json')) && 'features/dashboard/route.tsx' in readManifest();
    const time = async (label: string, user: typeof member, path: string, ready: string) =>
      printTiming(label, await timeView({ browser, newContext, baseUrl: server.url, user, path, ready }));

    console.log('Time from navigation to data on screen (demo dataset, local server, headless Chromium; ratios, not absolute times)');
    if (hasDashboard) await time('dashboard (leader)', leader, '/dashboard', 'main [data-goal-key], main table, main [role="grid"]');
    else console.log('  dashboard: not in this build');
    await time('My goals (group member)', member, '/', 'main article[data-goal-key]');
  } finally {
    await browser.close();
    await server.close();
  }
}

measureBundle();
if (!process.argv.includes('--no-browser')) await measureBrowser();
