import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERBS } from '../../../src/cards';
import { linkChannel } from '../../../src/commands';
import { summaryFromCheckIns } from '../../../src/commands/submit-check-in';
import type { CheckIn, Goal, GoalSummary } from '../../../src/domain';
import { loadConfig, startServer, type RunningServer } from '../../../src/server';
import { activities, startConnector, type Connector } from '../bot/harness';

/*
 * One day of everything that writes, while SharePoint (the emulator) answers 30 % of Graph calls
 * with 429 or 503: a reminder run, check-ins from the tab (the command API) and from the group
 * card (the bot's Action.Execute submit), review notes and an admin's import. Every client keeps
 * re-sending what failed, and some re-send what already succeeded (a double click, a lost answer).
 * Afterwards: each command landed exactly once, each goal's summary equals its recomputation from
 * CheckIns, and no reminder went twice or not at all.
 */

const PLAN = 'vantaa-ko-2021';
const IMPORTED_PLAN = 'res-csv-2024';
const PERIOD = '2021-09';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ADMIN = { id: id(1), upn: 'aino.virtanen@demo.vantaa.invalid', name: 'Aino Virtanen', roles: ['admin' as const] };
const VILLE = { aadObjectId: id(4), name: 'Ville Korhonen' }; // member of opintopolut-ohjaus (goals g1, g2)
const GROUPS = ['opintopolut-ohjaus', 'opiskeluhuolto-hyvinvointi', 'monikulttuurisuus', 'tvt', 'osaaminen'];
const PEOPLE = [
  { aadObjectId: id(3), name: 'Pekka Järvinen' },
  { aadObjectId: id(101), name: 'Mikko Salonen' },
  { aadObjectId: id(102), name: 'Riitta Heinonen-Laakso' },
  { aadObjectId: id(2), name: 'Leena Koskinen' },
];
const CHANNEL = (g: string) => `19:${g}@thread.tacv2`;
const REF = { planKey: PLAN, groupKey: 'opintopolut-ohjaus', period: PERIOD };
const THROTTLED = [429, 503];

type Any = Record<string, any>;
const findAll = (node: unknown, pred: (n: Any) => boolean, out: Any[] = []): Any[] => {
  if (Array.isArray(node)) node.forEach((n) => findAll(n, pred, out));
  else if (node && typeof node === 'object') {
    if (pred(node as Any)) out.push(node as Any);
    Object.values(node).forEach((v) => findAll(v, pred, out));
  }
  return out;
};
const slotsOf = (s: GoalSummary) => Object.fromEntries(Object.entries(s).sort(([a], [b]) => a.localeCompare(b)).map(([slot, e]) => [slot, e?.checkInKey]));

let server: RunningServer;
let connector: Connector;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tavoitteet-res-'));
  connector = await startConnector();
  // The per-address limit would otherwise meet this test's card presses and token requests.
  server = await startServer(
    loadConfig({ MODE: 'local', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, APP_NOW: '2021-09-22T09:00:00+03:00', LOG_LEVEL: 'silent', RATE_LIMIT_IP_PER_MINUTE: '100000', RATE_LIMIT_USER_PER_MINUTE: '100000' }),
  );
  // The start's summary pass runs in the background; let it finish before the day begins.
  await server.reconciler.started;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await connector?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function api(path: string, token: string, body: unknown): Promise<{ status: number; body: any }> {
  const r = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined };
}
async function tokenOf(userId: string): Promise<string> {
  const r = await fetch(`${server.url}/local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  return ((await r.json()) as { accessToken: string }).accessToken;
}
async function post(activity: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const r = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined };
}

/** A client that sends a command again until it is answered with `ok`; only a throttled/unavailable answer may come in between. */
async function untilAnswered(what: string, send: () => Promise<{ status: number; body: any }>, ok: number[]): Promise<{ status: number; body: any }> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const r = await send();
    if (ok.includes(r.status)) return r;
    expect(THROTTLED, `${what}: ${r.status} ${JSON.stringify(r.body)}`).toContain(r.status);
  }
  throw new Error(`gave up on ${what}`);
}

/** A card press, pressed again while Teams shows the invoke's error (what a 503 from Graph becomes in the bot). */
async function pressUntil(what: string, activity: () => Record<string, unknown>, done: (card: Any) => boolean): Promise<Any> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const r = await post(activity());
    expect(r.status, `${what}: HTTP ${r.status}`).toBeLessThan(600);
    if (r.body?.statusCode === 200 && done(r.body.value)) return r.body.value as Any;
    // Anything else must be the bot's error answer for a failed invoke, which Teams lets the user retry.
    expect(r.body?.statusCode ?? r.status, `${what}: ${JSON.stringify(r.body).slice(0, 400)}`).toBe(500);
  }
  throw new Error(`gave up on ${what}`);
}

const setFaults = (rate: number) => fetch(`${server.url}/local/emulator/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rate, statuses: THROTTLED, retryAfterSeconds: 0 }) });

describe('a day of every kind of write while SharePoint throttles 30 % of calls', () => {
  it('lands tab and card check-ins, review notes and an import exactly once, sends each reminder once, and keeps every summary equal to its recomputation', async () => {
    const { repo, ctx } = server.services;
    // Before the day (no faults): the channels are linked and people have the app, as in production.
    for (const g of GROUPS) await linkChannel(ctx, ADMIN, g, { conversationId: CHANNEL(g), serviceUrl: connector.url, tenantId: 'tenant-0001' });
    for (const p of PEOPLE) await post(activities.personalInstall(connector.url, p, 'fi-FI'));
    connector.recorded.length = 0;
    const adminToken = await tokenOf(ADMIN.id);
    const leaderToken = await tokenOf(id(2));
    const goals = (await repo.goals.list({ planKey: PLAN })).items.map((g) => g.value);
    const day = `res-${Date.now().toString(36)}`;

    expect((await setFaults(0.3)).status).toBe(200);
    let planned: { key: string; conversation: { conversationId: string } }[] = [];
    const cardSubmissions: string[] = [];
    try {
      // 1. The reminder run: a run that a Graph failure stops is run again, as the scheduler does.
      let finished = false;
      for (let run = 0; run < 30 && !finished; run++) {
        try {
          const report = await server.bot.runReminders({ planKey: PLAN, period: PERIOD });
          planned = report.planned;
          finished = report.failed.length === 0 && report.sent.length + report.skipped.length === report.planned.length;
        } catch {
          /* stopped by a throttled Graph call after its retries: the next run goes on */
        }
      }
      expect(finished, 'a reminder run completed').toBe(true);
      const shared = (await repo.reminderLog.find(`${PLAN}|${PERIOD}|group:opintopolut-ohjaus|group`))?.value.activityId;

      // 2. Check-ins from the tab (the command API), several on the same slots, each sent until answered and some twice.
      const slots = goals.flatMap((g) => (g.units.length ? g.units : [undefined]).map((unit) => ({ goal: g, unit })));
      const tabBodies = Array.from({ length: 30 }, (_, i) => {
        const s = slots[i % slots.length]!;
        return { goalKey: s.goal.key, period: i % 5 === 0 ? '2021-08' : PERIOD, ...(s.unit ? { unit: s.unit } : {}), status: i % 3, narrative: `Välilehden raportti ${i}`, submissionId: `${day}-tab-${String(i).padStart(3, '0')}` };
      });
      const tab = async () => {
        for (let i = 0; i < tabBodies.length; i += 10) {
          const wave = tabBodies.slice(i, i + 10);
          await Promise.all([...wave, ...wave.slice(0, 4)].map((b) => untilAnswered(b.submissionId, () => api('/api/check-ins', adminToken, b), [200, 201])));
        }
      };

      // 3. Check-ins from the group card: open the inline form, submit it, and submit the same data once more.
      const cardGoals = goals.filter((g) => ['vantaa-ko-2021.g1', 'vantaa-ko-2021.g2'].includes(g.key));
      const cardSlots = cardGoals.flatMap((g) => (g.units.length ? g.units : [undefined]).map((unit) => ({ goal: g, unit })));
      const cards = async () => {
        for (const [i, s] of cardSlots.entries()) {
          const open = { ...REF, goalKey: s.goal.key, ...(s.unit ? { unit: s.unit } : {}) };
          const form = await pressUntil(`open form ${i}`, () => activities.cardAction(connector.url, VILLE, CHANNEL('opintopolut-ohjaus'), VERBS.openForm, open, shared), (c) => findAll(c, (n) => n.verb === VERBS.checkIn).length > 0);
          const submit = findAll(form, (n) => n.verb === VERBS.checkIn)[0]!;
          const data = { ...submit.data, ...(s.unit ? { unit: s.unit } : {}), status: String((i + 1) % 3), narrative: `Kortin raportti ${i}` };
          cardSubmissions.push(submit.data.submissionId as string);
          const saved = (c: Any) => JSON.stringify(c).includes('Tallennettu');
          await pressUntil(`card check-in ${i}`, () => activities.cardAction(connector.url, VILLE, CHANNEL('opintopolut-ohjaus'), VERBS.checkIn, data, shared), saved);
          // The Teams client sends the same submit again (the answer was lost, a double press): it is saved, once.
          await pressUntil(`card check-in ${i} again`, () => activities.cardAction(connector.url, VILLE, CHANNEL('opintopolut-ohjaus'), VERBS.checkIn, data, shared), saved);
        }
      };

      // 4. Review notes, each sent until answered, and sent once more after that (its answer lost).
      const reviewTexts = goals.slice(0, 6).map((g, i) => ({ goalKey: g.key, meetingDate: '2021-09-21', kind: i % 2 ? 'decision' : 'comment', text: `${day} katselmointi ${i}`, period: PERIOD, submissionId: `${day}-review-${i}` }));
      const reviews = () =>
        Promise.all(
          reviewTexts.map(async (b) => {
            await untilAnswered(b.text, () => api('/api/reviews', leaderToken, b), [200, 201]);
            const again = await untilAnswered(`${b.text} again`, () => api('/api/reviews', leaderToken, b), [200, 201]);
            expect(again.status).toBe(200);
          }),
        );

      // 5. The admin's import of a goal table into a new plan, applied again until it answers.
      const file = readFileSync(join(__dirname, '../../fixtures/import/tavoitteet-2024-win1252.csv'));
      const importBody = { fileName: 'tavoitteet-2024-win1252.csv', file: file.toString('base64'), plan: IMPORTED_PLAN };
      const importing = () => untilAnswered('import', () => api('/api/import/apply', adminToken, importBody), [200]);

      await Promise.all([tab(), cards(), reviews(), importing()]);
    } finally {
      await setFaults(0);
    }
    expect(server.services.local!.emulator.stats().faults).toBeGreaterThan(30);

    // Reminders: every planned one delivered to its conversation exactly once, and a later run sends nothing.
    const perConversation = new Map<string, number>();
    for (const r of connector.delivered()) if (r.method === 'POST') perConversation.set(r.conversationId, (perConversation.get(r.conversationId) ?? 0) + 1);
    const expected: Record<string, number> = {};
    for (const p of new Map(planned.map((x) => [x.key, x])).values()) expected[p.conversation.conversationId] = (expected[p.conversation.conversationId] ?? 0) + 1;
    expect(planned.length).toBe(10);
    expect(Object.fromEntries(perConversation)).toEqual(expected);
    expect((await server.bot.runReminders({ planKey: PLAN, period: PERIOD })).sent).toEqual([]);

    // Check-ins: one per submission, from the tab and from the cards.
    const stored: CheckIn[] = [];
    for (const g of goals) stored.push(...(await repo.checkIns.list({ goalKey: g.key })).items.map((c) => c.value));
    const tabStored = stored.filter((c) => c.submissionId.startsWith(`${day}-tab-`));
    expect(tabStored).toHaveLength(30);
    expect(new Set(tabStored.map((c) => c.submissionId)).size).toBe(30);
    expect(cardSubmissions.length).toBeGreaterThanOrEqual(4);
    for (const sid of cardSubmissions) {
      const mine = stored.filter((c) => c.submissionId === sid);
      expect(mine, sid).toHaveLength(1);
      expect(mine[0]).toMatchObject({ source: 'card', author: { id: VILLE.aadObjectId } });
    }

    // Review notes: each once.
    const notes = (await Promise.all(goals.slice(0, 6).map((g) => repo.reviews.list({ goalKey: g.key })))).flatMap((r) => r.items.map((x) => x.value)).filter((r) => r.text.startsWith(day));
    expect(notes.map((n) => n.text).sort()).toEqual(Array.from({ length: 6 }, (_, i) => `${day} katselmointi ${i}`).sort());

    // The import: its plan, goals and check-ins once; applying the file again finds nothing to write.
    const importedGoals = (await repo.goals.list({ planKey: IMPORTED_PLAN })).items.map((g) => g.value);
    expect(importedGoals).toHaveLength(3);
    const importedCheckIns = (await repo.checkIns.list({ planKey: IMPORTED_PLAN })).items.map((c) => c.value);
    expect(importedCheckIns).toHaveLength(3);
    const again = await api('/api/import/apply', adminToken, { fileName: 'tavoitteet-2024-win1252.csv', file: readFileSync(join(__dirname, '../../fixtures/import/tavoitteet-2024-win1252.csv')).toString('base64'), plan: IMPORTED_PLAN });
    expect(again.status).toBe(200);
    expect(again.body.value.written).toEqual([]);

    // Every summary equals its recomputation from CheckIns (a summary that lost its races may settle a moment later; never wrongly).
    const all: { goal: Goal; checkIns: CheckIn[] }[] = [
      ...goals.map((goal) => ({ goal, checkIns: stored.filter((c) => c.goalKey === goal.key) })),
      ...importedGoals.map((goal) => ({ goal, checkIns: importedCheckIns.filter((c) => c.goalKey === goal.key) })),
    ];
    const mismatches = async () => {
      const out: string[] = [];
      for (const { goal, checkIns } of all) {
        const current = (await repo.goals.get(goal.key)).value.summary;
        if (JSON.stringify(slotsOf(current)) !== JSON.stringify(slotsOf(summaryFromCheckIns(checkIns)))) out.push(goal.key);
      }
      return out;
    };
    let bad = await mismatches();
    for (let i = 0; i < 20 && bad.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 500));
      bad = await mismatches();
    }
    expect(bad).toEqual([]);
  }, 300_000);
});
