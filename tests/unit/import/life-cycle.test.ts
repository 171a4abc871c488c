import { describe, expect, it } from 'vitest';
import { historyBlock, referencesTo, suggestCopy, themeDeletion } from '../../../src/domain/life-cycle';

const theme = (key: string, parentKey?: string) => ({ key, ...(parentKey ? { parentKey } : {}) });
const goal = (key: string, extra: Partial<{ themeKey: string; code: string; responsibleGroupKeys: string[]; units: string[]; summary: Record<string, never> }> = {}) => ({
  key,
  themeKey: 'A',
  code: key.toUpperCase(),
  responsibleGroupKeys: [],
  units: [],
  summary: {},
  ...extra,
});

describe('what deleting a theme takes', () => {
  it('takes every sub-theme, deepest first, and every goal under any of them, but nothing beside it', () => {
    const themes = [theme('A'), theme('A.1', 'A'), theme('A.1.a', 'A.1'), theme('B')];
    const goals = [goal('g1', { themeKey: 'A' }), goal('g2', { themeKey: 'A.1.a' }), goal('g3', { themeKey: 'B' })];
    const goes = themeDeletion('A', themes, goals);
    expect(goes.themes).toEqual(['A.1.a', 'A.1', 'A']);
    expect(goes.goals).toEqual(['g1', 'g2']);
  });

  it('ends on a parent cycle someone made by hand instead of looping', () => {
    expect(themeDeletion('A', [theme('A', 'B'), theme('B', 'A')], []).themes.sort()).toEqual(['A', 'B']);
  });
});

describe('history keeps a goal', () => {
  it('counts check-ins and reviews of the goals that have any, and is nothing when none has', () => {
    expect(historyBlock([{ goal: goal('a'), checkIns: 0, reviews: 0 }])).toBeUndefined();
    expect(historyBlock([{ goal: goal('a'), checkIns: 3, reviews: 0 }, { goal: goal('b'), checkIns: 0, reviews: 1 }, { goal: goal('c'), checkIns: 0, reviews: 0 }])).toEqual({
      reason: 'history',
      checkIns: 3,
      reviews: 1,
      goals: ['A', 'B'],
    });
  });

  it('treats a summary entry as history even when no check-in could be counted', () => {
    expect(historyBlock([{ goal: goal('a', { summary: { VAKA: {} } as never }), checkIns: 0, reviews: 0 }])?.reason).toBe('history');
  });
});

describe('who still names a group or a service area', () => {
  const goals = [goal('g1', { responsibleGroupKeys: ['R'], units: ['VAKA'], summary: { VAKA: {} } as never }), goal('g2', { responsibleGroupKeys: ['R'], units: ['POPE'] })];
  it('separates the goals with check-ins on it from those that only name it', () => {
    const r = referencesTo('groups', 'R', goals, []);
    expect(r.history.map((g) => g.key)).toEqual(['g1']);
    expect(r.goals.map((g) => g.key)).toEqual(['g1', 'g2']);
  });

  it('for a service area, counts only check-ins of that area as history and names the plans that use it', () => {
    const r = referencesTo('units', 'POPE', goals, [{ key: 'p', units: ['POPE'] }, { key: 'q', units: [] }]);
    expect(r.history).toEqual([]);
    expect(r.goals.map((g) => g.key)).toEqual(['g2']);
    expect(r.plans).toEqual(['p']);
  });
});

describe('the copy a plan proposes', () => {
  it('is the next period of the same length with the key and title years moved along', () => {
    expect(suggestCopy({ key: 'vantaa-ko-2021', title: { fi: 'Tavoitteet 2021', sv: 'Mål 2021' }, periodStart: '2021-01-01', periodEnd: '2021-12-31' })).toEqual({
      key: 'vantaa-ko-2022',
      title: { fi: 'Tavoitteet 2022', sv: 'Mål 2022' },
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
    });
  });

  it('moves a school-year plan by one year, not two, and keeps 29 February valid', () => {
    expect(suggestCopy({ key: 'lv-2023-2024', title: { fi: 'Lukuvuosi 2023–2024' }, periodStart: '2023-08-01', periodEnd: '2024-02-29' })).toMatchObject({
      key: 'lv-2024-2025',
      periodStart: '2024-08-01',
      periodEnd: '2025-02-28',
    });
  });

  it('adds the next year to a key without a year', () => {
    expect(suggestCopy({ key: 'strategia', title: { fi: 'Strategia' }, periodStart: '2021-01-01', periodEnd: '2024-12-31' }).key).toBe('strategia-2025');
  });
});
