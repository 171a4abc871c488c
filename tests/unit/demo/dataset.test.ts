import { describe, it, expect } from 'vitest';
import {
  OVERALL,
  checkInSchema,
  goalSchema,
  groupSchema,
  isInvolved,
  isMember,
  overallStatus,
  personSchema,
  planSchema,
  reportingPeriods,
  reviewSchema,
  summaryAsOf,
  themeSchema,
  unitSchema,
} from '../../../src/domain';
import { DEMO_PLAN_KEY, DEMO_USERS, buildDemoDataset } from '../../../src/demo';

const data = buildDemoDataset();
const plan = data.plans[0]!;
const goalByCode = (code: string) => data.goals.find((g) => g.code === code)!;
const checkInsOf = (goalKey: string) => data.checkIns.filter((c) => c.goalKey === goalKey);

/** Seed 000's "Tila" column, in the seed's goal order: 2 = Toteutuu täysin, 1 = Toteutuu osittain. */
const SEED_STATUS: Record<string, number> = { '1': 2, '2': 2, '3': 1, '4': 2, '5': 1, '6': 1, '7': 1, '8': 1, '9': 1, '10': 2 };

/**
 * Every real person the seeds name (the "Vastuuhenkilö(t)" column of seed 000; seed 001 names
 * nobody): full names, and each surname and first name on its own.
 */
const REAL_FULL_NAMES = [
  'Ari Ranki',
  'Sole Askola-Vehviläinen',
  'Ilkka Kalo',
  'Anders Vikström',
  'Tuija Harakka',
  'Eila Tanninen',
  'Katri Kalske',
];
const REAL_NAME_PARTS = ['Ranki', 'Askola', 'Vehviläinen', 'Kalo', 'Vikström', 'Harakka', 'Tanninen', 'Kalske', 'Ari', 'Sole', 'Ilkka', 'Anders', 'Tuija', 'Eila', 'Katri'];

describe('the demo dataset', () => {
  it('is built the same on every call', () => {
    expect(buildDemoDataset()).toEqual(buildDemoDataset());
    expect(JSON.stringify(buildDemoDataset())).toBe(JSON.stringify(data));
  });

  it('returns fresh copies, so one caller cannot change what the next one gets', () => {
    const a = buildDemoDataset();
    a.plans[0]!.units.push('X');
    a.groups[0]!.members.length = 0;
    a.units[0]!.name.fi = 'muutettu';
    expect(buildDemoDataset()).toEqual(data);
  });

  it('parses with the domain schemas, unchanged', () => {
    for (const p of data.plans) expect(planSchema.parse(p)).toEqual(p);
    for (const t of data.themes) expect(themeSchema.parse(t)).toEqual(t);
    for (const g of data.goals) expect(goalSchema.parse(g)).toEqual(g);
    for (const c of data.checkIns) expect(checkInSchema.parse(c)).toEqual(c);
    for (const r of data.reviews) expect(reviewSchema.parse(r)).toEqual(r);
    for (const g of data.groups) expect(groupSchema.parse(g)).toEqual(g);
    for (const u of data.units) expect(unitSchema.parse(u)).toEqual(u);
  });

  it('has one monthly 2021 plan on the realisation scale, without reporting in July', () => {
    expect(data.plans).toHaveLength(1);
    expect(plan).toMatchObject({
      key: DEMO_PLAN_KEY,
      title: { fi: 'Kasvatuksen ja oppimisen toimialan tavoitteet 2021' },
      periodStart: '2021-01-01',
      periodEnd: '2021-12-31',
      cadence: 'monthly',
      units: ['KASO', 'VAKA', 'POPE', 'TAKO', 'SVE'],
      language: 'fi',
    });
    expect(plan.title.sv).toBeTruthy();
    expect(plan.title.en).toBeTruthy();
    expect(plan.statusScale.levels.map((l) => l.label.fi)).toEqual(['Ei toteudu', 'Toteutuu osittain', 'Toteutuu täysin']);
    expect(plan.reminders.nonReportingMonths).toEqual([7]);
  });

  it('names every unit in three languages, and the plan uses exactly those', () => {
    expect(data.units.map((u) => u.key)).toEqual(plan.units);
    for (const u of data.units) expect(u.name.sv && u.name.en).toBeTruthy();
  });

  it('has the three strategic themes with their 4, 3 and 4 focus areas', () => {
    const roots = data.themes.filter((t) => !t.parentKey);
    expect(roots.map((t) => t.code)).toEqual(['1', '2', '3']);
    for (const [code, n] of [['1', 4], ['2', 3], ['3', 4]] as const) {
      const root = roots.find((t) => t.code === code)!;
      const children = data.themes.filter((t) => t.parentKey === root.key);
      expect(children.map((c) => c.code)).toEqual(Array.from({ length: n }, (_, i) => `${code}.${i + 1}`));
      expect(root.description?.fi).toBeTruthy();
    }
    for (const t of data.themes) {
      expect(t.planKey).toBe(DEMO_PLAN_KEY);
      expect(t.title.sv && t.title.en).toBeTruthy();
    }
    expect(new Set(data.themes.map((t) => t.key)).size).toBe(data.themes.length);
  });

  it('has the ten division goals, each under a focus area', () => {
    expect(data.goals.map((g) => g.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const focusAreas = new Set(data.themes.filter((t) => t.parentKey).map((t) => t.key));
    for (const g of data.goals) {
      expect(focusAreas.has(g.themeKey)).toBe(true);
      expect(g.baseline.date).toMatch(/^20(19|20)-12-31$/);
      expect(g.target.date).toBe('2021-12-31');
      expect(g.responsiblePersons.length).toBeGreaterThan(0);
      expect(g.responsibleGroupKeys.length).toBeGreaterThan(0);
    }
  });

  it('measures the mental-health training goal by the number of trained staff', () => {
    const g = goalByCode('5');
    expect(g.indicator).toMatchObject({ kind: 'quantitative', unit: 'koulutettuja', direction: 'increase' });
    expect(g.baseline).toMatchObject({ value: 664, date: '2020-12-31' });
    expect(g.target).toMatchObject({ value: 731, text: 'Osallistujien määrä nousee vähintään 10 prosentilla' });
    const values = checkInsOf(g.key)
      .filter((c) => c.indicatorValue !== undefined)
      .sort((a, b) => a.period.localeCompare(b.period))
      .map((c) => c.indicatorValue!);
    expect(values.at(-1)).toBe(753);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(g.summary.VAKA?.indicatorValue).toBe(753);
    for (const other of data.goals.filter((x) => x.code !== '5')) expect(other.indicator.kind).toBe('qualitative');
  });

  it('refers only to units, groups and themes that exist', () => {
    const units = new Set(data.units.map((u) => u.key));
    const groups = new Set(data.groups.map((g) => g.key));
    for (const g of data.goals) {
      for (const u of g.units) expect(units.has(u)).toBe(true);
      for (const k of g.responsibleGroupKeys) expect(groups.has(k)).toBe(true);
      expect(g.planKey).toBe(DEMO_PLAN_KEY);
    }
    for (const c of data.checkIns) expect(c.unit && units.has(c.unit)).toBe(true);
    const goals = new Set(data.goals.map((g) => g.key));
    for (const r of data.reviews) expect(goals.has(r.goalKey)).toBe(true);
  });

  it('stores every responsible person and group member as a valid person, one name per id', () => {
    const names = new Map<string, string>();
    const people = [
      ...data.goals.flatMap((g) => g.responsiblePersons),
      ...data.groups.flatMap((g) => [...g.members, ...g.owners]),
      ...data.checkIns.map((c) => c.author),
      ...data.reviews.map((r) => r.author),
      ...DEMO_USERS.map(({ id, upn, name }) => ({ id, upn, name })),
    ];
    for (const p of people) {
      expect(personSchema.parse(p)).toEqual(p);
      expect(p.upn).toMatch(/^[a-z-]+\.[a-z-]+@demo\.vantaa\.invalid$/);
      expect(names.get(p.id) ?? p.name).toBe(p.name);
      names.set(p.id, p.name);
    }
  });
});

describe('the check-in history', () => {
  it('has no July check-ins and only reporting periods up to August 2021', () => {
    const periods = new Set(reportingPeriods(plan));
    for (const c of data.checkIns) {
      expect(periods.has(c.period)).toBe(true);
      expect(c.period <= '2021-08').toBe(true);
      expect(c.period).not.toBe('2021-07');
    }
  });

  it('was imported: unique keys and submission ids, all prefixed demo-', () => {
    expect(new Set(data.checkIns.map((c) => c.key)).size).toBe(data.checkIns.length);
    expect(new Set(data.checkIns.map((c) => c.submissionId)).size).toBe(data.checkIns.length);
    for (const c of data.checkIns) {
      expect(c.key.startsWith('demo-ci-')).toBe(true);
      expect(c.submissionId.startsWith('demo-')).toBe(true);
      expect(c.source).toBe('import');
      expect(c.planKey).toBe(DEMO_PLAN_KEY);
    }
  });

  it('was submitted between the 20th of the month and the 5th of the next, in Helsinki time', () => {
    for (const c of data.checkIns) {
      const [y, m] = c.period.split('-').map(Number) as [number, number];
      const next = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}`;
      const day = c.submittedAt.slice(0, 10);
      expect(day >= `${c.period}-20` && day <= `${next}-05`, `${c.key} at ${c.submittedAt}`).toBe(true);
      const summer = day >= '2021-03-28' && day < '2021-10-31';
      expect(c.submittedAt.endsWith(summer ? '+03:00' : '+02:00'), c.submittedAt).toBe(true);
    }
  });

  it('is written by people involved in the goal', () => {
    for (const c of data.checkIns) {
      const goal = data.goals.find((g) => g.key === c.goalKey)!;
      expect(isInvolved(c.author.id, goal, data.groups), `${c.key} by ${c.author.name}`).toBe(true);
    }
  });

  it('reports only on the units of its goal, at most once per unit and month', () => {
    const seen = new Set<string>();
    for (const c of data.checkIns) {
      const goal = data.goals.find((g) => g.key === c.goalKey)!;
      expect(goal.units).toContain(c.unit);
      const slot = `${c.goalKey}|${c.unit}|${c.period}`;
      expect(seen.has(slot)).toBe(false);
      seen.add(slot);
    }
  });

  it('never gets worse from one month to the next', () => {
    for (const g of data.goals) {
      for (const u of g.units) {
        const statuses = checkInsOf(g.key)
          .filter((c) => c.unit === u)
          .sort((a, b) => a.period.localeCompare(b.period))
          .map((c) => c.status);
        expect(statuses.length).toBeGreaterThanOrEqual(5);
        expect(statuses, `${g.code} ${u}`).toEqual([...statuses].sort((a, b) => a - b));
      }
    }
  });

  it('keeps each goal summary equal to the roll-up of its check-ins as of August 2021', () => {
    for (const g of data.goals) {
      expect(g.summary).toEqual(summaryAsOf(checkInsOf(g.key), '2021-08'));
      expect(g.summary[OVERALL]).toBeUndefined();
    }
  });

  it("matches the seed's August 2021 status of every goal", () => {
    for (const g of data.goals) {
      const expected = SEED_STATUS[g.code];
      const august = checkInsOf(g.key).filter((c) => c.period === '2021-08');
      expect(overallStatus(g.summary, g.units), `goal ${g.code}`).toEqual({ status: expected, period: '2021-08', computed: true });
      if (expected === 2) {
        // Fully realised: every unit reported, all at 2.
        expect(august.map((c) => c.unit).sort()).toEqual([...g.units].sort());
        expect(august.every((c) => c.status === 2)).toBe(true);
      } else {
        // Partially realised: the worst August unit is at 1, none at 0.
        expect(Math.min(...august.map((c) => c.status))).toBe(1);
        expect(Object.values(g.summary).every((e) => e.status >= 1)).toBe(true);
      }
    }
    expect(Object.values(SEED_STATUS).filter((s) => s === 2)).toHaveLength(4);
  });

  it("tells August in the seed's own words", () => {
    const narrative = (code: string, unit: string) =>
      checkInsOf(goalByCode(code).key).find((c) => c.period === '2021-08' && c.unit === unit)?.narrative;
    expect(narrative('3', 'SVE')).toBe('Ruotsinkielinen perhekeskusmalli on yhä suunnitteluvaiheessa.');
    expect(narrative('8', 'KASO')).toBe('TVT-kehittämisryhmässä on luotu digivisio ja -ohjelma.');
    expect(narrative('5', 'VAKA')).toContain('Vuonna 2021 on tähän mennessä koulutettu 89 työntekijää. Kasvua koulutettujen määrään on 13,4 %.');
    expect(narrative('9', 'TAKO')).toContain('VARIAssa laajat oppilaitoskohtaiset raportit saatavilla');
  });

  it('leaves three August slots unreported, so the demo shows overdue work', () => {
    const missing = data.goals.flatMap((g) =>
      g.units.filter((u) => !data.checkIns.some((c) => c.goalKey === g.key && c.unit === u && c.period === '2021-08')).map((u) => `${g.code}/${u}`),
    );
    expect(missing).toEqual(['5/TAKO', '6/SVE', '9/POPE']);
  });
});

describe('the demo people', () => {
  const user = (fi: RegExp) => DEMO_USERS.find((u) => fi.test(u.description.fi))!;
  const groupsOf = (id: string) => data.groups.filter((g) => isMember(g, id)).map((g) => g.key);
  const goalsOf = (id: string) => data.goals.filter((g) => g.responsiblePersons.some((p) => p.id === id));

  it('have stable ids, unique upns and descriptions in three languages', () => {
    DEMO_USERS.forEach((u, i) => expect(u.id).toBe(`00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`));
    expect(new Set(DEMO_USERS.map((u) => u.upn)).size).toBe(DEMO_USERS.length);
    for (const u of DEMO_USERS) expect(u.description.fi && u.description.sv && u.description.en).toBeTruthy();
  });

  it('include an admin and a leader', () => {
    expect(DEMO_USERS.filter((u) => u.roles.includes('admin'))).toHaveLength(1);
    expect(DEMO_USERS.filter((u) => u.roles.includes('leader'))).toHaveLength(1);
  });

  it('include a person responsible for several goals who is in no group', () => {
    const p = user(/^Vastuuhenkilö/);
    expect(goalsOf(p.id).length).toBeGreaterThanOrEqual(3);
    expect(groupsOf(p.id)).toEqual([]);
  });

  it('include members of the study paths group, the student welfare group and a Finland-Swedish member', () => {
    expect(groupsOf(user(/^Opintopolut/).id)).toEqual(['opintopolut-ohjaus']);
    expect(groupsOf(user(/^Opiskeluhuolto/).id)).toEqual(['opiskeluhuolto-hyvinvointi']);
    const swede = user(/ruotsinkielinen/);
    expect(groupsOf(swede.id).length).toBe(1);
  });

  it('include someone with no group and no goals', () => {
    const p = user(/^Ei kehittämisryhmässä/);
    expect(groupsOf(p.id)).toEqual([]);
    expect(data.goals.filter((g) => isInvolved(p.id, g, data.groups))).toEqual([]);
  });

  it('are all invented: no real name from the seeds appears anywhere in the dataset', () => {
    const text = JSON.stringify({ data, DEMO_USERS });
    for (const name of REAL_FULL_NAMES) expect(text).not.toContain(name);
    for (const part of REAL_NAME_PARTS) {
      // Whole words only, any case (also catches upns such as "x.ranki@…").
      expect(text, part).not.toMatch(new RegExp(`(?<!\\p{L})${part}(?!\\p{L})`, 'iu'));
    }
  });
});

describe('the review notes', () => {
  it('come from a June and a September 2021 meeting, written by a leader', () => {
    expect(new Set(data.reviews.map((r) => r.meetingDate.slice(0, 7)))).toEqual(new Set(['2021-06', '2021-09']));
    const leaders = new Set(DEMO_USERS.filter((u) => u.roles.includes('leader')).map((u) => u.id));
    for (const r of data.reviews) {
      expect(leaders.has(r.author.id)).toBe(true);
      expect(r.createdAt.startsWith(r.meetingDate)).toBe(true);
    }
    expect(new Set(data.reviews.map((r) => r.key)).size).toBe(data.reviews.length);
    expect(data.reviews.some((r) => r.kind === 'decision')).toBe(true);
  });
});
