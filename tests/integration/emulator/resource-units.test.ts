import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGoals, startEmulator, type Harness } from './harness.js';

// 30 resource units a minute stand in for a tenant's thousands: the rule is the same, the test short.
let h: Harness;
let items: string;

beforeEach(async () => {
  h = await startEmulator({ resourceUnitsPerMinute: 30 });
  items = `${h.site}/lists/${await createGoals(h)}/items`; // creating the list spends 2
});
afterEach(async () => {
  await h.stop();
});

describe("the emulator's organic throttling (resource units per minute)", () => {
  it('answers 429 activityLimitReached with Retry-After when the budget is spent, without injected faults', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await h.call('GET', `${items}?$expand=fields`)).status);
    // 2 + 14 × 2 = 30: the fifteenth query would pass the budget.
    expect(statuses.slice(0, 14).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(14).every((s) => s === 429)).toBe(true);
    const refused = await h.call('GET', `${items}/1`);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'activityLimitReached', innerError: { code: 'throttledRequest' } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-limit')).toBe('30');
    expect(h.emulator.stats()).toMatchObject({ faults: 0, throttled: 7 });
  });

  it('charges the requests inside a $batch one by one, and refuses those past the budget inside it', async () => {
    const requests = Array.from({ length: 20 }, (_, i) => ({
      id: String(i + 1), method: 'POST', url: items, headers: { 'Content-Type': 'application/json' },
      body: { fields: { Title: `g${i}`, Key: `g${i}`, PlanKey: 'p', Order: i, Owner: 'o' } },
    }));
    const res = await h.call('POST', '/$batch', { requests });
    expect(res.status).toBe(200);
    const byStatus = (res.body.responses as { status: number }[]).reduce<Record<number, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
    // 2 spent on the list, 14 creates × 2 = 28: six creates are refused, each with its own Retry-After.
    expect(byStatus).toEqual({ 201: 14, 429: 6 });
    const throttled = (res.body.responses as { status: number; headers: Record<string, string> }[]).filter((r) => r.status === 429);
    expect(throttled.every((r) => Number(r.headers['Retry-After']) > 0)).toBe(true);
  });
});
