import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/local-server';

/**
 * The local demo directory behind the admin's people picker (issue 13 item 11): searchable as you
 * type, and holding everyone the demo names, not only the people already in a group or a goal.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
}, 60_000);
afterAll(async () => t?.stop());

type Found = { value: { id: string; upn: string; name: string }[] };

describe('GET /local/directory', () => {
  it('holds every demo user and every person named in a group or a goal', async () => {
    const repo = t.server.services.repo;
    const goals = (await repo.goals.list({ planKey: 'vantaa-ko-2021' })).items.map((g) => g.value);
    const groups = (await repo.groups.list()).items.map((g) => g.value);
    const named = new Set([...t.users.map((u) => u.id), ...groups.flatMap((g) => [...g.members, ...g.owners].map((p) => p.id)), ...goals.flatMap((g) => g.responsiblePersons.map((p) => p.id))]);
    const all = await t.api('/local/directory?q=');
    expect(all.status).toBe(200);
    const ids = new Set((all.body as Found).value.map((p) => p.id));
    expect([...named].filter((id) => !ids.has(id))).toEqual([]);
    // Tuomas is in no group and responsible for nothing: the old picker could not offer him.
    expect((all.body as Found).value.map((p) => p.name)).toContain('Tuomas Laine');
  });

  it('narrows by what is typed, accents or not', async () => {
    const r = await t.api(`/local/directory?q=${encodeURIComponent('holmstro')}`);
    expect(r.status).toBe(200);
    expect((r.body as Found).value.map((p) => p.name)).toEqual(['Linnea Holmström']);
    const none = await t.api('/local/directory?q=zzzz');
    expect((none.body as Found).value).toEqual([]);
  });

  it('refuses a search text longer than 100 characters with a 400 naming q', async () => {
    const r = await t.api(`/local/directory?q=${'a'.repeat(101)}`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid');
    expect(r.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['q']);
  });
});
