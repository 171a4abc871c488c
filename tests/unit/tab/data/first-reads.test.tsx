// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { buildDemoDataset } from '../../../../src/demo';
import type { Plan } from '../../../../src/domain';
import { activePlans, defaultPlan } from '../../../../src/domain/periods';
import { keys } from '../../../../src/tab/data';
import { firstBoardKeys, startFirstReads } from '../../../../src/tab/data/first-reads';
import DashboardView from '../../../../src/tab/features/dashboard/route';
import { fakeServices, renderView, testQueryClient } from '../helpers';

/** The first view's reads, started before React renders, land where the view's hooks look. */
const data = buildDemoDataset();
const today = '2021-09-22';
const plan = (key: string, periodStart: string, periodEnd: string, extra: Partial<Plan> = {}): Plan => ({ ...data.plans[0]!, key, periodStart, periodEnd, ...extra });

describe('the first view’s reads', () => {
  it('choose the boards the view will show: the plan in the URL, else the default plan, or every active plan', () => {
    const plans = [plan('p-2022', '2022-01-01', '2022-12-31'), plan('p-2021', '2021-01-01', '2021-12-31'), plan('p-2020', '2020-01-01', '2020-12-31')];
    expect(firstBoardKeys({ boards: 'chosenPlan', plan: 'p-2020' }, plans, today)).toEqual(['p-2020']);
    expect(firstBoardKeys({ boards: 'chosenPlan', plan: 'no-such-plan' }, plans, today)).toEqual([defaultPlan(plans, today)!.key]);
    expect(firstBoardKeys({ boards: 'chosenPlan' }, plans, today)).toEqual(['p-2021']);
    expect(firstBoardKeys({ boards: 'activePlans' }, plans, today)).toEqual(activePlans(plans, today).map((p) => p.key));
    expect(firstBoardKeys({}, plans, today)).toEqual([]);
    expect(firstBoardKeys({ boards: 'chosenPlan' }, [], today)).toEqual([]);
  });

  it('fill the query cache the dashboard reads from, so it renders its data without asking again', async () => {
    const services = fakeServices(data);
    const board = vi.spyOn(services.reads, 'board');
    const plans = vi.spyOn(services.reads, 'plans');
    const me = vi.spyOn(services.api, 'me');
    const qc = testQueryClient();
    await startFirstReads(qc, services, { boards: 'chosenPlan' });
    const user = services.auth.user!.id;
    const planKey = defaultPlan(data.plans, today)!.key;
    expect(qc.getQueryData(keys.me(user))).toMatchObject({ id: user });
    expect(qc.getQueryData(keys.board(user, planKey))).toMatchObject({ plan: { value: { key: planKey } } });
    expect([board.mock.calls.length, plans.mock.calls.length, me.mock.calls.length]).toEqual([1, 1, 1]);

    await renderView(<DashboardView />, { path: '/dashboard', services, queryClient: qc });
    // Drawn at once from the cache: the matrix is there on the first render, nothing read twice.
    expect(screen.getAllByRole('row').length).toBeGreaterThan(1);
    expect([board.mock.calls.length, plans.mock.calls.length]).toEqual([1, 1]);
  });

  it('leave a failed read to the view: nothing cached for it, no rejection', async () => {
    const services = fakeServices(data);
    vi.spyOn(services.reads, 'plans').mockRejectedValue(Object.assign(new Error('Graph is down'), { kind: 'Unavailable' }));
    const board = vi.spyOn(services.reads, 'board');
    const qc = testQueryClient();
    await expect(startFirstReads(qc, services, { boards: 'chosenPlan' })).resolves.toBeUndefined();
    expect(qc.getQueryData(keys.plans(services.auth.user!.id))).toBeUndefined();
    expect(board).not.toHaveBeenCalled();
  });

  it('on My goals, asks for the follow-ups of the user’s groups as soon as /api/me names them, without waiting for the plans or boards', async () => {
    const services = fakeServices(data);
    const user = services.auth.user!.id;
    vi.spyOn(services.api, 'me').mockResolvedValue({ id: user, upn: 'leader@example.test', name: 'Liisa Leader', roles: [], groups: ['g-vaka', 'g-pope'], now: '2021-09-22T06:00:00Z' });
    let releasePlans!: () => void;
    const plansHeld = new Promise<void>((ok) => (releasePlans = ok));
    const realPlans = services.reads.plans.bind(services.reads);
    vi.spyOn(services.reads, 'plans').mockImplementation(async () => {
      await plansHeld;
      return realPlans();
    });
    const followUps = vi.fn(async (_groupKey: string) => ({ items: [], invalid: [] }));
    services.reads.groupFollowUps = followUps;
    const qc = testQueryClient();
    const done = startFirstReads(qc, services, { boards: 'activePlans', followUps: true });
    await vi.waitFor(() => expect(followUps.mock.calls.map(([g]) => g)).toEqual(['g-vaka', 'g-pope']));
    // The plans (and so the boards) are still held: the follow-ups did not wait for them.
    expect(qc.getQueryData(keys.plans(user))).toBeUndefined();
    expect(qc.getQueryData(['groupFollowUps', user, 'g-vaka'])).toEqual({ items: [], invalid: [] });
    releasePlans();
    await done;
    expect(followUps).toHaveBeenCalledTimes(2);
  });

  it('asks for no follow-ups where the first screen shows none', async () => {
    const services = fakeServices(data);
    vi.spyOn(services.api, 'me').mockResolvedValue({ id: services.auth.user!.id, upn: 'x@example.test', name: 'X', roles: [], groups: ['g-vaka'], now: '2021-09-22T06:00:00Z' });
    const followUps = vi.fn(async (_groupKey: string) => ({ items: [], invalid: [] }));
    services.reads.groupFollowUps = followUps;
    await startFirstReads(testQueryClient(), services, { boards: 'chosenPlan' });
    expect(followUps).not.toHaveBeenCalled();
  });
});
