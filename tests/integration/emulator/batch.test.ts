import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createGoals, shapeMismatches, startEmulator, USER, type Harness } from './harness.js';

const batchFixture = JSON.parse(readFileSync(new URL('../../fixtures/graph/batch-response.json', import.meta.url), 'utf8'));

let h: Harness;
let items: string;
beforeEach(async () => {
  h = await startEmulator();
  items = `${h.site}/lists/${await createGoals(h)}/items`;
});
afterEach(async () => { await h.stop(); });

const json = { 'Content-Type': 'application/json' };
const create = (id: string, key: string, dependsOn?: string[]) => ({
  id, method: 'POST', url: items, headers: json, body: { fields: { Title: key, Key: key, Owner: 'o' } }, ...(dependsOn ? { dependsOn } : {}),
});

describe('JSON batching', () => {
  it('runs requests in one round trip and answers each by id', async () => {
    h.emulator.resetStats();
    const res = await h.call('POST', '/$batch', {
      requests: [create('1', 'A'), create('2', 'B'), { id: '3', method: 'GET', url: `${items}?$expand=fields`, dependsOn: ['1', '2'] }],
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId['1'].status).toBe(201);
    expect(byId['2'].status).toBe(201);
    // 1 and 2 are independent: Graph may run them in either order, so only the set is certain.
    expect(byId['3'].body.value.map((v: { fields: { Key: string } }) => v.fields.Key).sort()).toEqual(['A', 'B']);
    expect(byId['1'].headers['Content-Type']).toContain('application/json');
    expect(h.emulator.stats()).toMatchObject({ requests: 1, batchedRequests: 3, byMethod: { POST: 1 } });
  });

  it('answers 424 to a request whose dependency failed, without running it', async () => {
    await h.call('POST', items, { fields: { Title: 'A', Key: 'A', Owner: 'o' } });
    const res = await h.call('POST', '/$batch', {
      requests: [create('1', 'A'), create('2', 'B', ['1']), { id: '3', method: 'PATCH', url: `${items}/1/fields`, headers: json, body: { Title: 'x' }, dependsOn: ['2'] }],
    });
    const byId = Object.fromEntries(res.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId['1'].status).toBe(409);
    expect(shapeMismatches(res.body, { responses: [{ ...batchFixture.responses[0], headers: {} }] })).toEqual([]);
    expect(byId['2'].status).toBe(424);
    expect(byId['3'].status).toBe(424);
    const all = await h.call('GET', `${items}?$expand=fields`);
    expect(all.body.value.map((v: { fields: { Title: string } }) => v.fields.Title)).toEqual(['A']);
  });

  it('refuses more than 20 requests with 400', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: items }));
    const res = await h.call('POST', '/$batch', { requests });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('20');
  });

  it('refuses a write without Content-Type and a dependsOn to an unknown id', async () => {
    const noType = await h.call('POST', '/$batch', { requests: [{ id: '1', method: 'POST', url: items, body: { fields: {} } }] });
    expect(noType.status).toBe(400);
    const unknownDep = await h.call('POST', '/$batch', { requests: [{ id: '1', method: 'GET', url: items, dependsOn: ['9'] }] });
    expect(unknownDep.status).toBe(400);
  });

  it('carries the batch caller into inner requests: a delegated user cannot write through a batch', async () => {
    const res = await h.call('POST', '/$batch', { requests: [create('1', 'A')] }, { Authorization: USER });
    expect(res.status).toBe(200);
    expect(res.body.responses[0].status).toBe(403);
    const unauth = await h.call('POST', '/$batch', { requests: [create('1', 'A')] }, { Authorization: '' });
    expect(unauth.status).toBe(401);
  });

  it('accepts urls without a leading slash and passes inner headers such as If-Match', async () => {
    const created = await h.call('POST', items, { fields: { Title: 'A', Key: 'A', Owner: 'o' } });
    const res = await h.call('POST', '/$batch', {
      requests: [{ id: '1', method: 'PATCH', url: `${items.slice(1)}/1/fields`, headers: { ...json, 'If-Match': '"{00000000-0000-0000-0000-000000000000},1"' }, body: { Title: 'B' } }],
    });
    expect(res.body.responses[0].status).toBe(412);
    expect(created.status).toBe(201);
  });
});
