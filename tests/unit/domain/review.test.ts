import { describe, it, expect } from 'vitest';
import { meetingDateIssue, meetingDateRange, parseOrInvalid, reviewInputSchema } from '../../../src/domain';
import { plan } from './fixtures';

const target = { plan: plan(), today: '2021-09-22' };

describe('a review meeting date', () => {
  it('may be within the plan period and a year either side, up to a year from today', () => {
    expect(meetingDateRange(target)).toEqual({ earliest: '2020-01-01', latest: '2022-09-22' });
    expect(meetingDateIssue('2021-09-22', target)).toBeUndefined();
    expect(meetingDateIssue('2020-01-01', target)).toBeUndefined();
    expect(meetingDateIssue('2022-09-22', target)).toBeUndefined();
  });

  it('refuses 1.1.2030, more than a year from today', () => {
    expect(meetingDateIssue('2030-01-01', target)).toMatchObject({ path: 'meetingDate', code: 'meetingDate.tooFarAhead' });
  });

  it('refuses a date over a year before the plan starts', () => {
    expect(meetingDateIssue('2019-12-31', target)).toMatchObject({ code: 'meetingDate.beforePlan', message: expect.stringContaining('2020-01-01') });
  });

  it('refuses a date over a year after the plan ends, once today is later', () => {
    expect(meetingDateIssue('2023-01-01', { ...target, today: '2022-12-01' })).toMatchObject({ code: 'meetingDate.afterPlan' });
    expect(meetingDateIssue('2022-12-31', { ...target, today: '2022-12-01' })).toBeUndefined();
  });

  it('must exist in the calendar', () => {
    expect(() => parseOrInvalid(reviewInputSchema, { goalKey: 'g1', meetingDate: '2021-02-31', text: 'Hyvä.' }, 'review')).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'meetingDate', code: 'meetingDate.notADate' })] }),
    );
    expect(parseOrInvalid(reviewInputSchema, { goalKey: 'g1', meetingDate: '2024-02-29', text: 'Hyvä.' }, 'review').meetingDate).toBe('2024-02-29');
  });
});
