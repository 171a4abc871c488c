import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInvolved, isMember } from '../../../src/domain';
import { startTestServer, type DemoUserInfo, type TestServer } from '../support/local-server';

/**
 * Issue 13, items 1, 3, 5 and 16 through the real server on the demo's date (22.9.2021): the API
 * refuses a future period, a negative headcount and a meeting in 2030, and every refused field
 * carries a stable code the tab shows in the user's language.
 */
let t: TestServer;
let member: DemoUserInfo;
let leader: DemoUserInfo;
let goalKey: string;
let unit: string;
let seq = 0;
const sid = (label: string) => `codes-${label}-${Date.now().toString(36)}-${seq++}`;

beforeAll(async () => {
  t = await startTestServer();
  const repo = t.server.services.repo;
  const goals = (await repo.goals.list({ planKey: 'vantaa-ko-2021' })).items.map((g) => g.value);
  const groups = (await repo.groups.list()).items.map((g) => g.value);
  member = t.users.find((u) => u.roles.length === 0 && groups.some((g) => isMember(g, u.id)) && goals.some((g) => isInvolved(u.id, g, groups) && g.indicator.kind === 'quantitative' && g.units.length > 0))!;
  const goal = goals.find((g) => isInvolved(member.id, g, groups) && g.indicator.kind === 'quantitative' && g.units.length > 0)!;
  goalKey = goal.key;
  unit = goal.units[0]!;
  leader = t.users.find((u) => u.roles.includes('leader'))!;
}, 60_000);
afterAll(async () => t?.stop());

async function post(path: string, userId: string, body: Record<string, unknown>) {
  const { accessToken } = await t.token(userId);
  return t.api(path, { token: accessToken, body });
}

describe('error codes from the command API', () => {
  it('refuses a check-in for December in September with period.future', async () => {
    const r = await post('/api/check-ins', member.id, { goalKey, period: '2021-12', unit, status: 2, narrative: 'Joulukuu.', submissionId: sid('future') });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid');
    expect(r.body.error.fields).toEqual([expect.objectContaining({ path: 'period', code: 'period.future' })]);
  });

  it('refuses a period outside the plan and a negative headcount, each with its code', async () => {
    const r = await post('/api/check-ins', member.id, { goalKey, period: '2022-03', unit, status: 2, narrative: 'x', indicatorValue: -5, submissionId: sid('neg') });
    expect(r.body.error.fields.map((f: { code: string }) => f.code)).toEqual(['period.outsidePlan', 'indicatorValue.negative']);
  });

  it('codes the schema’s own refusals too', async () => {
    const r = await post('/api/check-ins', member.id, { goalKey, period: '2021-13', narrative: '', submissionId: sid('schema') });
    expect(r.body.error.fields.map((f: { code: string }) => f.code).sort()).toEqual(['narrative.required', 'period.format', 'status.required']);
  });

  it('refuses a review meeting on 1.1.2030 with meetingDate.tooFarAhead', async () => {
    const r = await post('/api/reviews', leader.id, { goalKey, meetingDate: '2030-01-01', kind: 'comment', text: 'Kommentti.' });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual([expect.objectContaining({ path: 'meetingDate', code: 'meetingDate.tooFarAhead' })]);
  });
});
