import { describe, expect, it } from 'vitest';
import { OVERALL, type Theme, type Unit } from '../../../src/domain';
import { buildReport, countByStatus, localize, periodLabel, themeAndDescendants, type ReportInput } from '../../../src/domain/report';
import { REALISATION_SCALE } from '../../../src/domain';
import { buildDemoDataset, DEMO_PLAN_KEY } from '../../../src/demo';
import { checkIn, goal, group, plan } from '../domain/fixtures';

const theme = (key: string, code: string, order: number, parentKey?: string): Theme => ({
  key,
  planKey: 'vantaa-2021',
  code,
  order,
  title: { fi: `Teema ${code}`, sv: `Tema ${code}` },
  ...(parentKey ? { parentKey } : {}),
});

const units: Unit[] = [
  { key: 'VAKA', order: 1, name: { fi: 'Varhaiskasvatus', sv: 'Småbarnspedagogik' } },
  { key: 'POPE', order: 2, name: { fi: 'Perusopetus', sv: 'Grundläggande utbildning' } },
];

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    plan: plan({ units: ['VAKA', 'POPE'] }),
    themes: [theme('t1', '1', 1)],
    goals: [goal({ units: ['VAKA', 'POPE'] })],
    groups: [],
    units,
    checkIns: [],
    period: '2021-08',
    lang: 'fi',
    generatedAt: '2021-09-09T09:00:00+03:00',
    ...overrides,
  };
}

const onlyGoal = (r: ReturnType<typeof buildReport>) => {
  const g = r.sections.flatMap((s) => s.goals)[0];
  if (!g) throw new Error('no goal in report');
  return g;
};

describe('board report model', () => {
  it('shows each unit’s latest check-in at or before the snapshot period and ignores later ones', () => {
    const r = buildReport(
      input({
        checkIns: [
          checkIn({ unit: 'VAKA', period: '2021-06', status: 1, narrative: 'Kesäkuu', submittedAt: '2021-06-25T10:00:00+03:00' }),
          checkIn({ unit: 'VAKA', period: '2021-08', status: 2, narrative: 'Elokuu', submittedAt: '2021-08-25T10:00:00+03:00' }),
          checkIn({ unit: 'VAKA', period: '2021-09', status: 0, narrative: 'Syyskuu', submittedAt: '2021-09-25T10:00:00+03:00' }),
        ],
      }),
    );
    const vaka = onlyGoal(r).cells.find((c) => c.unit === 'VAKA');
    expect(vaka?.status?.value).toBe(2);
    expect(vaka?.narrative?.text).toBe('Elokuu');
    expect(vaka?.stale).toBe(false);
  });

  it('marks a unit whose latest report is from before the snapshot as stale, with the period it reported for', () => {
    const r = buildReport(input({ checkIns: [checkIn({ unit: 'POPE', period: '2021-06', status: 1, submittedAt: '2021-06-25T10:00:00+03:00' })] }));
    const pope = onlyGoal(r).cells.find((c) => c.unit === 'POPE');
    expect(pope).toMatchObject({ stale: true, reportedFor: '2021-06' });
    expect(onlyGoal(r).cells.find((c) => c.unit === 'VAKA')?.status).toBeUndefined();
  });

  it('takes the narrative of the correction when a unit reported twice in the same period', () => {
    const r = buildReport(
      input({
        checkIns: [
          checkIn({ unit: 'VAKA', status: 1, narrative: 'Ensimmäinen', submittedAt: '2021-08-25T10:00:00+03:00' }),
          checkIn({ unit: 'VAKA', status: 2, narrative: 'Korjattu', submittedAt: '2021-08-26T10:00:00+03:00' }),
        ],
      }),
    );
    expect(onlyGoal(r).cells[0]).toMatchObject({ unit: 'VAKA', narrative: { text: 'Korjattu' }, status: { value: 2 } });
  });

  it('rolls the overall status up to the worst unit, unless an overall assessment is at least as recent', () => {
    const units2 = [
      checkIn({ unit: 'VAKA', status: 2, submittedAt: '2021-08-25T10:00:00+03:00' }),
      checkIn({ unit: 'POPE', status: 1, submittedAt: '2021-08-25T11:00:00+03:00' }),
    ];
    expect(onlyGoal(buildReport(input({ checkIns: units2 }))).overall).toMatchObject({ value: 1, computed: true });
    const withOverall = [...units2, checkIn({ status: 2, narrative: 'Kokonaisuutena valmis', submittedAt: '2021-08-30T10:00:00+03:00' })];
    const g = onlyGoal(buildReport(input({ checkIns: withOverall })));
    expect(g.overall).toMatchObject({ value: 2, computed: false });
    expect(g.cells.at(-1)).toMatchObject({ unit: OVERALL, narrative: { text: 'Kokonaisuutena valmis' } });
  });

  it('prints themes in reading order with goals in natural code order, and goals without a theme last', () => {
    const r = buildReport(
      input({
        themes: [theme('t2', '2', 2), theme('t1', '1', 1), theme('t11', '1.1', 1, 't1')],
        goals: [
          goal({ key: 'a', code: '10', themeKey: 't1' }),
          goal({ key: 'b', code: '2', themeKey: 't1' }),
          goal({ key: 'c', code: '3', themeKey: 't2' }),
          goal({ key: 'd', code: '4', themeKey: 't11' }),
          goal({ key: 'e', code: '5', themeKey: 'gone' }),
        ],
      }),
    );
    expect(r.sections.map((s) => [s.theme?.code, s.theme?.depth, s.goals.map((g) => g.code)])).toEqual([
      ['1', 0, ['2', '10']],
      ['1.1', 1, ['4']],
      ['2', 0, ['3']],
      [undefined, undefined, ['5']],
    ]);
  });

  it('keeps a theme whose goals all sit in its sub-themes as their heading, and leaves out themes with no goals under them', () => {
    const r = buildReport(
      input({
        themes: [theme('t1', '1', 1), theme('t11', '1.1', 1, 't1'), theme('t12', '1.2', 2, 't1'), theme('t2', '2', 2)],
        goals: [goal({ key: 'a', code: '1', themeKey: 't11' })],
      }),
    );
    expect(r.sections.map((s) => [s.theme?.code, s.goals.length])).toEqual([
      ['1', 0],
      ['1.1', 1],
    ]);
  });

  it('gives texts in the report language, falling back to Finnish marked as Finnish', () => {
    const r = buildReport(input({ lang: 'sv', groups: [{ ...group('g'), name: { fi: 'Ryhmä' } }], goals: [goal({ units: ['VAKA'], responsibleGroupKeys: ['g'] })] }));
    expect(r.sections[0]?.theme?.title).toEqual({ text: 'Tema 1', lang: 'sv' });
    expect(r.units[0]?.name).toEqual({ text: 'Småbarnspedagogik', lang: 'sv' });
    expect(onlyGoal(r).title).toEqual({ text: 'Henkilöstön mielenterveysosaaminen vahvistuu', lang: 'fi' });
    expect(onlyGoal(r).responsibleGroups).toEqual([{ text: 'Ryhmä', lang: 'fi' }]);
    expect(r.plan.title.lang).toBe('fi');
    expect(localize({ fi: 'Tavoite', sv: 'Mål' }, 'sv')).toEqual({ text: 'Mål', lang: 'sv' });
    expect(localize({ fi: 'Tavoite', sv: '' }, 'sv')).toEqual({ text: 'Tavoite', lang: 'fi' });
  });

  it('labels statuses from the plan’s scale in the report language', () => {
    const r = buildReport(input({ lang: 'sv', checkIns: [checkIn({ unit: 'VAKA', status: 1 }), checkIn({ unit: 'POPE', status: 2 })] }));
    expect(onlyGoal(r).overall?.label).toBe('Förverkligas delvis');
    expect(r.scale.levels.map((l) => l.label)).toEqual(['Förverkligas inte', 'Förverkligas delvis', 'Förverkligas helt']);
  });

  it('counts goals per status worst first, then values off the scale, then not reported', () => {
    expect(countByStatus(REALISATION_SCALE, [2, 1, 2, undefined, 7], 'en').map((c) => [c.status?.label, c.count])).toEqual([
      ['Not realised', 0],
      ['Partially realised', 1],
      ['Fully realised', 2],
      ['7', 1],
      [undefined, 1],
    ]);
  });

  it('compares the latest indicator value with baseline and target, keeping a value a later check-in left out', () => {
    const g = goal({ units: ['VAKA'], baseline: { value: 664 }, target: { value: 730.4 } });
    const r = buildReport(
      input({
        goals: [g],
        checkIns: [
          checkIn({ unit: 'VAKA', period: '2021-06', indicatorValue: 753, submittedAt: '2021-06-25T10:00:00+03:00' }),
          checkIn({ unit: 'VAKA', period: '2021-08', submittedAt: '2021-08-25T10:00:00+03:00' }),
        ],
      }),
    );
    const ind = onlyGoal(r).indicator;
    expect(ind).toMatchObject({ value: 753, valuePeriod: '2021-06', progress: { reached: true } });
    expect(ind.progress?.ratio).toBeCloseTo(89 / 66.4);
  });

  it('does not add up values of several units into one goal value; they stay per unit', () => {
    const r = buildReport(input({ checkIns: [checkIn({ unit: 'VAKA', indicatorValue: 10 }), checkIn({ unit: 'POPE', indicatorValue: 20 })] }));
    expect(onlyGoal(r).indicator.value).toBeUndefined();
    expect(onlyGoal(r).cells.map((c) => c.indicatorValue)).toEqual([10, 20]);
  });

  it('applies the dashboard’s filters: a theme with its sub-themes, a group, a unit, a status', () => {
    const themes = [theme('t1', '1', 1), theme('t11', '1.1', 1, 't1'), theme('t2', '2', 2)];
    const goals = [
      goal({ key: 'a', code: '1', themeKey: 't11', units: ['VAKA', 'POPE'], responsibleGroupKeys: ['ict'] }),
      goal({ key: 'b', code: '2', themeKey: 't2', units: ['POPE'] }),
    ];
    const checkIns = [checkIn({ goalKey: 'a', unit: 'VAKA', status: 2 }), checkIn({ goalKey: 'a', unit: 'POPE', status: 1 })];
    const keys = (f: ReportInput['filter']) => buildReport(input({ themes, goals, checkIns, filter: f })).sections.flatMap((s) => s.goals.map((g) => g.key));
    expect(keys({ theme: 't1' })).toEqual(['a']);
    expect(keys({ group: 'ict' })).toEqual(['a']);
    expect(keys({ status: 'none' })).toEqual(['b']);
    expect(keys({ status: '1' })).toEqual(['a']);
    const vakaOnly = buildReport(input({ themes, goals, checkIns, filter: { unit: 'VAKA' } }));
    expect(vakaOnly.units.map((u) => u.key)).toEqual(['VAKA']);
    expect(onlyGoal(vakaOnly)).toMatchObject({ key: 'a', overall: { value: 2 } });
    expect(themeAndDescendants(themes, 't1')).toEqual(new Set(['t1', 't11']));
  });

  it('reproduces the seed report of 8/2021 from the demo: 4 goals fully and 6 partially realised', () => {
    const d = buildDemoDataset();
    const demoPlan = d.plans.find((p) => p.key === DEMO_PLAN_KEY);
    if (!demoPlan) throw new Error('demo plan missing');
    const r = buildReport({ plan: demoPlan, themes: d.themes, goals: d.goals, groups: d.groups, units: d.units, checkIns: d.checkIns, period: '2021-08', lang: 'fi', generatedAt: '2021-09-09T09:00:00+03:00' });
    expect(r.goalCount).toBe(10);
    expect(r.counts.map((c) => [c.status?.label, c.count])).toEqual([
      ['Ei toteudu', 0],
      ['Toteutuu osittain', 6],
      ['Toteutuu täysin', 4],
      [undefined, 0],
    ]);
    expect(periodLabel(r.period)).toBe('8/2021');
  });
});

describe('bilingual goal texts in the report', () => {
  const translated = goal({
    units: ['VAKA'],
    title: 'Henkilöstön osaaminen vahvistuu',
    indicator: { text: 'Koulutettujen määrä', kind: 'quantitative', direction: 'increase', unit: 'henkilöä' },
    baseline: { text: 'Ei koulutusta', value: 664 },
    target: { text: '+10 %', value: 730 },
    translations: { sv: { title: 'Personalens kompetens stärks', indicatorUnit: 'personer', baselineText: 'Ingen utbildning' } },
  });

  it('prints the Swedish texts an admin wrote and the Finnish ones, marked Finnish, where none was written', () => {
    const g = onlyGoal(buildReport(input({ lang: 'sv', goals: [translated] })));
    expect(g.title).toEqual({ text: 'Personalens kompetens stärks', lang: 'sv' });
    expect(g.indicator.text).toEqual({ text: 'Koulutettujen määrä', lang: 'fi' });
    expect(g.indicator.unit).toBe('personer');
    expect(g.baseline.text).toEqual({ text: 'Ingen utbildning', lang: 'sv' });
    expect(g.target.text).toEqual({ text: '+10 %', lang: 'fi' });
  });

  it('marks each narrative with the language it was written in, the plan’s for one written before that was recorded', () => {
    const g = onlyGoal(
      buildReport(
        input({
          lang: 'sv',
          goals: [goal({ units: ['VAKA', 'POPE'] })],
          checkIns: [checkIn({ unit: 'VAKA', narrative: 'Det går bra.', language: 'sv' }), checkIn({ unit: 'POPE', narrative: 'Etenee.' })],
        }),
      ),
    );
    expect(g.cells.map((c) => c.narrative)).toEqual([
      { text: 'Det går bra.', lang: 'sv' },
      { text: 'Etenee.', lang: 'fi' },
    ]);
  });
});
