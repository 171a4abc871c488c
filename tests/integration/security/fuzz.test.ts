import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERBS } from '../../../src/cards';
import { summaryFromCheckIns } from '../../../src/commands/submit-check-in';
import { isMember, type Goal, type Group } from '../../../src/domain';
import { listCounts, startSecureServer, type SecureServer } from './harness';

/**
 * fast-check over every command body and every card Action.Execute payload: whatever arrives, the
 * answer is never a 5xx, nothing is logged as an ERROR, and the lists afterwards hold exactly
 * what the successful answers said was written (and every summary equals its recomputation).
 */
let s: SecureServer;
let admin: string;
let member: { id: string; name: string; token: string };
let goal: Goal;
let group: Group;
let total = 0;
let fiveHundreds = 0;
const PLAN = 'vantaa-ko-2021';
const RUNS = 40;

beforeAll(async () => {
  s = await startSecureServer({ LOG_LEVEL: 'silent', RATE_LIMIT_USER_PER_MINUTE: '100000', RATE_LIMIT_IP_PER_MINUTE: '100000', SUMMARY_RECONCILE_MINUTES: '0' });
  const repo = s.server.services.repo;
  const goals = (await repo.goals.list({ planKey: PLAN })).items.map((g) => g.value);
  const groups = (await repo.groups.list()).items.map((g) => g.value);
  admin = (await s.token(s.users.find((u) => u.roles.includes('admin'))!.id)).accessToken;
  const m = s.users.find((u) => u.roles.length === 0 && groups.some((g) => isMember(g, u.id) && goals.some((x) => x.responsibleGroupKeys.includes(g.key) && x.units.length > 0)))!;
  member = { id: m.id, name: m.name, token: (await s.token(m.id)).accessToken };
  group = groups.find((g) => isMember(g, m.id) && goals.some((x) => x.responsibleGroupKeys.includes(g.key) && x.units.length > 0))!;
  goal = goals.find((x) => x.responsibleGroupKeys.includes(group.key) && x.units.length > 0)!;
}, 60_000);

afterAll(async () => {
  console.log(`fuzz: ${total} requests, ${fiveHundreds} answered 5xx`);
  await s?.stop();
});

async function send(method: string, path: string, token: string | undefined, body: unknown, headers: Record<string, string> = {}) {
  const r = await fetch(`${s.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await r.text();
  total++;
  if (r.status >= 500) fiveHundreds++;
  return { status: r.status, text };
}

/** Either a field's plausible value or anything at all: near-valid bodies reach deep into validation. */
const field = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: fc.jsonValue() });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const text = fc.string({ maxLength: 40 });
const body = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) =>
  fc.oneof({ weight: 4, arbitrary: fc.record(Object.fromEntries(Object.entries(fields).map(([k, a]) => [k, field(a)])), { requiredKeys: [] }) }, { weight: 1, arbitrary: fc.jsonValue() });

const period = fc.constantFrom('2021-09', '2021-08', '2021-13', '2031-01', 'x');
let seq = 0;
const checkInBody = () =>
  body({
    goalKey: fc.constantFrom(goal.key, 'no-such-goal', ''),
    period,
    unit: maybe(fc.constantFrom(...goal.units, 'NOPE')),
    status: fc.integer({ min: -2, max: 6 }),
    narrative: text,
    indicatorValue: maybe(fc.double()),
    submissionId: fc.constant(null).map(() => `fuzz-${seq++}-${Date.now().toString(36)}`),
  });

async function consistent(): Promise<void> {
  const repo = s.server.services.repo;
  for (const g of (await repo.goals.list({ planKey: PLAN })).items) {
    const checkIns = (await repo.checkIns.list({ goalKey: g.value.key })).items.map((c) => c.value);
    const keys = (x: Record<string, { checkInKey: string }>) => Object.fromEntries(Object.entries(x).map(([slot, e]) => [slot, e.checkInKey]));
    expect(keys(g.value.summary), g.value.key).toEqual(keys(summaryFromCheckIns(checkIns)));
  }
}

describe('fuzzed command bodies', () => {
  it.each([
    ['POST /api/check-ins (member)', 'checkIns'],
    ['POST /api/check-ins (admin)', 'checkIns'],
    ['POST /api/reviews', 'reviews'],
  ] as const)('%s: no 5xx, and the list grew by exactly the 201s', async (label, list) => {
    const before = await listCounts(s.server);
    let created = 0;
    const arb = list === 'reviews' ? body({ goalKey: fc.constantFrom(goal.key, 'nope'), meetingDate: fc.constantFrom('2021-09-22', '2021-02-30', 'x'), kind: fc.constantFrom('comment', 'decision', 'other'), text, period: maybe(period) }) : checkInBody();
    await fc.assert(
      fc.asyncProperty(arb, async (b) => {
        const r = await send('POST', list === 'reviews' ? '/api/reviews' : '/api/check-ins', label.includes('member') ? member.token : admin, b);
        expect(r.status, r.text).toBeLessThan(500);
        if (r.status === 201) created++;
      }),
      { numRuns: RUNS },
    );
    const after = await listCounts(s.server);
    expect(after[list]! - before[list]!).toBe(created);
    expect({ ...after, [list]: 0 }).toEqual({ ...before, [list]: 0 });
  }, 60_000);

  it.each(['goals', 'plans', 'themes', 'groups', 'units'] as const)('PUT /api/%s/:key (and POST for goals): no 5xx, and the list grew by exactly the creates', async (list) => {
    const repo = s.server.services.repo;
    const sample = (await repo[list].list()).items[0]!;
    const valid = sample.value as Record<string, unknown>;
    const before = await listCounts(s.server);
    let created = 0;
    const mutated = fc
      .tuple(fc.subarray(Object.keys(valid)), fc.dictionary(fc.constantFrom(...Object.keys(valid)), fc.jsonValue(), { maxKeys: 3 }))
      .map(([keep, replace]) => ({ ...Object.fromEntries(keep.map((k) => [k, valid[k]])), ...replace }));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(mutated, fc.jsonValue()),
        fc.constantFrom(String(valid.key), `fuzz-${list}-${seq++}`, 'ä ö', '..', '%2F'),
        fc.constantFrom<string | undefined>(undefined, '*', sample.etag, '"bogus"', ''),
        fc.boolean(),
        async (b, key, ifMatch, post) => {
          const r =
            post && list === 'goals'
              ? await send('POST', '/api/goals', admin, b)
              : await send('PUT', `/api/${list}/${encodeURIComponent(key)}`, admin, b, ifMatch !== undefined ? { 'if-match': ifMatch } : {});
          expect(r.status, r.text).toBeLessThan(500);
          if (r.status === 201) created++;
        },
      ),
      { numRuns: RUNS },
    );
    const after = await listCounts(s.server);
    expect(after[list]! - before[list]!).toBe(created);
    expect({ ...after, [list]: 0 }).toEqual({ ...before, [list]: 0 });
  }, 60_000);

  it('raw bytes that are not JSON at all: no 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.constantFrom('/api/check-ins', '/api/reviews', '/api/goals', `/api/plans/${PLAN}`), async (raw, path) => {
        const r = await send(path.startsWith('/api/plans') ? 'PUT' : 'POST', path, admin, raw);
        expect(r.status, r.text).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('left every goal summary equal to its recomputation, and nothing logged as an ERROR', async () => {
    await consistent();
    expect(s.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('fuzzed card Action.Execute payloads', () => {
  it('no 5xx; check-ins stored are exactly those whose answers said so; no other list changes', async () => {
    const before = await listCounts(s.server);
    const repo = s.server.services.repo;
    const sent: string[] = [];
    const data = body({
      planKey: fc.constantFrom(PLAN, 'nope'),
      groupKey: fc.constantFrom(group.key, 'nope'),
      period,
      goalKey: fc.constantFrom(goal.key, 'nope'),
      unit: maybe(fc.constantFrom(...goal.units, '')),
      status: fc.oneof(fc.constantFrom('1', '2', '', 'x'), fc.integer()),
      narrative: text,
      indicatorValue: maybe(fc.oneof(fc.constantFrom('', '12', 'NaN'), fc.double())),
      submissionId: fc.constant(null).map(() => {
        const id = `card-fuzz-${seq++}-${Date.now().toString(36)}`;
        sent.push(id);
        return id;
      }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(VERBS.checkIn, VERBS.checkIn, VERBS.openForm, VERBS.refresh, VERBS.link, 'unknown'),
        data,
        fc.oneof({ weight: 5, arbitrary: fc.constant('action') }, { weight: 1, arbitrary: fc.constant('raw') }),
        fc.jsonValue(),
        async (verb, d, shape, raw) => {
          const value = shape === 'action' ? { action: { type: 'Action.Execute', verb, data: d } } : raw;
          const r = await send('POST', '/api/messages', undefined, {
            type: 'invoke',
            name: 'adaptiveCard/action',
            id: `i:${seq++}`,
            channelId: 'msteams',
            serviceUrl: 'http://127.0.0.1:9/',
            locale: 'fi-FI',
            from: { id: `29:${member.id}`, aadObjectId: member.id, name: member.name },
            recipient: { id: '28:tavoitteet-bot' },
            conversation: { id: `19:fuzz@thread.tacv2`, conversationType: 'channel' },
            value,
          });
          expect(r.status, r.text).toBeLessThan(500);
        },
      ),
      { numRuns: 3 * RUNS },
    );
    const stored = (await Promise.all(sent.map((id) => repo.findCheckInBySubmission(id)))).filter(Boolean).length;
    const after = await listCounts(s.server);
    expect(after.checkIns! - before.checkIns!).toBe(stored);
    expect({ ...after, checkIns: 0 }).toEqual({ ...before, checkIns: 0 });
    await consistent();
    expect(s.lines.filter((l) => l.level === 'error')).toEqual([]);
  }, 60_000);
});
