import { describe, it, expect } from 'vitest';
import { NARRATIVE_MAX, checkInInputSchema } from '../../../src/domain';

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
