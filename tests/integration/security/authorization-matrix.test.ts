import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERBS } from '../../../src/cards';
import { isInvolved, isMember, type Goal, type Group, type Person } from '../../../src/domain';
import { LOCAL_API_AUDIENCE } from '../../../src/server/auth/local-issuer';
import { startSecureServer, type SecureServer } from './harness';

/**
 * One authorization matrix, asserted through the HTTP API and through card actions: who may
 * check in on their own goal and on another group's goal, edit a goal or a plan, write a review
 * note, import a goal table and take the board report. (Archiving has no route yet.)
 */
type Role = 'admin' | 'leader' | 'responsible person' | 'group member' | 'other staff' | 'anonymous';
type Action = 'check-in own goal' | 'check-in other group’s goal' | 'edit goal' | 'edit plan' | 'review note' | 'import' | 'export';

const Y = true;
const N = false;
/** The policy (domain/policy.ts), written out. Anonymous is refused everything with 401. */
const EXPECTED: Record<Role, Record<Action, boolean>> = {
  admin: { 'check-in own goal': Y, 'check-in other group’s goal': Y, 'edit goal': Y, 'edit plan': Y, 'review note': Y, import: Y, export: Y },
  leader: { 'check-in own goal': N, 'check-in other group’s goal': N, 'edit goal': N, 'edit plan': N, 'review note': Y, import: N, export: Y },
  'responsible person': { 'check-in own goal': Y, 'check-in other group’s goal': N, 'edit goal': N, 'edit plan': N, 'review note': N, import: N, export: N },
  'group member': { 'check-in own goal': Y, 'check-in other group’s goal': N, 'edit goal': N, 'edit plan': N, 'review note': N, import: N, export: N },
  'other staff': { 'check-in own goal': N, 'check-in other group’s goal': N, 'edit goal': N, 'edit plan': N, 'review note': N, import: N, export: N },
  anonymous: { 'check-in own goal': N, 'check-in other group’s goal': N, 'edit goal': N, 'edit plan': N, 'review note': N, import: N, export: N },
};
const ROLES = Object.keys(EXPECTED) as Role[];
const ACTIONS = Object.keys(EXPECTED.admin) as Action[];
const PLAN = 'vantaa-ko-2021';

let s: SecureServer;
let own: Goal;
let ownGroup: Group;
let other: Goal;
let otherGroup: Group;
const people = {} as Record<Exclude<Role, 'anonymous'>, Person>;
const tokens = {} as Record<Role, string | undefined>;
let seq = 0;

beforeAll(async () => {
  s = await startSecureServer({ LOG_LEVEL: 'silent', RATE_LIMIT_IP_PER_MINUTE: '1000' });
  const repo = s.server.services.repo;
  const goals = (await repo.goals.list({ planKey: PLAN })).items.map((g) => g.value);
  const groups = (await repo.groups.list()).items.map((g) => g.value);
  const demo = s.users;
  // The leader and the admin are demo users (their roles come from the same list on both paths).
  const admin = demo.find((u) => u.roles.includes('admin'))!;
  const leader = demo.find((u) => u.roles.includes('leader') && !u.roles.includes('admin'))!;
  // "Own goal": one with a responsible person and a group; the other goal: of another group, with neither.
  own = goals.find((g) => g.responsiblePersons.length > 0 && g.responsibleGroupKeys.length > 0 && g.units.length > 0 && !isInvolved(leader.id, g, groups))!;
  ownGroup = groups.find((g) => own.responsibleGroupKeys.includes(g.key))!;
  const responsible = own.responsiblePersons[0]!;
  const member = ownGroup.members.find((m) => !own.responsiblePersons.some((p) => p.id === m.id) && !demo.some((u) => u.id === m.id && u.roles.length > 0))!;
  other = goals.find(
    (g) => g.key !== own.key && g.units.length > 0 && !g.responsibleGroupKeys.some((k) => own.responsibleGroupKeys.includes(k)) && ![responsible.id, member.id, leader.id].some((id) => isInvolved(id, g, groups)),
  )!;
  otherGroup = groups.find((g) => other.responsibleGroupKeys.includes(g.key))!;
  const staff: Person = { id: '00000000-0000-4000-8000-00000000ffff', upn: 'muu.henkilo@vantaa.example', name: 'Muu Henkilö' };
  expect(goals.some((g) => isInvolved(staff.id, g, groups))).toBe(false);
  expect(isMember(ownGroup, member.id) && !isMember(otherGroup, member.id)).toBe(true);
  Object.assign(people, {
    admin: { id: admin.id, upn: admin.upn, name: admin.name },
    leader: { id: leader.id, upn: leader.upn, name: leader.name },
    'responsible person': responsible,
    'group member': member,
    'other staff': staff,
  });
  const issuer = s.server.services.local!.issuer;
  for (const role of ROLES) {
    if (role === 'anonymous') continue;
    const p = people[role];
    const roles = demo.find((u) => u.id === p.id)?.roles ?? [];
    tokens[role] = await issuer.userToken({ ...p, roles: roles as ('admin' | 'leader')[] }, LOCAL_API_AUDIENCE);
  }
}, 60_000);

afterAll(async () => {
  await s?.stop();
});

async function call(role: Role, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<number> {
  const token = tokens[role];
  const r = await fetch(`${s.url}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  await r.arrayBuffer();
  return r.status;
}

const checkIn = (goal: Goal, label: string) => ({
  goalKey: goal.key,
  period: '2021-09',
  unit: goal.units[0],
  status: 1,
  narrative: `Matriisi: ${label}`,
  submissionId: `matrix-${label.replace(/\W+/g, '-')}-${seq++}`,
});

const TABLE_CSV = Buffer.from('Tavoite;Mittari\nKokeilu;Osuus\n', 'utf8').toString('base64');

/** Runs one action through the API: true if it was allowed (answered neither 401 nor 403). */
async function viaApi(role: Role, action: Action): Promise<boolean> {
  const repo = s.server.services.repo;
  let status: number;
  switch (action) {
    case 'check-in own goal':
      status = await call(role, 'POST', '/api/check-ins', checkIn(own, `${role} own`));
      break;
    case 'check-in other group’s goal':
      status = await call(role, 'POST', '/api/check-ins', checkIn(other, `${role} other`));
      break;
    case 'edit goal': {
      const g = await repo.goals.get(own.key);
      status = await call(role, 'PUT', `/api/goals/${own.key}`, g.value, { 'if-match': g.etag });
      break;
    }
    case 'edit plan': {
      const p = await repo.plans.get(PLAN);
      status = await call(role, 'PUT', `/api/plans/${PLAN}`, p.value, { 'if-match': p.etag });
      break;
    }
    case 'review note':
      status = await call(role, 'POST', '/api/reviews', { goalKey: own.key, meetingDate: '2021-09-22', kind: 'comment', text: `Matriisi ${role}` });
      break;
    case 'import':
      status = await call(role, 'POST', '/api/import/preview', { fileName: 'tavoitteet.csv', file: TABLE_CSV, plan: PLAN });
      break;
    case 'export':
      status = await call(role, 'GET', `/api/reports?plan=${PLAN}&period=2021-09&format=csv`);
      break;
  }
  if (role === 'anonymous') expect(status, `${role} × ${action}`).toBe(401);
  expect(status, `${role} × ${action}`).toBeLessThan(500);
  return status !== 401 && status !== 403;
}

/** A check-in through a group card's Action.Execute: true if the check-in was stored. */
async function viaCard(role: Role, goal: Goal, group: Group): Promise<boolean> {
  const body = checkIn(goal, `${role} card ${goal.key}`);
  const p = role === 'anonymous' ? undefined : people[role];
  const activity = {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `i:${seq++}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    locale: 'fi-FI',
    from: p ? { id: `29:${p.id}`, aadObjectId: p.id, name: p.name } : { id: '29:anonymous', name: 'Someone' },
    recipient: { id: '28:tavoitteet-bot', name: 'Tavoitteet' },
    conversation: { id: `19:${group.key}@thread.tacv2`, conversationType: 'channel', tenantId: 'tenant-0001' },
    value: { action: { type: 'Action.Execute', verb: VERBS.checkIn, data: { planKey: PLAN, groupKey: group.key, ...body, status: String(body.status) } } },
    channelData: { tenant: { id: 'tenant-0001' } },
  };
  const r = await fetch(`${s.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  await r.arrayBuffer();
  expect(r.status, `${role} card ${goal.key}`).toBe(200);
  return (await s.server.services.repo.findCheckInBySubmission(body.submissionId)) !== undefined;
}

describe('the authorization matrix', () => {
  it('through the HTTP API: every role × action as the policy says', async () => {
    const seen = {} as Record<Role, Record<Action, boolean>>;
    for (const role of ROLES) {
      seen[role] = {} as Record<Action, boolean>;
      for (const action of ACTIONS) seen[role][action] = await viaApi(role, action);
    }
    expect(seen).toEqual(EXPECTED);
  }, 60_000);

  it('through card actions: the same answers for check-ins on one’s own and another group’s goal', async () => {
    const seen = {} as Record<Role, Partial<Record<Action, boolean>>>;
    const expected = {} as Record<Role, Partial<Record<Action, boolean>>>;
    for (const role of ROLES) {
      seen[role] = { 'check-in own goal': await viaCard(role, own, ownGroup), 'check-in other group’s goal': await viaCard(role, other, otherGroup) };
      expected[role] = { 'check-in own goal': EXPECTED[role]['check-in own goal'], 'check-in other group’s goal': EXPECTED[role]['check-in other group’s goal'] };
    }
    expect(seen).toEqual(expected);
  }, 60_000);

  it('through a card, another person’s submission id gives nothing back to someone outside the goal', async () => {
    const member = people['group member'];
    const body = checkIn(own, 'owned by member');
    expect(await call('group member', 'POST', '/api/check-ins', body)).toBe(201);
    const staff = people['other staff'];
    const r = await fetch(`${s.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `i:${seq++}`,
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/',
        from: { id: `29:${staff.id}`, aadObjectId: staff.id, name: staff.name },
        recipient: { id: '28:tavoitteet-bot' },
        conversation: { id: `19:${ownGroup.key}@thread.tacv2`, conversationType: 'channel' },
        value: { action: { type: 'Action.Execute', verb: VERBS.checkIn, data: { planKey: PLAN, groupKey: ownGroup.key, ...body, status: '2', narrative: 'x' } } },
      }),
    });
    const text = await r.text();
    expect(r.status).toBe(200);
    expect(text).not.toContain(body.narrative);
    expect(text).not.toContain(member.name);
  });
});
