import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERBS } from '../../../src/cards';
import type { Group } from '../../../src/domain';
import { startTestServer, type DemoUserInfo, type TestServer } from '../support/local-server';

/**
 * One source of roles (docs/decisions/0004): the person the tab's token calls an admin is an
 * admin to the bot too, and someone without the role is refused on both paths. Local mode: the
 * local issuer mints the demo users' roles and the bot's directory reads the same users.
 */
let t: TestServer;
let admin: DemoUserInfo;
let nobody: DemoUserInfo;
let group: Group;

beforeAll(async () => {
  t = await startTestServer();
  const groups = (await t.server.services.repo.groups.list()).items.map((g) => g.value);
  admin = t.users.find((u) => u.roles.includes('admin'))!;
  // A group the admin does not own, so only the admin role can let them link its channel.
  group = groups.find((g) => !g.owners.some((o) => o.id === admin.id) && !g.conversation)!;
  nobody = t.users.find((u) => u.roles.length === 0 && !group.owners.some((o) => o.id === u.id))!;
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

let seq = 0;
function linkAction(person: DemoUserInfo, teamId: string) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `roles-${++seq}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/unused-connector',
    locale: 'en-US',
    from: { id: `29:${person.id}`, aadObjectId: person.id, name: person.name },
    recipient: { id: '28:tavoitteet-bot', name: 'Tavoitteet' },
    conversation: { id: teamId, conversationType: 'channel', tenantId: 'tenant-roles' },
    value: { action: { type: 'Action.Execute', verb: VERBS.link, data: { groupKey: group.key } } },
    channelData: { tenant: { id: 'tenant-roles' }, team: { id: teamId }, channel: { id: teamId } },
  };
}

const postActivity = async (activity: unknown) => {
  const r = await fetch(`${t.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  return { status: r.status, body: (await r.json()) as { statusCode: number; value: unknown } };
};

async function putOwnUnit(person: DemoUserInfo) {
  const [unit] = (await t.server.services.repo.units.list()).items;
  const token = (await t.token(person.id)).accessToken;
  return t.api(`/api/units/${unit!.value.key}`, { method: 'PUT', token, body: unit!.value, headers: { 'If-Match': unit!.etag } });
}

describe('one source of roles for the tab and the bot', () => {
  it('an admin by token is an admin to the API: /api/me says so and an admin-only PUT is accepted', async () => {
    expect(admin && nobody && group).toBeTruthy();
    const me = await t.api('/api/me', { token: (await t.token(admin.id)).accessToken });
    expect(me.body.roles).toContain('admin');
    expect((await putOwnUnit(admin)).status).toBe(200);
  });

  it("the same admin is an admin to the bot: linking a channel to a group they do not own", async () => {
    const team = `19:roles-admin-${Date.now()}@thread.tacv2`;
    const r = await postActivity(linkAction(admin, team));
    expect(r.body.statusCode).toBe(200);
    expect((await t.server.services.repo.groups.get(group.key)).value.conversation?.conversationId).toBe(team);
  });

  it('someone without the role is refused on both paths', async () => {
    const me = await t.api('/api/me', { token: (await t.token(nobody.id)).accessToken });
    expect(me.body.roles).toEqual([]);
    expect((await putOwnUnit(nobody)).status).toBe(403);

    const team = `19:roles-nobody-${Date.now()}@thread.tacv2`;
    const r = await postActivity(linkAction(nobody, team));
    expect(r.body.statusCode).toBe(200);
    expect(JSON.stringify(r.body.value)).toMatch(/admins|owners/i);
    expect((await t.server.services.repo.groups.get(group.key)).value.conversation?.conversationId).not.toBe(team);
  });
});
