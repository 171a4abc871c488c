import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createGoals, shapeMismatches, startEmulator, type Harness } from './harness.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/graph/${name}`, import.meta.url), 'utf8'));

let h: Harness;
let items: string;
beforeEach(async () => {
  h = await startEmulator();
  items = `${h.site}/lists/${await createGoals(h)}/items`;
});
afterEach(async () => { await h.stop(); });

const goal = (key: string, extra: Record<string, unknown> = {}) => ({ fields: { Title: `Goal ${key}`, Key: key, Owner: 'Ann', ...extra } });

describe('list items', () => {
  it('creates an item and returns it with fields, eTag and creator like Graph', async () => {
    const res = await h.call('POST', items, goal('G1', { Order: 3, DueAt: '2026-05-31T21:00:00.000Z', Active: true, Status: 'green' }));
    expect(res.status).toBe(201);
    expect(shapeMismatches(res.body, fixture('listitem-with-fields.json'))).toEqual([]);
    expect(res.body.id).toBe('1');
    expect(res.body.eTag).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);
    expect(res.body.fields['@odata.etag']).toBe(res.body.eTag);
    expect(res.body.fields).toMatchObject({ Title: 'Goal G1', Key: 'G1', Order: 3, DueAt: '2026-05-31T21:00:00Z', Active: true, Status: 'green', id: '1', ContentType: 'Item' });
    expect(res.body.createdBy.application).toMatchObject({ displayName: 'Tavoitteet app' });
    expect(res.body.contentType.name).toBe('Item');
    const second = await h.call('POST', items, goal('G2'));
    expect(second.body.id).toBe('2');
  });

  it('gets one item, with all fields or only the selected ones', async () => {
    await h.call('POST', items, goal('G1', { Order: 1 }));
    const bare = await h.call('GET', `${items}/1`);
    expect(bare.status).toBe(200);
    expect(bare.body.fields).toBeUndefined();
    const full = await h.call('GET', `${items}/1?$expand=fields`);
    expect(full.body.fields.Key).toBe('G1');
    const some = await h.call('GET', `${items}/1?$expand=fields($select=Key,Order)`);
    expect(Object.keys(some.body.fields).sort()).toEqual(['@odata.etag', 'Key', 'Order']);
    const plain = await h.call('GET', `${items}/1?expand=fields(select=Key)`);
    expect(plain.body.fields.Key).toBe('G1');
    expect((await h.call('GET', `${items}/99`)).status).toBe(404);
  });

  it('updates fields, bumps the eTag version and answers the fieldValueSet', async () => {
    const created = await h.call('POST', items, goal('G1', { Score: 1 }));
    const res = await h.call('PATCH', `${items}/1/fields`, { Score: 2.5, Narrative: 'Line 1\nLine 2' }, { 'If-Match': created.body.eTag });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ Score: 2.5, Narrative: 'Line 1\nLine 2', Key: 'G1' });
    expect(res.body['@odata.etag']).toMatch(/,2"$/);
    const cleared = await h.call('PATCH', `${items}/1/fields`, { Score: null });
    expect(cleared.body.Score).toBeUndefined();
    expect(cleared.body['@odata.etag']).toMatch(/,3"$/);
  });

  it('refuses an update with a stale If-Match with 412 and keeps the item', async () => {
    const created = await h.call('POST', items, goal('G1', { Score: 1 }));
    await h.call('PATCH', `${items}/1/fields`, { Score: 2 });
    const stale = await h.call('PATCH', `${items}/1/fields`, { Score: 3 }, { 'If-Match': created.body.eTag });
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({ code: 'resourceModified', message: expect.any(String) });
    expect((await h.call('GET', `${items}/1?$expand=fields`)).body.fields.Score).toBe(2);
    const any = await h.call('PATCH', `${items}/1/fields`, { Score: 4 }, { 'If-Match': '*' });
    expect(any.status).toBe(200);
    const staleDelete = await h.call('DELETE', `${items}/1`, undefined, { 'If-Match': created.body.eTag });
    expect(staleDelete.status).toBe(412);
  });

  it('deletes an item with 204 and then reports it missing', async () => {
    const created = await h.call('POST', items, goal('G1'));
    const res = await h.call('DELETE', `${items}/1`, undefined, { 'If-Match': created.body.eTag });
    expect(res.status).toBe(204);
    expect((await h.call('GET', `${items}/1`)).body.error.code).toBe('itemNotFound');
  });

  it('refuses a duplicate value in a unique column with 409, case-insensitively, on create and update', async () => {
    await h.call('POST', items, goal('G1'));
    const dup = await h.call('POST', items, goal('g1'));
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('nameAlreadyExists');
    expect(dup.body.error.message).toContain('[Key]');
    await h.call('POST', items, goal('G2'));
    const update = await h.call('PATCH', `${items}/2/fields`, { Key: 'G1' });
    expect(update.status).toBe(409);
    const self = await h.call('PATCH', `${items}/2/fields`, { Key: 'G2' });
    expect(self.status).toBe(200);
    expect((await h.call('GET', items)).body.value).toHaveLength(2);
  });

  it('refuses unknown and read-only field names with 400 naming the field', async () => {
    const unknown = await h.call('POST', items, goal('G1', { Colour: 'blue' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain("'Colour'");
    await h.call('POST', items, goal('G1'));
    const readOnly = await h.call('PATCH', `${items}/1/fields`, { Created: '2020-01-01T00:00:00Z' });
    expect(readOnly.status).toBe(400);
    expect(readOnly.body.error.message).toContain("'Created'");
  });

  it('refuses values of the wrong type with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ Order: '3' }, 'Order'],
      [{ DueAt: 'tomorrow' }, 'DueAt'],
      [{ Active: 'yes' }, 'Active'],
      [{ Status: 'purple' }, 'Status'],
      [{ PlanKey: 42 }, 'PlanKey'],
      [{ PlanKey: 'x'.repeat(256) }, 'PlanKey'],
    ];
    for (const [extra, field] of cases) {
      const res = await h.call('POST', items, goal('G1', extra));
      expect(res.status, field).toBe(400);
      expect(res.body.error.message).toContain(`'${field}'`);
    }
    expect((await h.call('GET', items)).body.value).toHaveLength(0);
  });

  it('refuses an item without a required column value', async () => {
    const missingOwner = await h.call('POST', items, { fields: { Title: 'x', Key: 'K' } });
    expect(missingOwner.status).toBe(400);
    expect(missingOwner.body.error.message).toContain("'Owner'");
    const missingTitle = await h.call('POST', items, { fields: { Key: 'K', Owner: 'o' } });
    expect(missingTitle.status).toBe(400);
    await h.call('POST', items, goal('G1'));
    const clearing = await h.call('PATCH', `${items}/1/fields`, { Owner: null });
    expect(clearing.status).toBe(400);
  });

  it('answers a malformed JSON body with 400 in Graph error shape', async () => {
    const res = await h.call('POST', items, '{"fields": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadRequest');
  });
});
