/**
 * Arrow keys between the focusable items of a table's cells (its links and focusable status
 * chips), with one Tab stop for the whole table: a roving tabindex, the stop staying on the item
 * last focused, so Tab leaves the table in one step and Shift+Tab comes back to where one was.
 * ←/→ move along a row, ↑/↓ to the nearest row with an item (same column, else the nearest one),
 * Home/End to a row's ends and Ctrl+Home/End to the table's.
 *
 * Ours, not Fluent's useArrowNavigationGroup: its focus manager (tabster) is about 14 KiB gzip of
 * the first view, for this one table (docs/decisions/0014-first-view-javascript.md).
 */
import { useCallback, useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react';

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]';

/** Each row's items by cell index (`undefined` where a cell has none); rows without items left out. */
function gridOf(table: HTMLTableElement): (HTMLElement | undefined)[][] {
  const grid: (HTMLElement | undefined)[][] = [];
  for (const row of table.rows) {
    const items = [...row.cells].map((cell) => cell.querySelector<HTMLElement>(FOCUSABLE) ?? undefined);
    if (items.some(Boolean)) grid.push(items);
  }
  return grid;
}

const first = (row: (HTMLElement | undefined)[]) => row.find(Boolean);
const last = (row: (HTMLElement | undefined)[]) => row.findLast(Boolean);

/** The item of `row` in column `col`, else the one nearest to it (left first on a tie). */
function nearest(row: (HTMLElement | undefined)[], col: number): HTMLElement | undefined {
  for (let d = 0; d < row.length; d++) {
    const item = row[col - d] ?? row[col + d];
    if (item) return item;
  }
  return undefined;
}

function target(grid: (HTMLElement | undefined)[][], r: number, c: number, e: KeyboardEvent): HTMLElement | undefined {
  const row = grid[r]!;
  switch (e.key) {
    case 'ArrowRight':
      return row.slice(c + 1).find(Boolean);
    case 'ArrowLeft':
      return row.slice(0, c).findLast(Boolean);
    case 'ArrowDown':
      return r + 1 < grid.length ? nearest(grid[r + 1]!, c) : undefined;
    case 'ArrowUp':
      return r > 0 ? nearest(grid[r - 1]!, c) : undefined;
    case 'Home':
      return e.ctrlKey ? first(grid[0]!) : first(row);
    case 'End':
      return e.ctrlKey ? last(grid.at(-1)!) : last(row);
    default:
      return undefined;
  }
}

export function useGridArrowKeys() {
  const table = useRef<HTMLTableElement>(null);
  const current = useRef<HTMLElement | null>(null);

  // After every render (rows come and go with the data): exactly one item is a Tab stop.
  useLayoutEffect(() => {
    const t = table.current;
    if (!t) return;
    const items = gridOf(t).flatMap((row) => row.filter((i): i is HTMLElement => !!i));
    if (!current.current || !items.includes(current.current)) current.current = items[0] ?? null;
    for (const i of items) {
      const index = i === current.current ? '0' : '-1';
      if (i.getAttribute('tabindex') !== index) i.setAttribute('tabindex', index);
    }
  });

  const onFocus = useCallback((e: FocusEvent<HTMLTableElement>) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>(FOCUSABLE);
    if (!item || item === current.current || !e.currentTarget.contains(item)) return;
    current.current?.setAttribute('tabindex', '-1');
    item.setAttribute('tabindex', '0');
    current.current = item;
  }, []);

  const onKeyDown = useCallback((e: KeyboardEvent<HTMLTableElement>) => {
    if (e.altKey || e.metaKey || e.shiftKey || (e.ctrlKey && e.key !== 'Home' && e.key !== 'End')) return;
    const grid = gridOf(e.currentTarget);
    const from = (e.target as HTMLElement).closest<HTMLElement>(FOCUSABLE);
    const r = grid.findIndex((row) => row.includes(from ?? undefined));
    if (!from || r < 0) return;
    const to = target(grid, r, grid[r]!.indexOf(from), e);
    if (!to) return;
    e.preventDefault();
    to.focus();
  }, []);

  return { ref: table, onFocus, onKeyDown };
}
