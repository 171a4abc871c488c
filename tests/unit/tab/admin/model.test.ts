import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from '../../../../src/demo';
import { blankGoal, blankPlan, clean, diffVersions, knownPeople, reapply, serverMessages, validate } from '../../../../src/tab/features/admin/model';

const data = buildDemoDataset();
const goal = data.goals[2]!;

describe('admin validation (the client mirror of the domain schemas)', () => {
  it('accepts a stored goal and plan as they are', () => {
    expect(validate('goals', goal)).toEqual({});
    expect(validate('plans', data.plans[0]!)).toEqual({});
  });

  it('names each bad field with a message key', () => {
    const g = { ...blankGoal('p', ''), key: 'bad key!', indicator: { text: '', kind: 'quantitative' as const } };
    const m = validate('goals', clean(g));
    expect(m.key).toEqual({ key: 'keyFormat' });
    expect(m.title).toEqual({ key: 'required' });
    expect(m.themeKey).toEqual({ key: 'required' });
    expect(m['indicator.text']).toEqual({ key: 'required' });
    expect(m['indicator.direction']).toEqual({ key: 'direction' });
  });

  it('checks the plan period, reminder days and a scale’s levels', () => {
    const p = blankPlan('2022-03-01');
    const bad = { ...p, key: 'p-2022', title: { fi: 'Suunnitelma' }, periodEnd: '2021-12-31', reminders: { ...p.reminders, dueDay: 31 } };
    bad.statusScale = { ...bad.statusScale, levels: bad.statusScale.levels.map((l) => ({ ...l, value: 1 })) };
    const m = validate('plans', clean(bad));
    expect(m.periodEnd).toEqual({ key: 'periodOrder' });
    expect(m['reminders.dueDay']).toEqual({ key: 'max', values: { max: 28 } });
    expect(m['statusScale.levels']).toEqual({ key: 'levelsUnique' });
    expect(validate('plans', clean({ ...bad, periodEnd: '2022-12-31', reminders: p.reminders, statusScale: p.statusScale }))).toEqual({});
  });

  it('shows the server’s field issues next to the same fields', () => {
    expect(serverMessages([{ path: 'units.2', message: 'Unit X is not in use', code: 'units.notAllowed' }])).toEqual({
      units: { key: 'invalid', keys: ['common:issue.units.notAllowed', 'common:issue.reason.notAllowed', 'common:issue.generic'] },
    });
  });

  it('drops optional texts left empty, keeping required ones for validation', () => {
    expect(clean({ title: { fi: 'a', sv: '', en: '' }, key: '', description: { fi: '', sv: '' } })).toEqual({ title: { fi: 'a' }, key: '' });
  });
});

describe('admin conflicts', () => {
  const mine = { ...goal, title: 'Minun otsikkoni', units: [...goal.units, 'VAKA'] };
  const theirs = { ...goal, description: 'Heidän kuvauksensa', code: '3B' };

  it('compares the versions field by field, leaving check-in summaries out', () => {
    const d = diffVersions(goal, mine, theirs);
    const differs = d.filter((x) => x.differs).map((x) => x.path).sort();
    expect(differs).toEqual(['code', 'description', 'title', 'units']);
    expect(d.find((x) => x.path === 'title')).toMatchObject({ changedByMe: true, bothChanged: false });
    expect(d.find((x) => x.path === 'code')).toMatchObject({ changedByMe: false });
    expect(d.some((x) => x.path.startsWith('summary'))).toBe(false);
  });

  it('re-applies my edits on top of theirs, keeping their other edits', () => {
    const merged = reapply(goal, mine, theirs);
    expect(merged).toMatchObject({ title: 'Minun otsikkoni', description: 'Heidän kuvauksensa', code: '3B', units: [...goal.units, 'VAKA'] });
    expect(merged.summary).toEqual(theirs.summary);
  });

  it('lets mine win where both changed the same field, and removes what I cleared', () => {
    const cleared: typeof goal = { ...mine, code: '3X', description: undefined };
    const merged = reapply({ ...goal, description: 'alku' }, cleared, { ...theirs, code: '3B' });
    expect(merged.code).toBe('3X');
    expect('description' in merged).toBe(false);
  });

  it('knows the people of groups and goals once each, by name', () => {
    const people = knownPeople(data.groups, data.goals);
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length);
    expect(people.map((p) => p.name)).toEqual([...people.map((p) => p.name)].sort((a, b) => a.localeCompare(b, 'fi')));
  });
});
