import { describe, it, expect } from 'vitest';
import { orderThemes, type Theme } from '../../../src/domain';

const theme = (key: string, order: number, parentKey?: string, code = key): Theme => ({
  key,
  planKey: 'digi-2016',
  code,
  order,
  title: { fi: key },
  ...(parentKey ? { parentKey } : {}),
});

const keys = (themes: Theme[]) => themes.map((t) => t.key);

describe('theme order', () => {
  it('puts each part before its action packages, siblings by order', () => {
    const themes = [theme('A.2', 2, 'A'), theme('B', 2), theme('B.1', 1, 'B'), theme('A.1', 1, 'A'), theme('A', 1)];
    expect(keys(orderThemes(themes))).toEqual(['A', 'A.1', 'A.2', 'B', 'B.1']);
  });

  it('orders siblings with the same order by code', () => {
    expect(keys(orderThemes([theme('t2', 0, undefined, '2'), theme('t10', 0, undefined, '10'), theme('t1', 0, undefined, '1')]))).toEqual([
      't1',
      't10',
      't2',
    ]);
  });

  it('places a grandchild under its parent', () => {
    expect(keys(orderThemes([theme('1.1.1', 1, '1.1'), theme('1', 1), theme('1.1', 1, '1'), theme('2', 2)]))).toEqual(['1', '1.1', '1.1.1', '2']);
  });

  it('keeps a theme whose parent is missing, after the tree', () => {
    expect(keys(orderThemes([theme('orphan', 0, 'deleted'), theme('1', 1)]))).toEqual(['1', 'orphan']);
  });

  it("keeps an orphan's own children, right after it", () => {
    const themes = [theme('orphan.1', 1, 'orphan'), theme('orphan', 0, 'deleted'), theme('1', 1)];
    expect(keys(orderThemes(themes))).toEqual(['1', 'orphan', 'orphan.1']);
  });

  it('never loses a theme, even in a hand-edited parent cycle', () => {
    const themes = [theme('1', 1), theme('x', 1, 'y'), theme('y', 2, 'x')];
    const out = orderThemes(themes);
    expect(out).toHaveLength(3);
    expect(new Set(keys(out))).toEqual(new Set(['1', 'x', 'y']));
  });

  it('does not change the list it was given', () => {
    const themes = [theme('B', 2), theme('A', 1)];
    orderThemes(themes);
    expect(keys(themes)).toEqual(['B', 'A']);
  });
});
