import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createGoals, shapeMismatches, startEmulator, type Harness } from './harness.js';

const deltaFixture = JSON.parse(
  readFileSync(new URL('../../fixtures/graph/listitem-delta-last-page.json', import.meta.url), 'utf8'),
) as { value: unknown[] };

let h: Harness;
let items: string;
beforeEach(async () => {
  h = await startEmulator({ pageSize: 2 });
  items = `${h.site}/lists/${await createGoals(h)}/items`;
  for (const key of ['A', 'B', 'C']) await h.call('POST', items, { fields: { Title: key, Key: key, Owner: 'o' } });
});
afterEach(async () => { await h.stop(); });

/** Follow nextLinks to the deltaLink; returns all values and the deltaLink. */
async function drain(url: string): Promise<{ values: any[]; deltaLink: string; pages: number }> {
  const values: any[] = [];
  let pages = 0;
  for (let next: string = url; ;) {
    const res = await h.call('GET', next);
    expect(res.status).toBe(200);
    values.push(...res.body.value);
    pages++;
    if (res.body['@odata.deltaLink']) return { values, deltaLink: res.body['@odata.deltaLink'], pages };
    next = res.body['@odata.nextLink'] as string;
    expect(next).toBeDefined();
  }
}

describe('list item delta', () => {
  it('enumerates every item over pages on the first call and ends with a deltaLink', async () => {
    const { values, deltaLink, pages } = await drain(`${items}/delta?$expand=fields($select=Key)`);
    expect(pages).toBe(2);
    expect(values.map((v) => v.fields.Key)).toEqual(['A', 'B', 'C']);
    expect(shapeMismatches({ value: values, '@odata.deltaLink': deltaLink }, { ...deltaFixture, value: [deltaFixture.value[0]] })).toEqual([]);
    expect(deltaLink.startsWith(`${h.base}${items}/delta?`)).toBe(true);
    expect(deltaLink).toContain('token=');
  });

  it('reports a changed item once with its latest state, and nothing else', async () => {
    const { deltaLink } = await drain(`${items}/delta?$expand=fields`);
    await h.call('PATCH', `${items}/2/fields`, { Title: 'B1' });
    await h.call('PATCH', `${items}/2/fields`, { Title: 'B2' });
    const { values, deltaLink: next } = await drain(deltaLink);
    expect(values).toHaveLength(1);
    expect(values[0]).toMatchObject({ id: '2', fields: { Title: 'B2' } });
    expect(values[0].eTag).toMatch(/,3"$/);
    expect((await drain(next)).values).toEqual([]);
  });

  it('reports a deleted item as a deleted stub', async () => {
    const { deltaLink } = await drain(`${items}/delta`);
    await h.call('DELETE', `${items}/1`);
    await h.call('POST', items, { fields: { Title: 'D', Key: 'D', Owner: 'o' } });
    const { values } = await drain(deltaLink);
    expect(values.map((v) => v.id)).toEqual(['1', '4']);
    expect(values[0]).toMatchObject({ id: '1', deleted: { state: 'deleted' } });
    expect(shapeMismatches(values[0], deltaFixture.value[1])).toEqual([]);
    expect(values[0].fields).toBeUndefined();
  });

  it('answers token=latest with no items and a deltaLink that sees only later changes', async () => {
    const latest = await h.call('GET', `${items}/delta?token=latest`);
    expect(latest.status).toBe(200);
    expect(latest.body.value).toEqual([]);
    expect(latest.body['@odata.nextLink']).toBeUndefined();
    await h.call('PATCH', `${items}/3/fields`, { Title: 'C1' });
    const { values } = await drain(latest.body['@odata.deltaLink']);
    expect(values.map((v) => v.id)).toEqual(['3']);
  });

  it('answers an unknown or foreign token with 410 resyncRequired and a fresh start in Location', async () => {
    const res = await h.call('GET', `${items}/delta?token=not-a-token`);
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('resyncRequired');
    expect(res.headers.get('location')).toBe(`${h.base}${items}/delta?`);
    const other = await startEmulator();
    try {
      const otherItems = `${other.site}/lists/${await createGoals(other)}/items`;
      const { deltaLink } = await drain(`${items}/delta`);
      const token = new URL(deltaLink).searchParams.get('token')!;
      const foreign = await other.call('GET', `${otherItems}/delta?token=${token}`);
      expect(foreign.status).toBe(410);
    } finally {
      await other.stop();
    }
  });
});
