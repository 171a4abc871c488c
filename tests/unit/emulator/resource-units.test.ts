import { describe, expect, it } from 'vitest';
import { createResourceBudget, resourceUnits } from '../../../src/emulator/resource-units';

const req = (method: string, path: string, query = '') => ({ method, path, query: new URLSearchParams(query) });
const LIST = '/sites/s/lists/l';

describe("what a Graph request costs in SharePoint's resource units", () => {
  it('charges 1 for one item, a delta with a token and a download; 2 for a query, a delta without a token and any write', () => {
    expect(resourceUnits(req('GET', `${LIST}/items/7`))).toBe(1);
    expect(resourceUnits(req('GET', `${LIST}/items/7/fields`))).toBe(1);
    expect(resourceUnits(req('GET', `${LIST}/items/delta`, 'token=abc'))).toBe(1);
    expect(resourceUnits(req('GET', `${LIST}/items/delta(token='abc')`))).toBe(1);
    expect(resourceUnits(req('GET', '/sites/s/drive/items/9/content'))).toBe(1);
    expect(resourceUnits(req('GET', `${LIST}/items`, "$filter=fields/Key eq 'a'"))).toBe(2);
    expect(resourceUnits(req('GET', `${LIST}/items/delta`))).toBe(2);
    expect(resourceUnits(req('GET', '/sites/s/lists'))).toBe(2);
    for (const m of ['POST', 'PATCH', 'PUT', 'DELETE']) expect(resourceUnits(req(m, `${LIST}/items/7/fields`))).toBe(2);
  });
});

describe('the per-minute resource-unit budget', () => {
  it('refuses with 429 and a Retry-After once the minute is spent, counts the refused request, and opens again as spending ages out', () => {
    let t = 0;
    const budget = createResourceBudget(10, () => t);
    for (let i = 0; i < 5; i++) expect(budget.charge(req('POST', `${LIST}/items`))).not.toHaveProperty('refused');
    const refused = budget.charge(req('GET', `${LIST}/items/1`));
    expect(refused).toHaveProperty('refused');
    if (!('refused' in refused)) throw new Error('expected a refusal');
    expect(refused.refused.status).toBe(429);
    expect(refused.refused.code).toBe('activityLimitReached');
    expect(Number(refused.refused.headers['Retry-After'])).toBe(60);
    expect(budget.spent()).toBe(11);
    expect(budget.refused()).toBe(1);
    t = 59_999;
    expect(budget.charge(req('GET', `${LIST}/items/1`))).toHaveProperty('refused');
    t = 60_001;
    expect(budget.charge(req('GET', `${LIST}/items/1`))).not.toHaveProperty('refused');
  });

  it("warns from 80 % of the budget with RateLimit headers, as SharePoint's preview headers do", () => {
    let t = 0;
    const budget = createResourceBudget(10, () => t);
    expect(budget.charge(req('POST', `${LIST}/items`))).toEqual({ headers: {} });
    t = 1_000;
    for (let i = 0; i < 2; i++) budget.charge(req('POST', `${LIST}/items`));
    t = 2_000;
    expect(budget.charge(req('POST', `${LIST}/items`))).toEqual({ headers: { 'RateLimit-Limit': '10', 'RateLimit-Remaining': '2', 'RateLimit-Reset': '58' } });
  });
});
