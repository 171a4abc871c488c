import { describe, expect, it } from 'vitest';
import { defaultPlan, isRunning } from '../../../src/domain';

const p2021 = { key: 'a', periodStart: '2021-01-01', periodEnd: '2021-12-31' };
const p2022 = { key: 'b', periodStart: '2022-01-01', periodEnd: '2022-12-31' };
const term = { key: 'c', periodStart: '2021-08-01', periodEnd: '2025-07-31' };

describe('the plan shown by default', () => {
  it('counts the first and last day as running', () => {
    expect(isRunning(p2021, '2021-01-01')).toBe(true);
    expect(isRunning(p2021, '2021-12-31')).toBe(true);
    expect(isRunning(p2021, '2022-01-01')).toBe(false);
  });

  it('prefers the running plan that started last', () => {
    expect(defaultPlan([p2021, term, p2022], '2021-09-22')?.key).toBe('c');
    expect(defaultPlan([p2021, p2022], '2021-09-22')?.key).toBe('a');
  });

  it('falls back to the latest-starting plan when none is running', () => {
    expect(defaultPlan([p2021, p2022], '2030-01-01')?.key).toBe('b');
    expect(defaultPlan([], '2030-01-01')).toBeUndefined();
  });
});
