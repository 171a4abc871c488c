import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeItem, filterExpression, toCreateFields, toUpdateFields, TITLE_MAX, type GraphListItem } from '../../../src/graph';
import type { EntityName } from '../../../manifest/lists';
import { readAllPages } from '../../../src/graph/repository';
import * as S from './sample-entities';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/graph/adapter/${name}`, import.meta.url), 'utf8'));

const samples: [EntityName, unknown][] = [
  ['plan', S.plan()],
  ['theme', S.theme()],
  ['goal', S.goal()],
  ['checkIn', S.checkIn()],
  ['review', S.review()],
  ['group', S.group()],
  ['unit', S.unit()],
  ['reminderLog', S.reminderLog()],
  ['person', S.person()],
];

describe('entity ⇄ list item fields', () => {
  it.each(samples)('round-trips a %s through its columns', (entity, value) => {
    const fields = toCreateFields(entity, value);
    const d = decodeItem(entity, { id: '7', eTag: '"{A},1"', fields });
    expect(d).toEqual({ ok: true, value: { value, etag: '"{A},1"', itemId: '7' } });
  });

  it('writes JSON columns as JSON text, person references as three text columns and Title from titleFrom', () => {
    const f = toCreateFields('checkIn', S.checkIn());
    expect(f).toMatchObject({ Title: 'C1', Key: 'C1', AuthorId: 'aad-maija', AuthorUpn: 'maija@vantaa.example', Status: 2, SubmittedAt: '2021-09-22T06:00:00Z' });
    const g = toCreateFields('plan', S.plan());
    expect(g.Title).toBe(S.plan().title.fi);
    expect(JSON.parse(g.StatusScale as string)).toEqual(S.plan().statusScale);
  });

  it('sends dateTimes as whole-second UTC, as SharePoint stores them', () => {
    const f = toCreateFields('checkIn', { ...S.checkIn(), submittedAt: '2021-09-22T09:00:00.123+03:00' });
    expect(f.SubmittedAt).toBe('2021-09-22T06:00:00Z');
  });

  it('truncates Title to 255 characters', () => {
    const f = toCreateFields('goal', S.goal('G1', 'p', { title: 'x'.repeat(400) }));
    expect((f.Title as string).length).toBe(TITLE_MAX);
    expect(f.GoalTitle).toBe('x'.repeat(400));
  });

  it('leaves absent optional values out on create and sends null for them on update', () => {
    const { description: _d, ...g } = S.goal();
    expect(toCreateFields('goal', g)).not.toHaveProperty('Description');
    const patch = toUpdateFields('goal', g);
    expect(patch).toHaveProperty('Description', null);
    expect(Object.values(patch)).not.toContain(undefined);
    expect(Object.values(patch)).not.toContain('undefined');
  });

  it('reports bad JSON, a wrong type and a missing required column as issues of one InvalidRow', () => {
    const fields = { ...toCreateFields('checkIn', S.checkIn()), Status: 'two', Narrative: undefined };
    const bad = decodeItem('goal', { id: '9', fields: { ...toCreateFields('goal', S.goal()), Indicator: '{oops' } });
    expect(bad).toEqual({ ok: false, invalid: { list: 'Goals', itemId: '9', issues: [{ path: 'indicator', message: 'The column does not contain valid JSON (column Indicator)' }] } });
    const d = decodeItem('checkIn', { id: '3', fields });
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.invalid.issues.map((i) => i.path).sort()).toEqual(['narrative', 'status']);
  });

  it('reports valid JSON of the wrong shape with the nested path', () => {
    const d = decodeItem('goal', { id: '4', fields: { ...toCreateFields('goal', S.goal()), Indicator: '{"text":"x","kind":"quantitative"}' } });
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.invalid.issues).toEqual([{ path: 'indicator.direction', message: expect.stringContaining('(column Indicator)') }]);
  });

  it('treats an emptied JSON cell as absent (schema defaults apply)', () => {
    const d = decodeItem('goal', { id: '4', fields: { ...toCreateFields('goal', S.goal()), Baseline: '' } });
    expect(d.ok && d.value.value.baseline).toEqual({});
  });

  it('decodes the documented listItem shape, ignoring SharePoint system columns', () => {
    const item: GraphListItem = fixture('listitem-get.json');
    const d = decodeItem('goal', item);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.value.itemId).toBe('5');
    expect(d.value.etag).toBe('"{12AD05BB-59B8-43AA-9456-77C44E9BC066},4"');
    expect(d.value.value).toMatchObject({ key: 'G-1-1', units: ['VAKA', 'PERUS'], summary: { VAKA: { status: 2 } }, baseline: { value: 61 } });
  });

  it('reads a documented page with nextLink: good rows, a hand-edited row as InvalidRow, then the next page', async () => {
    const page = fixture('list-items-nextlink.json');
    const urls: string[] = [];
    const client = { get: async (u: string) => (urls.push(u), { value: [] }) } as never;
    const r = await readAllPages(client, 'unit', page);
    expect(r.items.map((i) => i.value.key)).toEqual(['VAKA']);
    expect(r.invalid).toEqual([{ list: 'Units', itemId: '2', issues: [{ path: 'name', message: expect.stringContaining('valid JSON') }] }]);
    expect(urls).toEqual([page['@odata.nextLink']]);
  });
});

describe('filters', () => {
  it('turns plan + period into the one compound PlanPeriod condition, first, whatever else is asked', () => {
    expect(filterExpression('checkIn', { planKey: 'p', period: '2021-08' })).toBe("fields/PlanPeriod eq 'p|2021-08'");
    expect(filterExpression('checkIn', { goalKey: 'g', period: '2021-08', planKey: "o'p" })).toBe("fields/PlanPeriod eq 'o''p|2021-08' and fields/GoalKey eq 'g'");
  });

  it('turns plan + period + service area into the one PlanPeriodUnit condition, the longest compound key first', () => {
    expect(filterExpression('checkIn', { planKey: 'p', period: '2021-08', unit: 'VAKA' })).toBe("fields/PlanPeriodUnit eq 'p|2021-08|VAKA'");
    expect(filterExpression('checkIn', { unit: '*', period: '2021-08', planKey: 'p', goalKey: 'g' })).toBe("fields/PlanPeriodUnit eq 'p|2021-08|*' and fields/GoalKey eq 'g'");
  });

  it('writes PlanPeriod and PlanPeriodUnit from the check-in, * for a goal reported as a whole, and reads them into nothing', () => {
    const c = S.checkIn('C9', 'sub-c9-000000');
    expect(toCreateFields('checkIn', c).PlanPeriod).toBe('vantaa-2021|2021-08');
    expect(toUpdateFields('checkIn', c).PlanPeriod).toBe('vantaa-2021|2021-08');
    expect(toCreateFields('checkIn', c).PlanPeriodUnit).toBe('vantaa-2021|2021-08|VAKA');
    const { unit: _, ...overall } = c;
    expect(toCreateFields('checkIn', overall).PlanPeriodUnit).toBe('vantaa-2021|2021-08|*');
    expect(toCreateFields('checkIn', overall).Unit).toBeUndefined();
    const back = decodeItem('checkIn', { id: '1', fields: { ...toCreateFields('checkIn', c), '@odata.etag': '"x,1"' } });
    expect(back.ok && back.value.value).toEqual(c);
  });

  it('builds an OData filter on indexed columns with quotes doubled', () => {
    expect(filterExpression('checkIn', { goalKey: "o'neil", planKey: 'p' })).toBe("fields/GoalKey eq 'o''neil' and fields/PlanKey eq 'p'");
    expect(filterExpression('goal', { key: "o'neil" })).toBe("fields/Key eq 'o''neil'");
  });

  it('refuses a filter on a column that is not indexed, or on an unknown property', () => {
    expect(() => filterExpression('goal', { code: '1.1' })).toThrow(/Goals.Code is not indexed/);
    expect(() => filterExpression('goal', { nope: 'x' })).toThrow(/no column for property 'nope'/);
  });
});
