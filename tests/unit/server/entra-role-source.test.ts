import { describe, expect, it } from 'vitest';
import { createGraphClient } from '../../../src/graph';
import { entraRoleSource } from '../../../src/server/auth/entra-role-source';

/**
 * The bot's tenant roles come from the app's Entra app role assignments, read through the real
 * Graph client against a fake Graph that answers the three documented calls.
 */
const APP_ID = '22222222-2222-4222-8222-222222222222';
const SP_ID = 'sp-object-id';
const ADMIN_ROLE = 'a0000000-0000-4000-8000-000000000001';
const LEADER_ROLE = 'a0000000-0000-4000-8000-000000000002';
const RETIRED_ROLE = 'a0000000-0000-4000-8000-000000000003';
const DEFAULT_ACCESS = '00000000-0000-0000-0000-000000000000';
const GRAPH = 'https://graph.microsoft.com/v1.0';

const AINO = 'u-aino'; // admin, directly
const LEENA = 'u-leena'; // leader, directly
const PEKKA = 'u-pekka'; // leader through the leaders group
const SARI = 'u-sari'; // admin directly and leader through the group
const OLLI = 'u-olli'; // only default access, and a disabled role
const LEADERS_GROUP = 'g-leaders';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function fakeGraph(overrides: { failAssignments?: () => boolean } = {}) {
  const calls: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const path = decodeURIComponent(url.pathname.replace('/v1.0', ''));
    calls.push(`${path}${url.search ? decodeURIComponent(url.search) : ''}`);
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer app-token');
    if (path === `/servicePrincipals(appId='${APP_ID}')`) {
      return json({
        id: SP_ID,
        appRoles: [
          { id: ADMIN_ROLE, value: 'Goals.Admin', isEnabled: true },
          { id: LEADER_ROLE, value: 'Goals.Leader', isEnabled: true },
          { id: RETIRED_ROLE, value: 'Goals.Admin', isEnabled: false },
        ],
      });
    }
    if (path === `/servicePrincipals/${SP_ID}/appRoleAssignedTo`) {
      if (overrides.failAssignments?.()) return json({ error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges' } }, 403);
      if (url.searchParams.get('$skiptoken') === 'page2') {
        return json({ value: [{ appRoleId: ADMIN_ROLE, principalId: SARI, principalType: 'User' }, { appRoleId: DEFAULT_ACCESS, principalId: OLLI, principalType: 'User' }] });
      }
      return json({
        value: [
          { appRoleId: ADMIN_ROLE, principalId: AINO, principalType: 'User' },
          { appRoleId: LEADER_ROLE, principalId: LEENA, principalType: 'User' },
          { appRoleId: LEADER_ROLE, principalId: LEADERS_GROUP, principalType: 'Group' },
          { appRoleId: ADMIN_ROLE, principalId: 'sp-other-app', principalType: 'ServicePrincipal' },
          { appRoleId: RETIRED_ROLE, principalId: OLLI, principalType: 'User' },
        ],
        '@odata.nextLink': `${GRAPH}/servicePrincipals/${SP_ID}/appRoleAssignedTo?$skiptoken=page2`,
      });
    }
    if (path === `/groups/${LEADERS_GROUP}/members/microsoft.graph.user`) return json({ value: [{ id: PEKKA }, { id: SARI }] });
    return json({ error: { code: 'Request_ResourceNotFound', message: `no ${path}` } }, 404);
  };
  return { calls, fetch };
}

function source(fake: ReturnType<typeof fakeGraph>, clock = { t: 0 }) {
  const warnings: string[] = [];
  const graph = createGraphClient({ baseUrl: `${GRAPH}/`, getToken: async () => 'app-token', fetch: fake.fetch, retry: { maxRetries: 0 } });
  const log = { debug: () => {}, info: () => {}, warn: (m: string) => warnings.push(m), error: () => {} };
  return { roles: entraRoleSource({ graph, appId: APP_ID, log, ttlSeconds: 60, now: () => clock.t }), warnings };
}

describe('roles from Entra app role assignments', () => {
  it('gives direct user assignments their app role, following the next page', async () => {
    const dir = await source(fakeGraph()).roles.current();
    expect(dir.rolesOf(AINO)).toEqual(['admin']);
    expect(dir.rolesOf(LEENA)).toEqual(['leader']);
  });

  it("gives a group's assignment to the group's members, together with their own", async () => {
    const fake = fakeGraph();
    const dir = await source(fake).roles.current();
    expect(dir.rolesOf(PEKKA)).toEqual(['leader']);
    expect(dir.rolesOf(SARI)).toEqual(['admin', 'leader']);
    expect(dir.leaders().sort()).toEqual([LEENA, PEKKA, SARI].sort());
    expect(fake.calls).toContain(`/groups/${LEADERS_GROUP}/members/microsoft.graph.user?$select=id&$top=999`);
  });

  it('ignores default access, disabled roles, other apps and people with no assignment', async () => {
    const dir = await source(fakeGraph()).roles.current();
    expect(dir.rolesOf(OLLI)).toEqual([]);
    expect(dir.rolesOf('sp-other-app')).toEqual([]);
    expect(dir.rolesOf('u-nobody')).toEqual([]);
  });

  it('reads Graph once per cache period and again after it', async () => {
    const fake = fakeGraph();
    const clock = { t: 0 };
    const { roles } = source(fake, clock);
    await Promise.all([roles.current(), roles.current()]);
    clock.t = 59_000;
    await roles.current();
    const spReads = () => fake.calls.filter((c) => c.startsWith('/servicePrincipals(appId=')).length;
    expect(spReads()).toBe(1);
    clock.t = 61_000;
    await roles.current();
    expect(spReads()).toBe(2);
  });

  it('keeps the last directory when a refresh fails, and fails when there is none yet', async () => {
    let fail = false;
    const clock = { t: 0 };
    const { roles, warnings } = source(fakeGraph({ failAssignments: () => fail }), clock);
    expect((await roles.current()).rolesOf(AINO)).toEqual(['admin']);
    fail = true;
    clock.t = 120_000;
    expect((await roles.current()).rolesOf(AINO)).toEqual(['admin']);
    expect(warnings).toHaveLength(1);

    const fresh = source(fakeGraph({ failAssignments: () => true }));
    await expect(fresh.roles.current()).rejects.toThrow();
  });
});
