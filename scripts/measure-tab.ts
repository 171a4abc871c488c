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

/** Data requests (not JS, CSS or fonts) and how many sequential waves they came in. */
interface DataTrace {
  requests: number;
  waves: number;
  bytes: number;
  /** List items in Graph answers (`value` rows, also inside `$batch`): what a revalidation transferred. */
  items: number;
  /** What was asked, in start order (paths, list ids shortened). */
  urls: string[];
  /** Sequential waves of JavaScript requests until the data was on screen (from the HTTP cache on a revisit). */
  jsWaves: number;
}

const labelOf = (url: string) => {
  const u = new URL(url);
  return u.pathname.replace(/^\/graph\/v1\.0\/sites\/[^/]+/, 'graph:').replace(/\/lists\/[^/]+/, '/lists/…') + (u.searchParams.get('token') === 'latest' ? '?token=latest' : '');
};

/** List items in a Graph answer: its `value` rows, or those of each `$batch` response. */
function itemsIn(body: unknown): number {
  if (!body || typeof body !== 'object') return 0;
  const o = body as { value?: unknown; responses?: { body?: unknown }[] };
  if (Array.isArray(o.responses)) return o.responses.reduce((n, r) => n + itemsIn(r.body), 0);
  return Array.isArray(o.value) ? o.value.length : 0;
}

/** `TAB_BENCH_TIMELINE=1`: each data request's start (ms after navigation) and duration, to see what waits on what. */
const TIMELINE = process.env.TAB_BENCH_TIMELINE === '1';

function isData(url: string): boolean {
  const path = new URL(url).pathname;
  return path.startsWith('/graph/') || path.startsWith('/api/') || path.startsWith('/local/') || path === '/config.json';
}

/**
 * Waves: a request that starts after every earlier data request has finished depends, as far as
 * the page shows, on their answers — it opens a new wave. Requests in flight together are one wave.
 */
function wavesOf(spans: { start: number; end: number }[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let waves = 0;
  let openUntil = -Infinity;
  for (const s of sorted) {
    if (s.start >= openUntil) waves++;
    openUntil = Math.max(openUntil, s.end);
  }
  return waves;
}

/**
 * The page's own clock: milliseconds from navigation start until `ready` matches and nothing is
 * aria-busy, checked on every DOM change — without the harness's polling and process latency,
 * which the wall-clock figures include. Installed as an init script (a string: the page must not
 * see the bundler's helpers), so it runs in every document, app and static alike.
 */
const onScreenProbe = (ready: string) => `(() => {
  const check = () => {
    if (window.__dataOnScreenAt !== undefined) return;
    if (document.querySelector(${JSON.stringify(ready)}) && !document.querySelector('[aria-busy="true"]')) window.__dataOnScreenAt = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('DOMContentLoaded', check);
})();`;
const onScreenAt = (page: import('playwright-core').Page) => page.evaluate(() => Math.round((window as unknown as { __dataOnScreenAt?: number }).__dataOnScreenAt ?? NaN));

async function measureBrowser(): Promise<void> {
  const { hasChromium, launchBrowser, newContext } = await import('../tests/e2e/support/browser');
  if (!hasChromium()) {
    console.log('Time to data: skipped (no chromium at /usr/bin/chromium)');
    return;
  }
  const { createServer } = await import('node:http');
  const { startE2eServer } = await import('../tests/e2e/support/server');
  const server = await startE2eServer();
  const browser = await launchBrowser();
  // The control: the same page as static HTML (scripts removed), served by a bare HTTP server.
  let staticHtml = '';
  const control = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(staticHtml);
  });
  await new Promise<void>((ok) => control.listen(0, '127.0.0.1', ok));
  const controlUrl = `http://127.0.0.1:${(control.address() as { port: number }).port}/`;
  try {
    const users = (await (await fetch(`${server.url}/local/users`)).json()) as { id: string; upn: string; name: string; roles: string[] }[];
    const member = users.find((u) => u.id.endsWith('04')) ?? users[0];
    const leader = users.find((u) => u.roles.includes('leader')) ?? users[0];
    const hasDashboard = existsSync(join(DIST, '.vite/manifest.json')) && 'features/dashboard/route.tsx' in readManifest();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

    const time = async (label: string, user: typeof member, path: string, ready: string, runs = 5) => {
      const cold: number[] = [];
      const warm: number[] = [];
      const coldAll: number[] = [];
      const stat: number[] = [];
      const inPage = { cold: [] as number[], warm: [] as number[], stat: [] as number[] };
      let trace: DataTrace = { requests: 0, waves: 0, bytes: 0, items: 0, urls: [], jsWaves: 0 };
      let warmTrace: DataTrace = { requests: 0, waves: 0, bytes: 0, items: 0, urls: [], jsWaves: 0 };
      for (let i = 0; i < runs; i++) {
        const ctx = await newContext(browser);
        // Signed in already (as after a first visit), cold HTTP cache: what opening the tab costs.
        await ctx.addInitScript((u) => sessionStorage.setItem('tavoitteet.localUser', JSON.stringify(u)), { id: user!.id, upn: user!.upn, name: user!.name });
        await ctx.addInitScript({ content: onScreenProbe(ready) });
        const page = await ctx.newPage();
        const spans: { start: number; end: number; bytes: number; items: number; label: string }[] = [];
        const scripts: { start: number; end: number }[] = [];
        page.on('requestfinished', (req) => {
          if (req.resourceType() === 'script') {
            const t = req.timing();
            scripts.push({ start: t.startTime, end: t.startTime + t.responseEnd });
          }
          if (!isData(req.url())) return;
          const t = req.timing();
          const graph = new URL(req.url()).pathname.startsWith('/graph/');
          void Promise.all([req.sizes(), graph ? req.response().then((r) => r?.json()).catch(() => undefined) : undefined]).then(([sz, body]) =>
            spans.push({ start: t.startTime, end: t.startTime + t.responseEnd, bytes: sz.responseBodySize, items: itemsIn(body), label: labelOf(req.url()) }),
          );
        });
        const load = async (revalidated: boolean) => {
          spans.length = 0;
          scripts.length = 0;
          const t0 = Date.now();
          await page.goto(`${server.url}${path}`, { waitUntil: 'commit' });
          await page.locator(ready).first().waitFor({ timeout: 30_000 });
          await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout: 30_000 });
          const ms = Date.now() - t0;
          const pageMs = await onScreenAt(page);
          // Parts drawn near the viewport or a moment later (the trend chart below the matrix), apart.
          await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"], [data-deferred-part]').length === 0, undefined, { timeout: 30_000 });
          const allDrawnMs = Date.now() - t0;
          const jsWaves = wavesOf(scripts);
          // A view from the persisted cache revalidates after it is on screen: count those requests too.
          if (revalidated) await page.locator('[data-testid="cached-data-notice"]:empty').waitFor({ state: 'attached', timeout: 30_000 });
          await page.waitForTimeout(revalidated ? 300 : 50);
          const trace = { requests: spans.length, waves: wavesOf(spans), bytes: spans.reduce((n, s) => n + s.bytes, 0), items: spans.reduce((n, s) => n + s.items, 0), urls: [...spans].sort((a, b) => a.start - b.start).map((s) => (TIMELINE ? `${s.label} @${Math.round(s.start - t0)}+${Math.round(s.end - s.start)}` : s.label)), jsWaves };
          return { ms, pageMs, allDrawnMs, trace };
        };
        const first = await load(false);
        cold.push(first.ms);
        inPage.cold.push(first.pageMs);
        coldAll.push(first.allDrawnMs);
        trace = first.trace;
        // A warm revisit: Teams reloads the tab in the same session (HTTP cache and storage kept),
        // seconds to minutes later, not 50 ms: give the persisted cache its write (throttled to
        // 250 ms), and let the page's clock run two minutes ahead, so the board is stale by its
        // 30 s and is revalidated (plans and /api/me, fresh for 5 min, are not).
        await page.waitForTimeout(1_000);
        await page.addInitScript(() => {
          const now = Date.now.bind(Date);
          Date.now = () => now() + 120_000;
        });
        const again = await load(true);
        warm.push(again.ms);
        inPage.warm.push(again.pageMs);
        warmTrace = again.trace;
        if (i === 0) staticHtml = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<link[^>]+rel="modulepreload"[^>]*>/gi, '');
        await ctx.close();
        // The same table as static HTML, in the same browser, cold.
        const sctx = await newContext(browser);
        await sctx.addInitScript({ content: onScreenProbe(ready) });
        const sp = await sctx.newPage();
        const s0 = Date.now();
        await sp.goto(controlUrl, { waitUntil: 'commit' });
        await sp.locator(ready).first().waitFor({ timeout: 30_000 });
        stat.push(Date.now() - s0);
        inPage.stat.push(await onScreenAt(sp));
        await sctx.close();
      }
      const c = median(cold);
      const w = median(warm);
      const st = Math.max(1, median(stat));
      console.log(`  ${label}`);
      console.log(`    cold   median ${String(c).padStart(5)} ms  = ${(c / st).toFixed(1)}× static HTML   data: ${trace.requests} requests in ${trace.waves} sequential waves, ${(trace.bytes / 1024).toFixed(0)} KiB, ${trace.items} items; JS in ${trace.jsWaves} waves   (runs ${cold.join(', ')} ms)`);
      console.log(`    warm   median ${String(w).padStart(5)} ms  = ${(w / st).toFixed(1)}× static HTML   data: ${warmTrace.requests} requests in ${warmTrace.waves} sequential waves, ${(warmTrace.bytes / 1024).toFixed(0)} KiB, ${warmTrace.items} items   (runs ${warm.join(', ')} ms)`);
      if (median(coldAll) - median(cold) > 50) console.log(`    cold   median ${String(median(coldAll)).padStart(5)} ms  until the parts below the fold are drawn too (the trend chart, drawn near the viewport or 1.2 s after the view)`);
      console.log(`    cold   requests: ${trace.urls.join(' · ')}`);
      console.log(`    warm   requests: ${warmTrace.urls.join(' · ')}`);
      console.log(`    static median ${String(st).padStart(5)} ms  (the same page's HTML without scripts, runs ${stat.join(', ')} ms)`);
      const ip = { cold: median(inPage.cold), warm: median(inPage.warm), stat: Math.max(1, median(inPage.stat)) };
      console.log(
        `    in-page clock (navigation start → on screen, no harness latency): cold ${ip.cold} ms = ${(ip.cold / ip.stat).toFixed(1)}×, warm ${ip.warm} ms = ${(ip.warm / ip.stat).toFixed(1)}×, static ${ip.stat} ms   (cold runs ${inPage.cold.join(', ')}; warm ${inPage.warm.join(', ')}; static ${inPage.stat.join(', ')})`,
      );
    };

    console.log('Time from navigation to data on screen (demo dataset, local server, headless Chromium; ratios, not absolute times)');
    if (hasDashboard) await time('dashboard (leader)', leader, '/dashboard', 'main [data-goal-key], main table, main [role="grid"]');
    else console.log('  dashboard: not in this build');
    await time('My goals (group member)', member, '/', 'main article[data-goal-key]');
  } finally {
    await browser.close();
    await server.close();
    control.close();
  }
}

measureBundle();
if (!process.argv.includes('--no-browser')) await measureBrowser();
