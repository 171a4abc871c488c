import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryFromCheckIns } from '../../../src/commands/submit-check-in';
import type { CheckIn, GoalSummary } from '../../../src/domain';
import { startTestServer, type DemoUserInfo, type TestServer } from '../support/local-server';

const PLAN = 'vantaa-ko-2021';
let t: TestServer;
let admin: DemoUserInfo;
beforeAll(async () => {
  t = await startTestServer();
  admin = t.users.find((u) => u.roles.includes('admin'))!;
}, 120_000);
afterAll(async () => { await t.stop(); });

const slotsOf = (s: GoalSummary) => Object.fromEntries(Object.entries(s).sort(([a], [b]) => a.localeCompare(b)).map(([slot, e]) => [slot, e?.checkInKey]));

describe('a day of activity while SharePoint throttles 30 % of calls', () => {
  it('lands every check-in exactly once, also when delivered twice, and leaves every summary equal to its recomputation', async () => {
    const repo = t.server.services.repo;
    const goals = (await repo.goals.list({ planKey: PLAN })).items.map((g) => g.value);
    const slots = goals.flatMap((g) => (g.units.length ? g.units : [undefined]).map((unit) => ({ goal: g, unit })));
    const day = `day-${Date.now().toString(36)}`;
    // Several reports on the same slots (the later one must win), in August and September.
    const bodies = Array.from({ length: 60 }, (_, i) => {
      const s = slots[i % slots.length]!;
      return {
        goalKey: s.goal.key, period: i % 4 === 0 ? '2021-08' : '2021-09', ...(s.unit ? { unit: s.unit } : {}),
        status: i % 3, narrative: `Päivän raportti ${i}`, submissionId: `${day}-${String(i).padStart(4, '0')}`,
      };
    });
    const { accessToken } = await t.token(admin.id);
    expect((await t.api('/local/emulator/faults', { method: 'PUT', body: { rate: 0.3, statuses: [429, 503], retryAfterSeconds: 0 } })).status).toBe(200);
    try {
      // Like the tab and a card both delivering: each submission is sent, and sent again, until it answers.
      const deliver = async (body: (typeof bodies)[number]) => {
        for (let attempt = 0; attempt < 30; attempt++) {
          const r = await t.api('/api/check-ins', { token: accessToken, body });
          if (r.status === 201 || r.status === 200) return;
          expect([429, 503], JSON.stringify(r.body)).toContain(r.status);
        }
        throw new Error(`gave up on ${body.submissionId}`);
      };
      for (let i = 0; i < bodies.length; i += 10) {
        const wave = bodies.slice(i, i + 10);
        await Promise.all([...wave, ...wave.slice(0, 5)].map(deliver));
      }
    } finally {
      await t.api('/local/emulator/faults', { method: 'PUT', body: { rate: 0 } });
    }
    expect(t.server.services.local!.emulator.stats().faults).toBeGreaterThan(30);

    const stored: CheckIn[] = [];
    for (const g of goals) stored.push(...(await repo.checkIns.list({ goalKey: g.key })).items.map((c) => c.value));
    const mine = stored.filter((c) => c.submissionId.startsWith(day));
    expect(mine).toHaveLength(bodies.length);
    expect(new Set(mine.map((c) => c.submissionId)).size).toBe(bodies.length);

    // A summary that lost its races may settle a moment later (in the background); never wrongly.
    const mismatches = async () => {
      const out: string[] = [];
      for (const g of goals) {
        const current = (await repo.goals.get(g.key)).value.summary;
        const expected = summaryFromCheckIns(stored.filter((c) => c.goalKey === g.key));
        if (JSON.stringify(slotsOf(current)) !== JSON.stringify(slotsOf(expected))) out.push(g.key);
      }
      return out;
    };
    let bad = await mismatches();
    for (let i = 0; i < 20 && bad.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 500));
      bad = await mismatches();
    }
    expect(bad).toEqual([]);
  }, 240_000);
});
