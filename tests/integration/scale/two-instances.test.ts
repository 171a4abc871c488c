import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset, rememberPerson, type CommandContext } from '../../../src/commands';
import { buildDemoDataset, DEMO_PLAN_KEY, DEMO_USERS } from '../../../src/demo';
import { createGraphRepository } from '../../../src/graph';
import { THREAD_LIMITS } from '../../../src/bot';
import { startConnector, DEMO_NOW, TENANT, type Connector } from '../bot/harness';
import { startGraph, TEST_TOKEN, type GraphHarness } from '../graph/harness';
import { scaleLeaders } from './setup';

/**
 * How a municipality scales out: two server instances, each its own process, against one site
 * (one emulator over loopback HTTP, as two App Service instances reach one SharePoint site), run
 * September's reminder pass at the same instant. Every reminder must arrive exactly once, and the
 * two together must stay within Teams' per-app limit (each keeps to its SCALE_OUT_INSTANCES share).
 */
const INSTANCES = 2;
const LEADERS = 40;
/**
 * The app's budget in this test. Teams' own (30/s) is more than two instances on this machine can
 * send through the emulator, so it would hold whether they shared it or not; a budget below what
 * they can reach makes the share the only thing keeping them within it (each would send 6/s alone).
 */
const BUDGET = 6;
const PERIOD = '2021-09';

interface InstanceReport { planned: string[]; sent: string[]; skipped: { key: string; reason: string }[]; failed: unknown[]; attempts: number; sendTimes: number[] }

let g: GraphHarness;
let connector: Connector;
let reports: InstanceReport[] = [];
let expected: Set<string>;

function startInstance(): { child: ChildProcessWithoutNullStreams; ready: Promise<void>; report: Promise<InstanceReport> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/scale/instance.ts'], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME,
      SCALE_GRAPH_URL: g.baseUrl, SCALE_GRAPH_TOKEN: TEST_TOKEN, SCALE_SITE_ID: g.siteId,
      SCALE_PLAN: DEMO_PLAN_KEY, SCALE_PERIOD: PERIOD, SCALE_LEADERS: String(LEADERS),
      SCALE_OUT_INSTANCES: String(INSTANCES), TEAMS_APP_SENDS_PER_SECOND: String(BUDGET), APP_NOW: DEMO_NOW,
    },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout });
  let onReady: () => void;
  const ready = new Promise<void>((ok) => (onReady = ok));
  const report = new Promise<InstanceReport>((ok, fail) => {
    lines.on('line', (line) => {
      if (line === 'ready') onReady();
      else if (line.startsWith('{')) ok(JSON.parse(line) as InstanceReport);
    });
    child.on('exit', (code) => fail(new Error(`instance exited with ${code} before reporting:\n${stderr}`)));
  });
  return { child, ready, report };
}

/** The most arrivals inside any window of `windowMs` (sliding, over sorted times). */
function busiestWindow(times: number[], windowMs: number): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < t.length; j++) {
    while (t[j]! - t[i]! >= windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

beforeAll(async () => {
  g = await startGraph();
  connector = await startConnector();
  const repo = createGraphRepository({ client: g.client, siteId: g.siteId });
  const ctx: CommandContext = { repo, clock: { now: () => new Date(DEMO_NOW) }, newId: randomUUID };
  await importDataset(ctx, buildDemoDataset());
  // Every group's channel linked, every demo user and extra leader reachable personally.
  for (const { value: group, etag } of (await repo.groups.list()).items) {
    await repo.groups.update({ ...group, conversation: { conversationId: `19:${group.key}@thread.tacv2`, serviceUrl: connector.url, tenantId: TENANT } }, etag);
  }
  for (const u of [...DEMO_USERS, ...scaleLeaders(LEADERS)]) {
    await rememberPerson(ctx, { key: u.id, name: u.name, upn: u.upn, language: 'fi', conversation: { conversationId: `a:personal-${u.id}`, serviceUrl: connector.url, tenantId: TENANT } });
  }

  const instances = Array.from({ length: INSTANCES }, startInstance);
  await Promise.all(instances.map((i) => i.ready));
  for (const i of instances) i.child.stdin.write('go\n');
  reports = await Promise.all(instances.map((i) => i.report));
  expected = new Set(reports[0]!.planned);
}, 120_000);

afterAll(async () => {
  await connector?.close();
  await g?.stop();
});

describe('two server instances against one site', () => {
  it('plan the same reminders, enough to meet the per-app limit', () => {
    expect(expected.size).toBeGreaterThan(5 * BUDGET);
    for (const r of reports) expect(new Set(r.planned)).toEqual(expected);
  });

  it('deliver each reminder exactly once between them: zero duplicates, none missing, none failed', async () => {
    const sent = reports.flatMap((r) => r.sent);
    expect(reports.every((r) => r.failed.length === 0)).toBe(true);
    expect(new Set(sent).size).toBe(sent.length);
    expect(new Set(sent)).toEqual(expected);
    // Both really took part: the claims split the work instead of one doing it all.
    for (const r of reports) expect(r.sent.length).toBeGreaterThan(0);
    // What reached Teams: one activity per reminder.
    const delivered = connector.delivered().filter((d) => d.method === 'POST');
    expect(delivered.length - expected.size).toBe(0);
    // The ReminderLog agrees: every reminder sent once, with its own activity.
    const log = (await createGraphRepository({ client: g.client, siteId: g.siteId }).reminderLog.list({ period: PERIOD })).items.map((x) => x.value);
    expect(log.filter((x) => x.state === 'sent').map((x) => x.key).sort()).toEqual([...expected].sort());
    expect(new Set(log.map((x) => x.activityId)).size).toBe(log.length);
  });

  it('stay within the app\'s send budget and Teams\' per-thread limits together', () => {
    // Both instances' sends on one clock (one machine): what the app puts on the wire, every attempt.
    const times = reports.flatMap((r) => r.sendTimes);
    expect(times.length).toBe(expected.size);
    expect(busiestWindow(times, 1_000)).toBeLessThanOrEqual(BUDGET);
    // The budget is what paced them: the pass took as long as the budget makes it take.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(((times.length - BUDGET) / BUDGET) * 1_000 - 200);
    const arrivals = connector.recorded.filter((r) => r.method === 'POST');
    const byThread = new Map<string, number[]>();
    for (const a of arrivals) byThread.set(a.conversationId, [...(byThread.get(a.conversationId) ?? []), a.at]);
    for (const times of byThread.values()) for (const w of THREAD_LIMITS) expect(busiestWindow(times, w.windowMs)).toBeLessThanOrEqual(w.max);
  });
});
