import { describe, it, expect } from 'vitest';
import { OVERALL, goalSchema, reportingSlots } from '../../../src/domain';

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
