import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecureServer, type SecureServer } from './harness';

/** `If-Match: *` behaves one way on every entity: update the current version if it exists, 412 if not. */
let s: SecureServer;
let admin: string;

beforeAll(async () => {
  s = await startSecureServer({ LOG_LEVEL: 'silent' });
  admin = (await s.token(s.users.find((u) => u.roles.includes('admin'))!.id)).accessToken;
}, 60_000);

afterAll(async () => {
  await s?.stop();
});

async function put(path: string, body: unknown, ifMatch?: string) {
  const r = await fetch(`${s.url}${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as any };
}

type Entity = 'goals' | 'plans' | 'themes' | 'groups' | 'units';
const first = async (e: Entity) => (await s.server.services.repo[e].list()).items[0]!;

describe('If-Match: *', () => {
  it.each<Entity>(['goals', 'plans', 'themes', 'groups', 'units'])('updates the current version of an existing item in %s (200)', async (e) => {
    const item = await first(e);
    const value = item.value as Record<string, unknown>;
    const r = await put(`/api/${e}/${value.key as string}`, value, '*');
    expect(r.status).toBe(200);
    expect(r.body.etag).not.toBe(item.etag);
  });

  it.each<Entity>(['goals', 'plans', 'themes', 'groups', 'units'])('answers 412 in %s when the item does not exist, and creates nothing', async (e) => {
    const item = await first(e);
    const key = `${(item.value as { key: string }).key}-none`;
    const r = await put(`/api/${e}/${key}`, { ...(item.value as object), key }, '*');
    expect(r.status).toBe(412);
    expect(r.body.error.code).toBe('preconditionFailed');
    expect(await s.server.services.repo[e].find(key)).toBeUndefined();
  });

  it.each<Entity>(['goals', 'plans', 'themes', 'groups', 'units'])('still answers 412 in %s for a stale version', async (e) => {
    const item = await first(e);
    const value = item.value as Record<string, unknown>;
    expect((await put(`/api/${e}/${value.key as string}`, value, item.etag)).status).toBe(200);
    const r = await put(`/api/${e}/${value.key as string}`, value, item.etag);
    expect(r.status).toBe(412);
    expect(r.body.error.current.etag).toBeTruthy();
  });
});
