import { afterEach, describe, expect, it } from 'vitest';
import { linkChannel } from '../../../src/commands';
import { activities, startHarness, type Harness } from './harness';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ADMIN = { id: id(1), upn: 'aino.virtanen@demo.vantaa.invalid', name: 'Aino Virtanen', roles: ['admin' as const] };
const PLAN = 'vantaa-ko-2021';
const GROUPS = ['opintopolut-ohjaus', 'opiskeluhuolto-hyvinvointi', 'monikulttuurisuus', 'tvt', 'osaaminen'];
// Responsible persons (personal reminders) and the leader (digest) who installed the app personally.
const PEOPLE = [
  { aadObjectId: id(3), name: 'Pekka Järvinen' },
  { aadObjectId: id(101), name: 'Mikko Salonen' },
  { aadObjectId: id(102), name: 'Riitta Heinonen-Laakso' },
  { aadObjectId: id(2), name: 'Leena Koskinen' },
];

/** Links every demo group to its own channel and installs the app for PEOPLE, all pointing at the connector. */
async function setUp(h: Harness): Promise<string[]> {
  for (const g of GROUPS) {
    await linkChannel(h.server.services.ctx, ADMIN, g, { conversationId: `19:${g}@thread.tacv2`, serviceUrl: h.connector.url, tenantId: 'tenant-0001' });
  }
  for (const p of PEOPLE) await h.post(activities.personalInstall(h.connector.url, p, 'fi-FI'));
  h.connector.recorded.length = 0;
  return [...GROUPS.map((g) => `19:${g}@thread.tacv2`), ...PEOPLE.map((p) => `a:personal-${p.aadObjectId}`)];
}

function deliveriesPer(h: Harness): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of h.connector.delivered()) if (r.method === 'POST') m.set(r.conversationId, (m.get(r.conversationId) ?? 0) + 1);
  return m;
}

/** How many sends each conversation should get: one per planned reminder key. */
function expectedPer(planned: { key: string; conversation: { conversationId: string } }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of new Map(planned.map((x) => [x.key, x])).values()) out[p.conversation.conversationId] = (out[p.conversation.conversationId] ?? 0) + 1;
  return out;
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a reminder run', () => {
  it('sends each reminder exactly once when killed halfway and rerun', async () => {
    h = await startHarness();
    const targets = await setUp(h);
    let sends = 0;
    const kill = () => {
      if (++sends === 4) throw new Error('killed after 4 sends');
    };
    await expect(h.server.bot.runReminders({ planKey: PLAN, period: '2021-09', afterSend: kill })).rejects.toThrow('killed after 4 sends');
    expect(h.connector.delivered()).toHaveLength(4);

    const rerun = await h.server.bot.runReminders({ planKey: PLAN, period: '2021-09' });
    expect(rerun.skipped.map((s) => s.reason)).toEqual(Array(4).fill('sent already'));
    const third = await h.server.bot.runReminders({ planKey: PLAN, period: '2021-09' });
    expect(third.sent).toHaveLength(0);

    const per = deliveriesPer(h);
    // 5 group cards, 4 personal reminders (responsible persons with due goals; the leader is responsible
    // for goal 10 too), 1 digest (to the leader's chat)
    expect(rerun.planned.map((p) => p.kind).sort()).toEqual(['digest', 'group', 'group', 'group', 'group', 'group', 'personal', 'personal', 'personal', 'personal']);
    expect(per.size).toBe(targets.length);
    expect(Object.fromEntries(per)).toEqual(expectedPer(rerun.planned));
    const log = (await h.server.services.repo.reminderLog.list({ period: '2021-09' })).items.map((r) => r.value);
    expect(log.filter((r) => r.state === 'sent')).toHaveLength(10);
  });

  it('retakes a claim left behind by a crash once it is stale, and leaves a fresh one alone', async () => {
    h = await startHarness();
    await setUp(h);
    const repo = h.server.services.repo;
    const now = h.server.services.ctx.clock.now().getTime();
    const base = { planKey: PLAN, period: '2021-09', kind: 'group' as const, state: 'sending' as const };
    await repo.reminderLog.create({ ...base, key: `${PLAN}|2021-09|group:tvt|group`, target: 'group:tvt', conversationId: '19:tvt@thread.tacv2', sentAt: new Date(now - 60 * 60_000).toISOString() });
    await repo.reminderLog.create({ ...base, key: `${PLAN}|2021-09|group:osaaminen|group`, target: 'group:osaaminen', conversationId: '19:osaaminen@thread.tacv2', sentAt: new Date(now).toISOString() });
    const r = await h.server.bot.runReminders({ planKey: PLAN, period: '2021-09', kinds: ['group'] });
    expect(r.sent.map((s) => s.key)).toContain(`${PLAN}|2021-09|group:tvt|group`);
    expect(r.skipped).toEqual([{ key: `${PLAN}|2021-09|group:osaaminen|group`, reason: 'another run is sending it' }]);
  });

  // The rate limits themselves are proven in tests/unit/bot/send-queue.test.ts (hundreds of sends
  // in fake time); a demo run's ten sends over nine threads cannot come near them.
  it('with the connector answering 429 on 30 % of sends, delivers every reminder once and sends nothing until each Retry-After has passed', async () => {
    h = await startHarness();
    const targets = await setUp(h);
    // exactly 3 of every 10 requests the connector receives are throttled (retries included)
    const pattern = [0.9, 0.1, 0.9, 0.9, 0.2, 0.9, 0.9, 0.25, 0.9, 0.9];
    let i = 0;
    // Retry-After 2 s: longer than the queue's own first pause (1 s), so only honouring it passes.
    h.connector.throttle(0.3, 2, () => pattern[i++ % pattern.length]!);
    const report = await h.server.bot.runReminders({ planKey: PLAN, period: '2021-09' });
    expect(report.failed).toEqual([]);
    const per = deliveriesPer(h);
    expect(per.size).toBe(targets.length);
    expect(Object.fromEntries(per)).toEqual(expectedPer(report.planned));
    expect(report.sent).toHaveLength(report.planned.length);
    const throttled = h.connector.recorded.filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    // The connector's Retry-After reaches the queue through the Teams SDK's HTTP client: after a
    // 429 nothing at all was sent until it had passed.
    for (const t of throttled) {
      const during = h.connector.recorded.filter((r) => r.at > t.at && r.at < t.at + 2000);
      expect(during, `sent within Retry-After of a 429 at ${t.at}`).toEqual([]);
    }
  }, 120_000);
});
