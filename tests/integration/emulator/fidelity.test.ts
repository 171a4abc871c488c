import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGoals, startEmulator, type Harness } from './harness.js';

let h: Harness;
let items: string;
beforeEach(async () => {
  h = await startEmulator();
  items = `${h.site}/lists/${await createGoals(h)}/items`;
});
afterEach(async () => { await h.stop(); });

const add = (key: string) => h.call('POST', items, { fields: { Title: key, Key: key, Owner: 'o' } });

describe('Graph behaviours clients rely on', () => {
  it('refuses $select of a property a listItem does not have with 400, as Graph does', async () => {
    await add('A');
    for (const url of [`${items}?$select=id,nonsense`, `${items}/1?$select=Key`, `${h.site}/lists?$select=id,itemCount`]) {
      const res = await h.call('GET', url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe('BadRequest');
      expect(res.body.error.message).toMatch(/Could not find a property named '(nonsense|Key|itemCount)'/);
    }
  });

  it('returns sharepointIds only when $select names them', async () => {
    await add('A');
    const plain = await h.call('GET', `${items}/1`);
    expect(plain.body.sharepointIds).toBeUndefined();
    const res = await h.call('GET', `${items}/1?$select=id,sharepointIds`);
    expect(res.status).toBe(200);
    expect(res.body.sharepointIds).toMatchObject({ listItemId: '1', listId: items.split('/')[4] });
    expect(res.body.sharepointIds.listItemUniqueId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.webUrl).toBeUndefined();
  });

  it('answers a conditional GET of an item with 304 while its eTag is current, and with the item once it changed', async () => {
    const created = await add('A');
    const etag = created.body.eTag as string;
    const same = await h.call('GET', `${items}/1?$expand=fields`, undefined, { 'If-None-Match': etag });
    expect(same.status).toBe(304);
    expect((await h.call('GET', `${items}/1/fields`, undefined, { 'If-None-Match': etag })).status).toBe(304);
    await h.call('PATCH', `${items}/1/fields`, { Owner: 'p' }, { 'If-Match': etag });
    const changed = await h.call('GET', `${items}/1?$expand=fields`, undefined, { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.body.fields.Owner).toBe('p');
  });

  it('answers 501 to If-None-Match where it is not implemented, instead of ignoring it', async () => {
    await add('A');
    for (const [method, url] of [['GET', items], ['GET', `${items}/delta`], ['PATCH', `${items}/1/fields`]] as const) {
      const res = await h.call(method, url, method === 'PATCH' ? { Owner: 'x' } : undefined, { 'If-None-Match': '*' });
      expect(res.status, `${method} ${url}`).toBe(501);
      expect(res.body.error.code).toBe('notImplemented');
    }
    expect((await h.call('GET', `${items}/1/fields`)).body.Owner).toBe('o');
  });

  it('answers 501 to PATCH on the listItem itself (fields are updated at …/fields)', async () => {
    await add('A');
    const res = await h.call('PATCH', `${items}/1`, { fields: { Owner: 'x' } });
    expect(res.status).toBe(501);
    expect(res.body.error.code).toBe('notImplemented');
    expect(res.body.error.message).toContain('PATCH');
  });

  it('serves delta in its function forms: delta(), microsoft.graph.delta() and delta(token=…)', async () => {
    await add('A');
    const first = await h.call('GET', `${items}/delta`);
    const link = first.body['@odata.deltaLink'] as string;
    const token = new URL(link).searchParams.get('token')!;
    await add('B');
    for (const path of [`delta(token='${token}')`, `microsoft.graph.delta(token='${token}')`]) {
      const res = await h.call('GET', `${items}/${path}?$expand=fields`);
      expect(res.status, path).toBe(200);
      expect(res.body.value.map((v: { fields: { Key: string } }) => v.fields.Key)).toEqual(['B']);
      expect(res.body['@odata.deltaLink']).toMatch(/\/items\/delta\?/);
    }
    for (const path of ['delta()', 'microsoft.graph.delta()']) {
      const res = await h.call('GET', `${items}/${path}`);
      expect(res.status, path).toBe(200);
      expect(res.body.value).toHaveLength(2);
    }
  });
});

describe('$batch order', () => {
  /** The keys in the order the batch created them (item ids are given out in run order). */
  async function runOrder(seed: number): Promise<string[]> {
    const e = await startEmulator({ batchSeed: seed });
    try {
      const list = `${e.site}/lists/${await createGoals(e)}/items`;
      const keys = ['A', 'B', 'C', 'D', 'E', 'F'];
      const res = await e.call('POST', '/$batch', {
        requests: keys.map((k, i) => ({
          id: String(i + 1), method: 'POST', url: list, headers: { 'Content-Type': 'application/json' },
          body: { fields: { Title: k, Key: k, Owner: 'o' } },
        })),
      });
      expect(res.body.responses.every((r: { status: number }) => r.status === 201)).toBe(true);
      const all = await e.call('GET', `${list}?$expand=fields($select=Key)`);
      return all.body.value.map((v: { fields: { Key: string } }) => v.fields.Key);
    } finally {
      await e.stop();
    }
  }

  it('runs independent requests in a shuffled order that the seed makes reproducible', async () => {
    const once = await runOrder(7);
    expect(await runOrder(7)).toEqual(once);
    const orders = await Promise.all([1, 2, 3].map(runOrder));
    expect(orders.some((o) => o.join('') !== 'ABCDEF')).toBe(true);
  });

  it('still runs a request after the ones it depends on', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const e = await startEmulator({ batchSeed: seed });
      const list = `${e.site}/lists/${await createGoals(e)}/items`;
      const res = await e.call('POST', '/$batch', {
        requests: [
          { id: 'read', method: 'GET', url: `${list}?$expand=fields($select=Key)`, dependsOn: ['write'] },
          { id: 'write', method: 'POST', url: list, headers: { 'Content-Type': 'application/json' }, body: { fields: { Title: 'A', Key: 'A', Owner: 'o' } } },
        ],
      });
      const read = res.body.responses.find((r: { id: string }) => r.id === 'read');
      expect(read.body.value).toHaveLength(1);
      await e.stop();
    }
  });
});
