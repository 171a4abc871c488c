import { describe, it, expect } from 'vitest';
import { openPeriods, parsePeriodParam, periodProblem } from '../../../src/domain';
import { plan } from './fixtures';

// The demo's clock: 22 Sep 2021, 09:00 in Helsinki. September is the current period.
const now = new Date('2021-09-22T09:00:00+03:00');
const p = plan();

describe('periods open for reporting', () => {
  it('are the reporting periods up to the current one: no future month, no July', () => {
    expect(openPeriods(p, '2021-09-22')).toEqual(['2021-01', '2021-02', '2021-03', '2021-04', '2021-05', '2021-06', '2021-08', '2021-09']);
  });

  it('say why a period is closed', () => {
    expect(periodProblem(p, '2021-12', '2021-09-22')).toBe('future');
    expect(periodProblem(p, '2022-03', '2021-09-22')).toBe('outsidePlan');
    expect(periodProblem(p, '2021-07', '2021-09-22')).toBe('notReporting');
    expect(periodProblem(p, '2021-09', '2021-09-22')).toBeUndefined();
  });

  it('are every period of a plan that has ended', () => {
    expect(openPeriods(p, '2022-05-01')).toHaveLength(11);
  });
});

describe('a period in the URL', () => {
  it('is taken when it is open', () => {
    expect(parsePeriodParam('2021-08', p, now)).toEqual({ ok: true, period: '2021-08', given: true });
  });

  it('means the current period when it is missing or empty', () => {
    expect(parsePeriodParam(null, p, now)).toEqual({ ok: true, period: '2021-09', given: false });
    expect(parsePeriodParam('  ', p, now)).toEqual({ ok: true, period: '2021-09', given: false });
  });

  it('outside the plan says so, and which period shows instead', () => {
    expect(parsePeriodParam('2022-03', p, now)).toEqual({ ok: false, problem: 'outsidePlan', text: '2022-03', fallback: '2021-09' });
  });

  it('that is no month says so', () => {
    expect(parsePeriodParam('2021-13', p, now)).toMatchObject({ ok: false, problem: 'notAMonth', fallback: '2021-09' });
    expect(parsePeriodParam('2021-00', p, now)).toMatchObject({ ok: false, problem: 'notAMonth' });
  });

  it('that is not a period at all says so, keeping the text to show', () => {
    expect(parsePeriodParam('abc', p, now)).toEqual({ ok: false, problem: 'notAPeriod', text: 'abc', fallback: '2021-09' });
    expect(parsePeriodParam('2021-9-1', p, now)).toMatchObject({ ok: false, problem: 'notAPeriod' });
  });

  it('in the future or in a non-reporting month says so', () => {
    expect(parsePeriodParam('2021-12', p, now)).toMatchObject({ ok: false, problem: 'future' });
    expect(parsePeriodParam('2021-07', p, now)).toMatchObject({ ok: false, problem: 'notReporting' });
  });

  it('accepts a month written with one digit', () => {
    expect(parsePeriodParam('2021-8', p, now)).toEqual({ ok: true, period: '2021-08', given: true });
  });

  it('is judged by the date in Helsinki, not UTC', () => {
    // 19 Sep 21:30 UTC is already the 20th in Helsinki: September's reminder day opens it.
    expect(parsePeriodParam('2021-09', p, new Date('2021-09-19T21:30:00Z'))).toMatchObject({ ok: true, period: '2021-09' });
    expect(parsePeriodParam('2021-09', p, new Date('2021-09-19T20:30:00Z'))).toMatchObject({ ok: false, problem: 'future' });
  });
});
