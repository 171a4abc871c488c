import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordReview, submitCheckIn } from '../../../src/commands';
import { Invalid, type Actor } from '../../../src/domain';
import * as S from '../graph/sample-entities';
import { startGraphContext, type GraphContext } from './graph-context';

/**
 * What the check-in and review commands refuse, over the local SharePoint emulator, on the demo's
 * date (22.9.2021: September is the current period). The API and the card both reach these
 * commands, so each refusal here is theirs, with the field code the API sends.
 */
let g: GraphContext;
const maija: Actor = { ...S.maija, roles: [] };
const leader: Actor = { id: 'aad-leader', upn: 'leader@vantaa.example', name: 'Leo Leader', roles: ['leader'] };
let n = 0;
const body = (over: Record<string, unknown> = {}) => ({ goalKey: 'G1', period: '2021-09', unit: 'VAKA', status: 1, narrative: 'Etenee.', submissionId: `rules-${++n}-0000`, ...over });

beforeAll(async () => {
  g = await startGraphContext('2021-09-22T09:00:00+03:00');
  const { repo } = g.ctx;
  await repo.units.create(S.unit('VAKA'));
  await repo.plans.create(S.plan());
  await repo.themes.create(S.theme());
  await repo.groups.create(S.group());
  await repo.goals.create(S.goal('G1'));
  await repo.goals.create(S.goal('G2', 'vantaa-2021', { indicator: { text: 'Osuus', kind: 'quantitative', unit: '%', direction: 'increase', min: 0, max: 100 } }));
});
afterAll(async () => g?.stop());

async function fieldCodes(p: Promise<unknown>): Promise<string[]> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(Invalid);
  return (e as Invalid).issues.map((i) => i.code);
}

describe('submitting a check-in', () => {
  it('refuses a future period of the plan and writes nothing', async () => {
    expect(await fieldCodes(submitCheckIn(g.ctx, maija, body({ period: '2021-12' })))).toEqual(['period.future']);
    expect((await g.ctx.repo.checkIns.list({ period: '2021-12' })).items).toEqual([]);
  });

  it('refuses a month outside the plan', async () => {
    expect(await fieldCodes(submitCheckIn(g.ctx, maija, body({ period: '2020-01' })))).toEqual(['period.outsidePlan']);
  });

  it('takes the current period and an overdue past one', async () => {
    expect((await submitCheckIn(g.ctx, maija, body())).created).toBe(true);
    expect((await submitCheckIn(g.ctx, maija, body({ period: '2021-01' }))).created).toBe(true);
  });

  it('refuses a negative value for a counting indicator', async () => {
    expect(await fieldCodes(submitCheckIn(g.ctx, maija, body({ indicatorValue: -5 })))).toEqual(['indicatorValue.negative']);
  });

  it('refuses a value outside the range the admin set', async () => {
    expect(await fieldCodes(submitCheckIn(g.ctx, maija, body({ goalKey: 'G2', indicatorValue: 120 })))).toEqual(['indicatorValue.aboveMax']);
    expect((await submitCheckIn(g.ctx, maija, body({ goalKey: 'G2', indicatorValue: 80 }))).checkIn.indicatorValue).toBe(80);
  });
});

describe('recording a review note', () => {
  const note = (meetingDate: string) => ({ goalKey: 'G1', meetingDate, kind: 'decision', text: 'Päätös.' });

  it('refuses a meeting date of 1.1.2030', async () => {
    expect(await fieldCodes(recordReview(g.ctx, leader, note('2030-01-01')))).toEqual(['meetingDate.tooFarAhead']);
  });

  it('refuses a date long before the plan', async () => {
    expect(await fieldCodes(recordReview(g.ctx, leader, note('2019-06-01')))).toEqual(['meetingDate.beforePlan']);
  });

  it('takes a meeting date within the plan', async () => {
    expect((await recordReview(g.ctx, leader, note('2021-09-21'))).meetingDate).toBe('2021-09-21');
  });
});
