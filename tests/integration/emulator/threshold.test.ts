import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGoals, startEmulator, type Harness } from './harness.js';

// A threshold of 20 stands in for SharePoint's 5,000: the rule is the same, the lists are small.
const THRESHOLD = 20;
const PREFER = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

let h: Harness;
let items: string;

/** `count` items of plan `planKey`, keys `${planKey}-${i}`, in $batch round trips of 20. */
async function fill(planKey: string, count: number, from = 0): Promise<void> {
  for (let i = from; i < from + count; i += 20) {
    const requests = Array.from({ length: Math.min(20, from + count - i) }, (_, j) => ({
      id: String(j + 1), method: 'POST', url: items, headers: { 'Content-Type': 'application/json' },
      body: { fields: { Title: `${planKey} ${i + j}`, Key: `${planKey}-${i + j}`, PlanKey: planKey, Order: i + j, Score: i + j, Owner: 'o' } },
    }));
    const res = await h.call('POST', '/$batch', { requests });
    if (res.body.responses.some((r: { status: number }) => r.status !== 201)) throw new Error(JSON.stringify(res.body));
  }
}

const get = (query: string, headers: Record<string, string> = {}) => h.call('GET', `${items}?${query}`, undefined, headers);

function expectThrottled(res: Awaited<ReturnType<typeof get>>): void {
  expect(res.status).toBe(429);
  expect(res.body.error.code).toBe('notSupported');
  expect(res.body.error.message).toBe('The request is unprocessable because it uses too many resources');
  expect(res.body.error.innerError.code).toBe('tooManyResources');
  // Not a transient throttle: waiting does not help, so no Retry-After invites a retry.
  expect(res.headers.get('retry-after')).toBeNull();
}

beforeEach(async () => {
  h = await startEmulator({ listViewThreshold: THRESHOLD, pageSize: 7 });
  items = `${h.site}/lists/${await createGoals(h)}/items`;
});
afterEach(async () => { await h.stop(); });

describe('the list view threshold', () => {
  it('refuses a filter whose first indexed condition selects more than the threshold, whatever $top and later conditions say', async () => {
    await fill('big', 25);
    await fill('small', 3);
    expectThrottled(await get(`$expand=fields&$top=1&$filter=fields/PlanKey eq 'big' and fields/Key eq 'big-3'`));
    expectThrottled(await get(`$expand=fields&$filter=fields/PlanKey eq 'big' and fields/Key eq 'big-3'`, PREFER));
    // The same conditions with the narrow one first: SharePoint drives the query from it.
    const narrow = await get(`$expand=fields&$filter=fields/Key eq 'big-3' and fields/PlanKey eq 'big'`);
    expect(narrow.status).toBe(200);
    expect(narrow.body.value.map((v: { fields: { Key: string } }) => v.fields.Key)).toEqual(['big-3']);
    // A condition that selects few items of the big list is fine.
    expect((await get(`$expand=fields&$filter=fields/PlanKey eq 'small'`)).body.value).toHaveLength(3);
  });

  it('counts only the first indexed condition: a non-indexed condition before it does not drive the query', async () => {
    await fill('big', 25);
    const res = await get(`$expand=fields&$filter=fields/Score eq 3 and fields/Key eq 'big-3'`, PREFER);
    expect(res.status).toBe(200);
    expect(res.body.value).toHaveLength(1);
    expectThrottled(await get(`$expand=fields&$filter=fields/Score eq 3 and fields/PlanKey eq 'big'`, PREFER));
  });

  it('allows a condition that selects exactly the threshold', async () => {
    await fill('big', THRESHOLD);
    await fill('other', 5);
    const res = await get(`$expand=fields($select=Key)&$top=50&$filter=fields/PlanKey eq 'big'`);
    expect(res.status).toBe(200);
    expect(res.body.value).toHaveLength(THRESHOLD);
  });

  it('refuses ranges and ne on an indexed column when they select more than the threshold', async () => {
    await fill('big', 25);
    expectThrottled(await get(`$filter=fields/Order ge 2`));
    expectThrottled(await get(`$filter=fields/PlanKey ne 'small'`));
    expect((await get(`$filter=fields/Order ge 20`)).body.value).toHaveLength(5);
  });

  it('refuses non-indexed filters and sorts on a list over the threshold even with the Prefer header, and allows them under it', async () => {
    await fill('big', THRESHOLD);
    expect((await get(`$filter=fields/Score eq 3`, PREFER)).status).toBe(200);
    expect((await get(`$orderby=fields/Score desc`, PREFER)).status).toBe(200);
    await fill('big', 1, THRESHOLD);
    expectThrottled(await get(`$filter=fields/Score eq 3`, PREFER));
    expectThrottled(await get(`$orderby=fields/Score desc`, PREFER));
  });

  it('pages through a list far over the threshold when unfiltered, or sorted by an indexed column', async () => {
    await fill('big', 45);
    for (const query of ['$expand=fields($select=Key)', '$expand=fields($select=Key)&$orderby=fields/Order desc']) {
      const keys: string[] = [];
      let url: string | undefined = `${items}?${query}`;
      while (url) {
        const page = await h.call('GET', url);
        expect(page.status).toBe(200);
        keys.push(...page.body.value.map((v: { fields: { Key: string } }) => v.fields.Key));
        url = page.body['@odata.nextLink'];
      }
      expect(new Set(keys).size).toBe(45);
    }
  });

  it('holds inside a $batch too, request by request', async () => {
    await fill('big', 25);
    const res = await h.call('POST', '/$batch', {
      requests: [
        { id: 'wide', method: 'GET', url: `${items}?$filter=fields/PlanKey eq 'big'` },
        { id: 'narrow', method: 'GET', url: `${items}?$filter=fields/Key eq 'big-1'` },
      ],
    });
    const byId = Object.fromEntries(res.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId.wide.status).toBe(429);
    expect(byId.wide.body.error.innerError.code).toBe('tooManyResources');
    expect(byId.narrow.status).toBe(200);
  });
});
