import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTabConfig } from '../../../src/tab/data/config';
import { startTestServer, type TestServer } from '../support/local-server';

/** /config.json carries the site's list ids, so the tab reads its lists without looking them up first, and in local mode the issuer's key id. */
let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
}, 60_000);

afterAll(async () => {
  await s?.stop();
});

describe('/config.json', () => {
  it('names the id of every list the tab reads, as the site has them', async () => {
    const parsed = parseTabConfig(await (await fetch(`${s.url}/config.json`)).json());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { graphToken } = await s.token(s.users[0]!.id);
    const site = await fetch(`${s.url}/graph/v1.0/sites/${parsed.config.siteId}/lists?$select=id,displayName`, { headers: { authorization: `Bearer ${graphToken}` } });
    const lists = ((await site.json()) as { value: { id: string; displayName: string }[] }).value;
    const ids = parsed.config.listIds ?? {};
    for (const entity of ['plan', 'theme', 'goal', 'checkIn', 'review', 'group', 'unit', 'meetingSession'] as const) {
      expect(ids[entity], entity).toBeTruthy();
      expect(lists.some((l) => l.id === ids[entity]), entity).toBe(true);
    }
    // The Goals list by its id answers the user's delegated read, as the tab will call it.
    const goals = await fetch(`${s.url}/graph/v1.0/sites/${parsed.config.siteId}/lists/${ids.goal}/items?$top=1`, { headers: { authorization: `Bearer ${graphToken}` } });
    expect(goals.status).toBe(200);
  });

  it('names the key local tokens are signed with, so the tab keeps them for a reload only while it signs', async () => {
    const parsed = parseTabConfig(await (await fetch(`${s.url}/config.json`)).json());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { accessToken, graphToken } = await s.token(s.users[0]!.id);
    const kidOf = (jwt: string) => (JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString('utf8')) as { kid?: string }).kid;
    expect(parsed.config.localKeyId).toMatch(/^local-/);
    expect(kidOf(accessToken)).toBe(parsed.config.localKeyId);
    expect(kidOf(graphToken)).toBe(parsed.config.localKeyId);
  });
});
