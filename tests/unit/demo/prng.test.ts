import { describe, it, expect } from 'vitest';
import { hashString, intBetween, mulberry32 } from '../../../src/demo/prng';
import { helsinkiOffset } from '../../../src/demo/check-ins';

describe('the demo PRNG', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });

  it('hashes strings stably and keeps integers in range', () => {
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(hashString('abc')).not.toBe(hashString('abd'));
    const r = mulberry32(1);
    for (let i = 0; i < 200; i++) {
      const n = intBetween(r, 3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
  });
});

describe("Helsinki's UTC offset", () => {
  it('switches on the last Sundays of March and October', () => {
    expect(helsinkiOffset('2021-03-27')).toBe('+02:00');
    expect(helsinkiOffset('2021-03-28')).toBe('+03:00');
    expect(helsinkiOffset('2021-10-30')).toBe('+03:00');
    expect(helsinkiOffset('2021-10-31')).toBe('+02:00');
    expect(helsinkiOffset('2022-03-27')).toBe('+03:00');
  });
});
