import { describe, it, expect } from 'vitest';
import { NARRATIVE_MAX, checkInInputSchema, checkInIssues, type CheckInFields, type CheckInTarget } from '../../../src/domain';
import { goal, plan } from './fixtures';

const input = {
  goalKey: 'g1',
  period: '2021-08',
  unit: 'VAKA',
  status: 1,
  narrative: 'VAKA: koulutuksia on järjestetty syksyllä.',
  submissionId: 'tab-01HF3Z9K2M',
};

const issuesOf = (value: unknown) => checkInInputSchema.safeParse(value).error?.issues ?? [];

describe('check-in input', () => {
  it('accepts a complete check-in', () => {
    expect(checkInInputSchema.safeParse(input).success).toBe(true);
  });

  it('accepts a check-in for the goal as a whole, without a unit', () => {
    const { unit: _unit, ...whole } = input;
    expect(checkInInputSchema.safeParse(whole).success).toBe(true);
  });

  it('trims the narrative', () => {
    expect(checkInInputSchema.parse({ ...input, narrative: '  Etenee.  ' }).narrative).toBe('Etenee.');
  });

  it('refuses an empty narrative, naming the field', () => {
    expect(issuesOf({ ...input, narrative: '' })).toEqual([
      expect.objectContaining({ path: ['narrative'], message: 'Write a short account of the situation' }),
    ]);
  });

  it('refuses a narrative of only spaces', () => {
    expect(issuesOf({ ...input, narrative: '   \n ' })[0]).toMatchObject({ path: ['narrative'] });
  });

  it(`refuses a narrative longer than ${NARRATIVE_MAX} characters`, () => {
    expect(issuesOf({ ...input, narrative: 'x'.repeat(NARRATIVE_MAX + 1) })[0]).toMatchObject({ path: ['narrative'] });
  });

  it('asks for a status when it is missing', () => {
    const { status: _status, ...noStatus } = input;
    expect(issuesOf(noStatus)).toEqual([expect.objectContaining({ path: ['status'], message: 'Choose a status' })]);
  });

  it('refuses a status that is not a whole number', () => {
    expect(issuesOf({ ...input, status: 1.5 })[0]).toMatchObject({ path: ['status'] });
  });

  it("refuses the period '2021-13', naming the field", () => {
    expect(issuesOf({ ...input, period: '2021-13' })).toEqual([
      expect.objectContaining({ path: ['period'], message: 'Expected a period as YYYY-MM' }),
    ]);
  });

  it("refuses a period written the Finnish way, '8/2021'", () => {
    expect(issuesOf({ ...input, period: '8/2021' })[0]).toMatchObject({ path: ['period'] });
  });

  it('refuses a submissionId that is too short', () => {
    expect(issuesOf({ ...input, submissionId: 'abc' })).toEqual([
      expect.objectContaining({ path: ['submissionId'], message: 'submissionId must be at least 8 characters' }),
    ]);
  });

  it('refuses a submissionId with characters outside letters, digits and . _ : -', () => {
    expect(issuesOf({ ...input, submissionId: 'tab 01HF3Z9K2M/x' })).toEqual([
      expect.objectContaining({ path: ['submissionId'], message: 'submissionId may contain letters, digits and . _ : -' }),
    ]);
  });

  it('refuses an indicator value that is not a finite number', () => {
    expect(issuesOf({ ...input, indicatorValue: Number.POSITIVE_INFINITY })[0]).toMatchObject({ path: ['indicatorValue'] });
  });

  it('names every bad field at once', () => {
    const paths = issuesOf({ ...input, narrative: '', period: '2021-13', status: undefined }).map((i) => i.path.join('.'));
    expect(paths.sort()).toEqual(['narrative', 'period', 'status']);
  });
});

describe('the check-in validator', () => {
  const fields: CheckInFields = { period: '2021-08', unit: 'VAKA', status: 1, narrative: 'VAKA: koulutuksia on järjestetty.', indicatorValue: 700 };
  const target = { plan: plan(), goal: goal({ units: ['VAKA', 'POPE'] }) };
  const codes = (f: CheckInFields, t?: CheckInTarget) => checkInIssues(f, t).map((i) => `${i.path}:${i.code}`);

  it('accepts a check-in on a reporting period, a unit of the goal and a status on the scale', () => {
    expect(checkInIssues(fields, target)).toEqual([]);
  });

  it('asks for a status and a narrative without needing the goal or plan', () => {
    expect(checkInIssues({ period: '2021-08', narrative: '  ' })).toEqual([
      { path: 'status', code: 'status.required', message: 'Choose a status' },
      { path: 'narrative', code: 'narrative.required', message: 'Write a short account of the situation' },
    ]);
  });

  it(`judges the narrative trimmed: ${NARRATIVE_MAX} characters between spaces pass, one more does not`, () => {
    expect(codes({ ...fields, narrative: ` ${'x'.repeat(NARRATIVE_MAX)} ` }, target)).toEqual([]);
    expect(codes({ ...fields, narrative: 'x'.repeat(NARRATIVE_MAX + 1) }, target)).toEqual(['narrative:narrative.tooLong']);
  });

  it('refuses July, a month the plan does not report in, naming the plan', () => {
    expect(checkInIssues({ ...fields, period: '2021-07' }, target)).toEqual([
      { path: 'period', code: 'period.notReporting', message: '2021-07 is not a reporting period of plan vantaa-2021' },
    ]);
  });

  it('refuses a unit the goal does not report for, but takes an assessment of the goal as a whole', () => {
    expect(codes({ ...fields, unit: 'KASO' }, target)).toEqual(['unit:unit.notReported']);
    expect(codes({ ...fields, unit: undefined }, target)).toEqual([]);
  });

  it("refuses a status that is not on the plan's scale", () => {
    expect(checkInIssues({ ...fields, status: 7 }, target)).toEqual([{ path: 'status', code: 'status.offScale', message: "Status 7 is not on the plan's scale" }]);
  });

  it('refuses an indicator value for a goal with a qualitative indicator', () => {
    const qualitative = { ...target, goal: goal({ units: ['VAKA'], indicator: { text: 'Arvio', kind: 'qualitative' } }) };
    expect(codes(fields, qualitative)).toEqual(['indicatorValue:indicatorValue.notTaken']);
    expect(codes({ ...fields, indicatorValue: undefined }, qualitative)).toEqual([]);
  });

  it('names every bad field at once, in the order of the form', () => {
    expect(codes({ period: '2021-07', unit: 'KASO', status: 9, narrative: '' }, target)).toEqual([
      'period:period.notReporting',
      'unit:unit.notReported',
      'status:status.offScale',
      'narrative:narrative.required',
    ]);
  });

  it('is what the input schema says about the narrative, in the same words', () => {
    const tooLong = 'x'.repeat(NARRATIVE_MAX + 1);
    expect(issuesOf({ ...input, narrative: tooLong })[0]?.message).toBe(checkInIssues({ ...fields, narrative: tooLong })[0]?.message);
    expect(issuesOf({ ...input, narrative: ' ' })[0]?.message).toBe(checkInIssues({ ...fields, narrative: ' ' })[0]?.message);
  });

  describe('on the date it is submitted (22.9.2021: September is the current period)', () => {
    const today = '2021-09-22';
    const dated = { ...target, today };

    it('takes the current period and an overdue past one', () => {
      expect(codes({ ...fields, period: '2021-09' }, dated)).toEqual([]);
      expect(codes({ ...fields, period: '2021-03' }, dated)).toEqual([]);
    });

    it('refuses a future period of the plan, so a December report cannot hide September', () => {
      expect(codes({ ...fields, period: '2021-12' }, dated)).toEqual(['period:period.future']);
      expect(codes({ ...fields, period: '2021-10' }, dated)).toEqual(['period:period.future']);
    });

    it('refuses a month outside the plan, naming the plan period', () => {
      expect(checkInIssues({ ...fields, period: '2022-03' }, dated)).toEqual([
        { path: 'period', code: 'period.outsidePlan', message: '2022-03 is outside plan vantaa-2021 (2021-01 – 2021-12)' },
      ]);
      expect(codes({ ...fields, period: '2020-12' }, dated)).toEqual(['period:period.outsidePlan']);
    });

    it('refuses a non-reporting month even when it is past', () => {
      expect(codes({ ...fields, period: '2021-07' }, dated)).toEqual(['period:period.notReporting']);
    });

    it('opens a period on its reminder day, when it becomes the current period', () => {
      expect(codes({ ...fields, period: '2021-09' }, { ...target, today: '2021-09-19' })).toEqual(['period:period.future']);
      expect(codes({ ...fields, period: '2021-09' }, { ...target, today: '2021-09-20' })).toEqual([]);
      expect(codes({ ...fields, period: '2021-10' }, { ...target, today: '2021-09-30' })).toEqual(['period:period.future']);
    });
  });

  describe('the indicator value', () => {
    it('refuses a negative value for an indicator that counts (no range set)', () => {
      expect(checkInIssues({ ...fields, indicatorValue: -5 }, target)).toEqual([{ path: 'indicatorValue', code: 'indicatorValue.negative', message: 'The value cannot be negative' }]);
      expect(codes({ ...fields, indicatorValue: 0 }, target)).toEqual([]);
    });

    it('keeps to the range the admin set, which may allow negative values', () => {
      const ranged = { ...target, goal: goal({ units: ['VAKA'], indicator: { text: 'Osuus %', kind: 'quantitative', direction: 'increase', min: 0, max: 100 } }) };
      expect(codes({ ...fields, indicatorValue: 101 }, ranged)).toEqual(['indicatorValue:indicatorValue.aboveMax']);
      expect(codes({ ...fields, indicatorValue: 100 }, ranged)).toEqual([]);
      const change = { ...target, goal: goal({ units: ['VAKA'], indicator: { text: 'Muutos %', kind: 'quantitative', direction: 'increase', min: -50 } }) };
      expect(codes({ ...fields, indicatorValue: -5 }, change)).toEqual([]);
      expect(checkInIssues({ ...fields, indicatorValue: -51 }, change)[0]).toMatchObject({ code: 'indicatorValue.belowMin', message: 'The value must be at least -50' });
    });
  });
});
