import { describe, it, expect } from 'vitest';
import { progressOf, type Indicator } from '../../../src/domain';

const increasing: Indicator = { text: 'Koulutetut +10 %', kind: 'quantitative', direction: 'increase' };
const decreasing: Indicator = { text: 'Keskeyttäneet', kind: 'quantitative', direction: 'decrease' };
const qualitative: Indicator = { text: 'Esiselvitys tehty', kind: 'qualitative' };

describe('indicator progress', () => {
  it('shows the Vantaa mental-health training goal past its +10 % target (664 → 753 against 730.4)', () => {
    const p = progressOf(increasing, { value: 664 }, { value: 664 * 1.1 }, 753);
    expect(p?.ratio).toBeGreaterThan(1);
    expect(p?.ratio).toBeCloseTo(89 / 66.4, 6);
    expect(p?.clamped).toBe(1);
    expect(p?.reached).toBe(true);
  });

  it('is exactly reached at the target', () => {
    expect(progressOf(increasing, { value: 664 }, { value: 730.4 }, 730.4)).toEqual({ ratio: 1, clamped: 1, reached: true });
  });

  it('is half way for a decreasing indicator from 20 toward 10 at 15', () => {
    expect(progressOf(decreasing, { value: 20 }, { value: 10 }, 15)).toEqual({ ratio: 0.5, clamped: 0.5, reached: false });
  });

  it('counts a decreasing indicator that went below its target as reached', () => {
    expect(progressOf(decreasing, { value: 20 }, { value: 10 }, 8)).toMatchObject({ ratio: 1.2, clamped: 1, reached: true });
  });

  it('clamps to zero a value that went the wrong way from the baseline', () => {
    expect(progressOf(increasing, { value: 100 }, { value: 200 }, 50)).toEqual({ ratio: -0.5, clamped: 0, reached: false });
    expect(progressOf(decreasing, { value: 20 }, { value: 10 }, 25)).toMatchObject({ ratio: -0.5, clamped: 0, reached: false });
  });

  it('is zero at the baseline', () => {
    expect(progressOf(increasing, { value: 100 }, { value: 200 }, 100)).toEqual({ ratio: 0, clamped: 0, reached: false });
  });

  it('is undefined when the target equals the baseline', () => {
    expect(progressOf(increasing, { value: 90 }, { value: 90 }, 95)).toBeUndefined();
  });

  it('is undefined for a qualitative indicator', () => {
    expect(progressOf(qualitative, { value: 0 }, { value: 1 }, 1)).toBeUndefined();
  });

  it('is undefined when the direction contradicts the numbers', () => {
    expect(progressOf(increasing, { value: 20 }, { value: 10 }, 15)).toBeUndefined();
    expect(progressOf(decreasing, { value: 10 }, { value: 20 }, 15)).toBeUndefined();
  });

  it('is undefined without a value, a baseline number or a target number', () => {
    expect(progressOf(increasing, { value: 664 }, { value: 730.4 }, undefined)).toBeUndefined();
    expect(progressOf(increasing, { text: 'end of 2019' }, { value: 730.4 }, 700)).toBeUndefined();
    expect(progressOf(increasing, { value: 664 }, { text: 'at least +10 %' }, 700)).toBeUndefined();
  });
});
