import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { OVERALL, compareCodes, goalSchema, reportingSlots } from '../../../src/domain';

const input = {
  key: 'g1',
  planKey: 'vantaa-2021',
  themeKey: 't1',
  title: 'Henkilöstön mielenterveysosaaminen vahvistuu',
  indicator: { text: 'Koulutettujen määrä +10 %', kind: 'quantitative', unit: 'hlö', direction: 'increase' },
};

describe('goal schema', () => {
  it('accepts a quantitative goal and fills in empty defaults', () => {
    const g = goalSchema.parse(input);
    expect(g).toMatchObject({ code: '', baseline: {}, target: {}, responsiblePersons: [], responsibleGroupKeys: [], units: [], summary: {} });
  });

  it('requires a direction for a quantitative indicator, naming indicator.direction', () => {
    const r = goalSchema.safeParse({ ...input, indicator: { text: 'Koulutetut', kind: 'quantitative' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([
      expect.objectContaining({ path: ['indicator', 'direction'], message: 'A quantitative indicator needs a direction' }),
    ]);
  });

  it('needs no direction for a qualitative indicator', () => {
    expect(goalSchema.safeParse({ ...input, indicator: { text: 'Esiselvitys tehty', kind: 'qualitative' } }).success).toBe(true);
  });

  it('refuses a goal without a title', () => {
    const r = goalSchema.safeParse({ ...input, title: '' });
    expect(r.error?.issues[0]).toMatchObject({ path: ['title'], message: 'A goal needs a title' });
  });

  it('refuses a key with spaces', () => {
    const r = goalSchema.safeParse({ ...input, key: 'goal 1' });
    expect(r.error?.issues[0]).toMatchObject({ path: ['key'], message: 'Keys use letters, digits, dot, dash and underscore' });
  });
});

describe('reporting slots', () => {
  it('are the units of a goal that reports per unit', () => {
    expect(reportingSlots({ units: ['VAKA', 'POPE'] })).toEqual(['VAKA', 'POPE']);
  });

  it('are the one OVERALL slot of a goal with no units', () => {
    expect(reportingSlots({ units: [] })).toEqual([OVERALL]);
  });
});

describe('an indicator’s range', () => {
  it('is optional, so indicators stored before it existed read unchanged', () => {
    expect(goalSchema.parse(input).indicator).toEqual(input.indicator);
  });

  it('keeps the smallest and largest value the admin set', () => {
    expect(goalSchema.parse({ ...input, indicator: { ...input.indicator, min: 0, max: 100 } }).indicator).toMatchObject({ min: 0, max: 100 });
  });

  it('refuses a largest value below the smallest, naming indicator.max', () => {
    const r = goalSchema.safeParse({ ...input, indicator: { ...input.indicator, min: 10, max: 5 } });
    expect(r.error?.issues).toEqual([expect.objectContaining({ path: ['indicator', 'max'] })]);
  });
});

describe('the order of goal codes', () => {
  it('reads numbers in codes as numbers: 2 before 10, 1.2 before 1.10', () => {
    expect(['10', '2', '1.10', '1.2', '1'].sort(compareCodes)).toEqual(['1', '1.2', '1.10', '2', '10']);
  });

  it('sorts letters as Finnish does: å, ä and ö after z', () => {
    expect(['ö', 'a', 'ä', 'z', 'å'].sort(compareCodes)).toEqual(['a', 'z', 'å', 'ä', 'ö']);
  });

  it('orders every pair as localeCompare with Finnish and numeric collation', () => {
    const code = fc.stringMatching(/^[0-9a-zA-ZåäöÅÄÖ. -]{0,8}$/);
    fc.assert(fc.property(code, code, (a, b) => Math.sign(compareCodes(a, b)) === Math.sign(a.localeCompare(b, 'fi', { numeric: true }))));
  });
});
