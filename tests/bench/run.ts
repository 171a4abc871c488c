/**
 * `npm run bench`: Graph round trips, bytes and time for what the app does, at a small and a large
 * division's size, against the local server and emulator with SharePoint's list view threshold on
 * (5,000, the emulator's default) — the same adapter code as production. Prints a table per size and
 * writes bench/results.json (output: git ignores it). Asserts nothing.
 *
 *   npm run bench                      S, M and L (M loads 90,000 check-ins, L 180,000: ~10 minutes)
 *   npm run bench -- --quick           S only (under 2 minutes)
 *   BENCH_SIZES=S,M npm run bench      the sizes named only
 *
 * Sizes: S = 50 goals × 5 service areas × 12 months; M = 500 goals × 5 × 36 months (90,000
 * check-ins); L = 3,000 goals × 5 × 12 (15,000 check-ins a month). Texts are realistic Finnish of
 * realistic length.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { applyImport, importDataset, previewImport, type Dataset } from '../../src/commands';
import { addMonths, checkInSlots, historiesComplete, REALISATION_SCALE, reportsFor, reportingPeriods, statusCountsAsOf, summaryAsOf, type CheckIn, type Goal, type Theme } from '../../src/domain';
import {
  createBoardReader, createDeltaCache, createGraphClient, createSiteLists, executeBatch, toCreateFields, type BatchRequest, type GraphClient,
} from '../../src/graph';
import { loadConfig } from '../../src/server/config';
import { exportReport } from '../../src/reports';
import { startServer } from '../../src/server/create-server';
import { ratios, timeView } from '../../scripts/tab-timing';

interface Size { name: string; goals: number; months: number }
const SIZES: Record<string, Size> = {
  S: { name: 'S', goals: 50, months: 12 },
  M: { name: 'M', goals: 500, months: 36 },
  // 15,000 check-ins a month, as at 36 months; the history's length changes only the per-goal read
  // and the emulator's loading time (540,000 rows: BENCH_L_MONTHS=36 for the long run).
  L: { name: 'L', goals: 3000, months: Number(process.env.BENCH_L_MONTHS ?? 12) },
};
const QUICK = process.argv.includes('--quick');
const chosen = (process.env.BENCH_SIZES ?? (QUICK ? 'S' : 'S,M,L')).split(',').map((s) => SIZES[s.trim().toUpperCase()]).filter((s): s is Size => !!s);

const UNITS = ['KASO', 'VAKA', 'POPE', 'TAKO', 'SVE'];
const PLAN = 'bench-plan';
/** History ends in August 2021; the live check-ins report September (the app clock is 22 Sep 2021). */
const LAST = '2021-08';
const LIVE = '2021-09';
const CONCURRENT_USERS = 20;

/** What the same operations cost before issue 12 (the old bench: 500 goals, 3 months, no threshold). */
const BEFORE = {
  note: 'issue 12 text, measured with the previous code at 500 goals × 5 units × 3 months, threshold off',
  checkInRoundTrips: 7,
  dashboardBoard: { requests: 3, bytes: 1.7e6 },
  dashboardPeriod: { requests: 13, bytes: 5.1e6 },
  dashboardHistory: 'every check-in of the plan with PlanKey alone: refused at M by the list view threshold',
};

const NARRATIVE = 'Toimenpiteet etenevät suunnitellusti: henkilöstö on koulutettu, ja vaikutuksia arvioidaan seuraavaksi yhdessä huoltajien kanssa. ';

function dataset(size: Size, authorId: string): { data: Dataset; checkIns: CheckIn[] } {
  const months = Array.from({ length: size.months }, (_, i) => addMonths(LAST, i - size.months + 1));
  const themes: Theme[] = Array.from({ length: 25 }, (_, i) => ({
    key: `bench-t${i}`, planKey: PLAN, code: String(i + 1), order: i,
    title: { fi: `Teema ${i + 1}: osallisuus ja hyvinvointi`, sv: `Tema ${i + 1}`, en: `Theme ${i + 1}` },
  }));
  const checkIns: CheckIn[] = [];
  const person = { id: authorId, upn: 'bench@demo.invalid', name: 'Bench' };
  const goals: Goal[] = Array.from({ length: size.goals }, (_, i) => {
    const key = `bench-g${i}`;
    const mine: CheckIn[] = [];
    for (const [p, period] of months.entries()) {
      for (const unit of UNITS) {
        mine.push({
          key: `bench-ci-${i}-${p}-${unit}`, goalKey: key, planKey: PLAN, period, unit, status: (i + p + unit.length) % 3,
          narrative: `${period} ${unit}: ${NARRATIVE.repeat(2)}`, author: person, submittedAt: `${period}-25T10:00:00.000Z`,
          source: 'import', submissionId: `bench-sub-${i}-${p}-${unit}`,
        });
      }
    }
    checkIns.push(...mine);
    return {
      key, planKey: PLAN, themeKey: `bench-t${i % 25}`, code: String(i + 1),
      title: `Tavoite ${i + 1}: vahvistetaan oppimisen edellytyksiä ja yhteistyötä palvelualueiden kesken`,
      indicator: { text: 'Toimintamalli käytössä', kind: 'qualitative' },
      baseline: { text: 'Ei käytössä', date: '2019-12-31' },
      target: { text: 'Käytössä kaikilla palvelualueilla', date: '2021-12-31' },
      responsiblePersons: [person], responsibleGroupKeys: [], units: UNITS, summary: summaryAsOf(mine, LAST),
    };
  });
  const data: Dataset = {
    plans: [{
      key: PLAN, title: { fi: 'Vertailusuunnitelma' }, periodStart: `${months[0]}-01`, periodEnd: '2021-12-31', cadence: 'monthly',
      statusScale: REALISATION_SCALE, units: UNITS, language: 'fi',
      reminders: { reminderDay: 20, dueDay: 5, escalationDays: 2, digestDays: 3, sendHour: 9, nonReportingMonths: [] },
    }],
    themes, goals, checkIns: [], reviews: [], groups: [], units: [],
  };
  return { data, checkIns };
}

/** Check-ins straight into the list, 20 to a $batch, a few batches at a time: loading is not what we measure. */
async function loadCheckIns(graph: GraphClient, siteId: string, checkIns: CheckIn[]): Promise<void> {
  const path = await createSiteLists(graph, siteId).listPath('checkIn');
  let next = 0;
  const worker = async () => {
    while (next < checkIns.length) {
      const chunk = checkIns.slice(next, (next += 20));
      const requests: BatchRequest[] = chunk.map((c, i) => ({
        id: String(i + 1), method: 'POST', url: `${path}/items`, headers: { 'Content-Type': 'application/json' }, body: { fields: toCreateFields('checkIn', c) },
      }));
      const res = await executeBatch(graph, requests);
      const bad = [...res.values()].find((r) => r.status !== 201);
      if (bad) throw new Error(`loading check-ins failed: ${JSON.stringify(bad)}`);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

/** A goal table as municipalities keep them (tests/fixtures/import/vantaa-fi-2021.xlsx), grown to `n` goals. */
async function goalTable(n: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tavoitteet 2021');
  ws.addRow(['Kasvatus ja oppiminen']);
  ws.addRow(['Toimialan tavoitteet']);
  ws.addRow([]);
  ws.addRow(['Toimialan tavoite', 'Mittari', 'Lähtötaso v:n 2019 loppu', 'Tavoitetaso 2021', 'Vastuuhenkilö(t)', 'Toteuma 8/2021', 'Tila']);
  const states = ['Toteutuu täysin', 'Toteutuu osittain', 'Ei toteudu'];
  for (let i = 1; i <= n; i++) {
    ws.addRow([
      `Tavoite ${i}: vahvistetaan oppimisen edellytyksiä ja palvelualueiden yhteistyötä`,
      'Yhteistyömallien ja -käytäntöjen valmiusaste',
      'Kehittämisryhmät aloittaneet toimintansa.',
      'Yhteistyömallit ja -käytännöt on sovittu kaikilla palvelualueilla.',
      'Leena Koskinen',
      `${NARRATIVE}Tilanne ${i}.`,
      states[i % 3],
    ]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

interface Row { operation: string; requests: number; bytes: number | null; ms: number; result: string }

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function benchSize(size: Size) {
  const dataDir = mkdtempSync(join(tmpdir(), `tavoitteet-bench-${size.name}-`));
  const start = () => startServer(loadConfig({ MODE: 'local', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, APP_NOW: '2021-09-22T09:00:00+03:00', LOG_LEVEL: 'error' }));
  let server = await start();
  const rows: Row[] = [];
  const measure = async <T>(operation: string, client: GraphClient, bytes: boolean, fn: () => Promise<T>, describe: (r: T) => string): Promise<T> => {
    client.resetStats();
    const t0 = performance.now();
    const r = await fn();
    const ms = performance.now() - t0;
    const s = client.stats();
    rows.push({ operation, requests: s.requests, bytes: bytes ? s.bytesReceived : null, ms, result: describe(r) });
    return r;
  };
  try {
    const users = (await (await fetch(`${server.url}/local/users`)).json()) as { id: string; upn: string; name: string; roles: string[] }[];
    const admin = users.find((u) => u.roles.includes('admin'))!;
    const { data, checkIns } = dataset(size, admin.id);
    const t0 = performance.now();
    await importDataset(server.services.ctx, data, 16);
    await loadCheckIns(server.services.graph, server.services.siteId, checkIns);
    const loadS = (performance.now() - t0) / 1000;
    console.log(`${size.name}: loaded ${size.goals} goals and ${checkIns.length} check-ins in ${loadS.toFixed(1)} s`);
    // A restart on the loaded site: its reconcile pass reads every goal's check-ins, and tracks
    // check-in changes from there (the periodic pass below reads only what changed since).
    await server.close();
    const restarted = performance.now();
    server = await start();
    await server.reconciler.started;
    rows.push({
      operation: 'summary reconcile at start: every goal (server → Graph)', requests: server.services.graph.stats().requests, bytes: null,
      ms: performance.now() - restarted, result: `${size.goals} goals, ${checkIns.length} check-ins read`,
    });

    // The tab: a user's delegated token, bytes counted.
    const tokens = (await (await fetch(`${server.url}/local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: admin.id }) })).json()) as {
      graphToken: string; accessToken: string;
    };
    const tab = createGraphClient({ baseUrl: `${server.url}/graph/v1.0/`, getToken: async () => tokens.graphToken, measure: true, retry: { maxRetries: 2, delaySeconds: 0.2 } });
    const lists = createSiteLists(tab, server.services.siteId);
    const reader = createBoardReader({ client: tab, siteId: server.services.siteId, lists });
    const delta = createDeltaCache({ client: tab, siteId: server.services.siteId, entity: 'goal', lists });
    await measure('dashboard cold: list ids + delta token + board', tab, true, async () => {
      await lists.listPath('goal');
      await delta.startAtLatest();
      const b = await reader.readPlanBoard(PLAN);
      delta.seed(b.goals);
      return b;
    }, (b) => `${b.goals.length} goals`);
    // The dashboard's matrix for any period and its trend come from the goals' summaries, whose
    // month-by-month histories grow with periods, not with check-ins: no check-in is read.
    const board = await reader.readPlanBoard(PLAN);
    const benchPlan = board.plan.value;
    const benchGoals = board.goals.map((g) => g.value);
    const months = reportingPeriods(benchPlan).filter((p) => p <= LAST);
    await measure('dashboard: matrix + trend, every month, from the board', tab, true, async () => {
      if (!historiesComplete(benchGoals)) throw new Error('bench goals lack histories: the dashboard would read check-ins');
      return months.map((p) => statusCountsAsOf(benchPlan.statusScale, benchGoals, [], p));
    }, (points) => `${points.length} months, 0 check-ins read`);
    // My goals and the review agenda: what was reported this period, from the same summaries.
    await measure('my goals / agenda: the period’s reports, from the board', tab, true, async () => {
      if (!historiesComplete(benchGoals)) throw new Error('bench goals lack histories: my goals would read check-ins');
      return reportsFor(benchGoals, [], LAST);
    }, (r) => `${r.length} slots reported, 0 check-ins read`);
    const slots = checkInSlots(benchPlan, benchGoals, board.units.map((u) => u.value));
    await measure('bot / report: one period’s check-ins (PlanPeriodUnit)', tab, true, () => reader.readCheckIns({ planKey: PLAN, period: LAST, units: slots }), (r) => `${r.items.length} check-ins, ${slots.length} slots`);
    await measure('before: one period by PlanPeriod (plan + month)', tab, true, async () => {
      try {
        await tab.get(`${await lists.listPath('checkIn')}/items?$expand=fields&$top=5000&$filter=${encodeURIComponent(`fields/PlanPeriod eq '${PLAN}|${LAST}'`)}`);
        return 'answered (month under the threshold)';
      } catch (e) {
        return `refused: ${(e as Error).message.includes('threshold') ? 'list view threshold' : (e as Error).message}`;
      }
    }, (r) => r);
    if (size.name !== 'L') await measure('before: trend read all the plan’s check-ins by month', tab, true, () => reader.readCheckIns({ planKey: PLAN, units: slots }), (r) => `${r.items.length} check-ins`);
    const checkInList = await lists.listPath('checkIn');
    await measure('before: the plan’s check-ins by PlanKey alone', tab, true, async () => {
      try {
        await tab.get(`${checkInList}/items?$expand=fields&$filter=${encodeURIComponent(`fields/PlanKey eq '${PLAN}'`)}`);
        return 'answered (list under the threshold)';
      } catch (e) {
        return `refused: ${(e as Error).message.includes('threshold') ? 'list view threshold' : (e as Error).message}`;
      }
    }, (r) => r);
    await measure('warm revisit: goals delta, nothing changed', tab, true, () => delta.refresh(), (c) => `${c.upserted.length} items`);
    await measure('goal detail: one goal’s history', tab, true, () => reader.readCheckIns({ goalKey: 'bench-g7' }), (r) => `${r.items.length} check-ins`);
    rows.push(...(await dashboardInBrowser(server.url, admin)));

    // Check-ins through the command API: CONCURRENT_USERS at once, three rounds, each on its own goal.
    const post = (goal: number, round: number) => async () => {
      const t = performance.now();
      const res = await fetch(`${server.url}/api/check-ins`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.accessToken}` },
        body: JSON.stringify({ goalKey: `bench-g${goal}`, period: LIVE, unit: 'VAKA', status: 2, narrative: 'Vertailu: syyskuun tilanne.', submissionId: `bench-live-${round}-${goal}-000000` }),
      });
      if (res.status !== 201) throw new Error(`check-in answered ${res.status}: ${await res.text()}`);
      return performance.now() - t;
    };
    await measure('one check-in alone (server → Graph)', server.services.graph, false, () => post(0, 0)(), () => 'HTTP 201');
    const latencies: number[] = [];
    const graph = server.services.graph;
    graph.resetStats();
    for (let round = 1; round <= 3; round++) {
      latencies.push(...(await Promise.all(Array.from({ length: CONCURRENT_USERS }, (_, u) => post((u + round * CONCURRENT_USERS) % size.goals, round)()))));
    }
    const perCheckIn = graph.stats().requests / latencies.length;
    rows.push({
      operation: `${CONCURRENT_USERS} concurrent check-ins ×3: round trips each, p50/p95`, requests: perCheckIn, bytes: null,
      ms: percentile(latencies, 50), result: `p95 ${percentile(latencies, 95).toFixed(0)} ms`,
    });
    await measure('warm revisit after those check-ins: goals delta', tab, true, () => delta.refresh(), (c) => `${c.upserted.length} changed`);
    await measure('summary reconcile, periodic (before: as at start)', server.services.graph, false, () => server.reconciler.pass(), (f) => `${f.length} repaired`);


    // The board report at the history's last month, as the API and `npm run export` make it.
    for (const format of ['docx', 'xlsx'] as const) {
      let peak = 0;
      const base = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - base)), 20);
      await measure(`board report ${format} at ${LAST} (server → Graph)`, server.services.graph, false, async () => {
        try {
          return await exportReport(server.services.board, { plan: PLAN, period: LAST, lang: 'fi', format }, new Date());
        } finally {
          clearInterval(sampler);
        }
      }, (r) => `${(r.bytes.length / 1024).toFixed(0)} KiB file, peak +${(peak / 1e6).toFixed(0)} MB RSS`);
    }

    // An admin's Excel goal table of 500 goals (the layout of a real Vantaa table) into a new plan,
    // then the same file again, which must write nothing.
    const table = await goalTable(500);
    const importer = { id: admin.id, upn: 'admin@demo.invalid', name: 'Bench admin', roles: ['admin' as const] };
    const req = { bytes: table, fileName: 'tavoitteet-500.xlsx', planKey: `bench-import-${size.name.toLowerCase()}` };
    for (const pass of ['first', 'again'] as const) {
      await measure(`import of a 500-goal table: ${pass === 'first' ? 'new plan' : 'same file again'}`, server.services.graph, false, async () => {
        const preview = await previewImport(server.services.ctx, importer, req);
        if (!preview.applicable) throw new Error(`bench table not importable: ${preview.draft.problems.slice(0, 3).map((x) => x.message).join('; ')}`);
        return applyImport(server.services.ctx, importer, req);
      }, (r) => `${r.written.filter((w) => w.action === 'create').length} created, ${r.written.filter((w) => w.action === 'update').length} updated`);
    }
    return { size: size.name, goals: size.goals, checkIns: checkIns.length, loadSeconds: loadS, rows, checkInLatencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) }, checkInRoundTrips: perCheckIn };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The dashboard of the bench plan in headless Chromium (the built tab, the same server): data on
 * screen from an empty cache and on a warm revisit, each as a ratio to the same table as static
 * HTML in the same run. Not with --quick (which stays under 2 minutes), nor without a built tab
 * (`npm run bench` builds it first) or Chromium.
 */
async function dashboardInBrowser(url: string, user: { id: string; upn: string; name: string }): Promise<Row[]> {
  if (QUICK) return [];
  const { hasChromium, launchBrowser, newContext } = await import('../e2e/support/browser');
  if (!existsSync('dist/tab/index.html') || !hasChromium()) {
    console.log('dashboard in Chromium: skipped (no built tab in dist/tab, or no /usr/bin/chromium)');
    return [];
  }
  const browser = await launchBrowser();
  try {
    const t = await timeView({ browser, newContext, baseUrl: url, user, path: `/dashboard?plan=${PLAN}`, ready: 'main table', runs: 5, timeoutMs: 180_000 });
    const r = ratios(t);
    return [
      {
        operation: 'dashboard in Chromium, cold: data on screen (tab → Graph)', requests: t.trace.requests, bytes: t.trace.bytes, ms: r.cold,
        result: `${r.coldRatio.toFixed(1)}× static HTML (${r.stat} ms), ${t.trace.waves} waves`,
      },
      {
        operation: 'dashboard in Chromium, warm revisit (tab → Graph)', requests: t.warmTrace.requests, bytes: t.warmTrace.bytes, ms: r.warm,
        result: `${r.warmRatio.toFixed(1)}× static HTML, ${t.warmTrace.waves} wave(s), ${t.warmTrace.items} items`,
      },
      {
        operation: 'dashboard in Chromium, later visit (code cached)', requests: t.laterTrace.requests, bytes: t.laterTrace.bytes, ms: r.later,
        result: `${r.laterRatio.toFixed(1)}× static HTML, ${t.laterTrace.waves} wave(s), ${t.laterTrace.items} items`,
      },
    ];
  } finally {
    await browser.close();
  }
}

const results = [];
for (const size of chosen) {
  const r = await benchSize(size);
  results.push(r);
  const widths = [58, 9, 11, 9, 30];
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join(' ');
  console.log(`\n${size.name} = ${r.goals} goals, ${r.checkIns} check-ins, threshold 5,000\n${line(['operation', 'requests', 'received', 'time', 'result'])}\n${'-'.repeat(121)}`);
  for (const row of r.rows) {
    const kb = row.bytes === null ? '—' : row.bytes >= 1e6 ? `${(row.bytes / 1e6).toFixed(1)} MB` : `${(row.bytes / 1024).toFixed(0)} KiB`;
    console.log(line([row.operation, Number.isInteger(row.requests) ? String(row.requests) : row.requests.toFixed(2), kb, `${row.ms.toFixed(0)} ms`, row.result]));
  }
}
const m = results.find((r) => r.size === 'M') ?? results[results.length - 1]!;
console.log(`\nRatios against before (${BEFORE.note}):`);
console.log(`  check-in round trips: ${BEFORE.checkInRoundTrips} → ${m.checkInRoundTrips.toFixed(2)} (${(m.checkInRoundTrips / BEFORE.checkInRoundTrips).toFixed(2)}×)`);
const period = m.rows.find((r) => r.operation.startsWith('bot / report: one period'))!;
const cold = m.rows.find((r) => r.operation.startsWith('dashboard cold'))!;
console.log(`  one period's check-ins: ${BEFORE.dashboardPeriod.requests} req / ${(BEFORE.dashboardPeriod.bytes / 1e6).toFixed(1)} MB → ${period.requests} req / ${((period.bytes ?? 0) / 1e6).toFixed(1)} MB at ${m.size}`);
console.log(`  dashboard data: before board ${BEFORE.dashboardBoard.requests} req + one period ${BEFORE.dashboardPeriod.requests} req + the whole history → now the board alone, ${cold.requests} req / ${((cold.bytes ?? 0) / 1e6).toFixed(2)} MB at ${m.size} (no check-in read for the matrix or the trend)`);
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify({ generatedAt: new Date().toISOString(), quick: QUICK, threshold: 5000, before: BEFORE, sizes: results }, null, 2)}\n`);
console.log('\nwrote bench/results.json');
