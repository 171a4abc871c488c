/**
 * `npm run bench`: Graph round trips, bytes and time for what the app does, at realistic sizes,
 * against the local emulator (the same adapter code as production). Prints figures; asserts nothing.
 *
 * Size: a large division — 500 goals in 25 themes, 5 units, 3 months of history (7,500 check-ins).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importDataset, type Dataset } from '../../src/commands';
import { REALISATION_SCALE, summaryAsOf, type CheckIn, type Goal, type Theme } from '../../src/domain';
import { createBoardReader, createDeltaCache, createGraphClient, createSiteLists, type GraphClient } from '../../src/graph';
import { loadConfig } from '../../src/server/config';
import { startServer } from '../../src/server/create-server';

const GOALS = Number(process.env.BENCH_GOALS ?? 500);
const UNITS = ['KASO', 'VAKA', 'POPE', 'TAKO', 'SVE'];
// History up to August; the live check-in below reports September, so it moves the goal's summary.
const PERIODS = ['2021-05', '2021-06', '2021-08'];
const PLAN = 'bench-plan';

function dataset(authorId: string): Dataset {
  const themes: Theme[] = Array.from({ length: 25 }, (_, i) => ({
    key: `bench-t${i}`,
    planKey: PLAN,
    code: String(i + 1),
    order: i,
    title: { fi: `Teema ${i + 1}`, sv: `Tema ${i + 1}`, en: `Theme ${i + 1}` },
  }));
  const checkIns: CheckIn[] = [];
  const goals: Goal[] = Array.from({ length: GOALS }, (_, i) => {
    const key = `bench-g${i}`;
    for (const [p, period] of PERIODS.entries()) {
      for (const unit of UNITS) {
        checkIns.push({
          key: `bench-ci-${i}-${p}-${unit}`,
          goalKey: key,
          planKey: PLAN,
          period,
          unit,
          status: (i + p + unit.length) % 3,
          narrative: `Tilanne ${period} yksikössä ${unit}: toimenpiteet etenevät, seuraavaksi arvioidaan vaikutuksia. `.repeat(3),
          author: { id: authorId, upn: 'bench@demo.invalid', name: 'Bench' },
          submittedAt: `${period}-25T10:00:00.000Z`,
          source: 'import',
          submissionId: `bench-sub-${i}-${p}-${unit}`,
        });
      }
    }
    return {
      key,
      planKey: PLAN,
      themeKey: `bench-t${i % 25}`,
      code: String(i + 1),
      title: `Tavoite ${i + 1}: vahvistetaan oppimisen edellytyksiä ja yhteistyötä palvelualueiden kesken`,
      indicator: { text: 'Toimintamalli käytössä', kind: 'qualitative' },
      baseline: { text: 'Ei käytössä', date: '2019-12-31' },
      target: { text: 'Käytössä kaikilla palvelualueilla', date: '2021-12-31' },
      responsiblePersons: [{ id: authorId, upn: 'bench@demo.invalid', name: 'Bench' }],
      responsibleGroupKeys: [],
      units: UNITS,
      summary: {},
    };
  });
  for (const g of goals) g.summary = summaryAsOf(checkIns.filter((c) => c.goalKey === g.key), '2021-08');
  return {
    plans: [
      {
        key: PLAN,
        title: { fi: 'Vertailusuunnitelma' },
        periodStart: '2021-01-01',
        periodEnd: '2021-12-31',
        cadence: 'monthly',
        statusScale: REALISATION_SCALE,
        units: UNITS,
        reminders: { reminderDay: 20, dueDay: 5, escalationDays: 2, digestDays: 3, sendHour: 9, nonReportingMonths: [7] },
        language: 'fi',
      },
    ],
    themes,
    goals,
    checkIns,
    reviews: [],
    groups: [],
    units: [],
  };
}

const rows: [string, string, string, string, string][] = [];
/** Clients created here with `measure: true`; the server's own client counts round trips only, as in production. */
const measuring = new WeakSet<GraphClient>();
async function measure<T>(label: string, client: GraphClient, fn: () => Promise<T>, describe: (r: T) => string): Promise<T> {
  client.resetStats();
  const t0 = performance.now();
  const r = await fn();
  const ms = performance.now() - t0;
  const s = client.stats();
  const received = measuring.has(client) ? `${(s.bytesReceived / 1024).toFixed(0)} KiB` : '—';
  rows.push([label, String(s.requests), received, `${ms.toFixed(0)} ms`, describe(r)]);
  return r;
}

const dataDir = mkdtempSync(join(tmpdir(), 'tavoitteet-bench-'));
const server = await startServer(loadConfig({ MODE: 'local', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, APP_NOW: '2021-09-22T09:00:00+03:00', LOG_LEVEL: 'warn' }));
try {
  const users = (await (await fetch(`${server.url}/local/users`)).json()) as { id: string; roles: string[] }[];
  const admin = users.find((u) => u.roles.includes('admin'))!;
  const data = dataset(admin.id);
  const t0 = performance.now();
  server.services.graph.resetStats();
  await importDataset(server.services.ctx, data, 16);
  const importMs = performance.now() - t0;
  const imp = server.services.graph.stats();
  console.log(`Loaded ${GOALS} goals and ${data.checkIns.length} check-ins in ${(importMs / 1000).toFixed(1)} s (${imp.requests} Graph requests).`);

  // The tab's view: a user's delegated Graph token.
  const tokens = (await (await fetch(`${server.url}/local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: admin.id }) })).json()) as {
    graphToken: string;
    accessToken: string;
  };
  const tab = createGraphClient({ baseUrl: `${server.url}/graph/v1.0/`, getToken: async () => tokens.graphToken, measure: true });
  measuring.add(tab);
  const lists = createSiteLists(tab, server.services.siteId);
  const reader = createBoardReader({ client: tab, siteId: server.services.siteId, lists });
  await measure('list lookup (once per session)', tab, () => reader.readPlanBoard(PLAN), (b) => `${b.goals.length} goals`);
  await measure(`dashboard board: plan+themes+${GOALS} goals+groups+units`, tab, () => reader.readPlanBoard(PLAN), (b) => `${b.goals.length} goals, ${b.themes.length} themes`);
  await measure('check-ins of one period (as-of view)', tab, () => reader.readCheckIns({ planKey: PLAN, period: '2021-08' }), (r) => `${r.items.length} check-ins`);
  await measure('goal detail: one goal’s check-in history', tab, () => reader.readCheckIns({ goalKey: 'bench-g7' }), (r) => `${r.items.length} check-ins`);
  // How the tab tracks goals: a delta token taken before the board read, seeded from the board.
  const delta = createDeltaCache({ client: tab, siteId: server.services.siteId, entity: 'goal', lists });
  await measure('delta: start tracking (token=latest)', tab, () => delta.startAtLatest(), () => 'no items read');
  delta.seed((await reader.readPlanBoard(PLAN)).goals);
  const fullSync = createDeltaCache({ client: tab, siteId: server.services.siteId, entity: 'goal' });
  await measure('delta: full initial sync (for comparison)', tab, () => fullSync.refresh(), (c) => `${c.upserted.length} items`);

  // One check-in through the command API (server-side Graph round trips).
  const post = () =>
    fetch(`${server.url}/api/check-ins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.accessToken}` },
      body: JSON.stringify({ goalKey: 'bench-g7', period: '2021-09', unit: 'VAKA', status: 2, narrative: 'Vertailu', submissionId: `bench-live-${Date.now()}` }),
    }).then((r) => r.status);
  await measure('submit one check-in (server → Graph)', server.services.graph, post, (s) => `HTTP ${s}`);
  await measure('delta: refresh after that check-in', tab, () => delta.refresh(), (c) => `${c.upserted.length} changed`);

  const widths = [54, 10, 10, 10, 26];
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join(' ');
  console.log(`\n${line(['operation', 'requests', 'received', 'time', 'result'])}\n${'-'.repeat(114)}`);
  for (const r of rows) console.log(line(r));
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
