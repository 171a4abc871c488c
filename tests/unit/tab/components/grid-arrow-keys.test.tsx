// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useGridArrowKeys } from '../../../../src/tab/components/grid-arrow-keys';

afterEach(() => cleanup());

/**
 * A dashboard-shaped table: a header row with no items, a theme row with none, then goal rows with
 * a link in the row header and focusable chips in the unit cells — goal 2 has no chip in column B.
 */
function Matrix({ rows = ['1', '2', '3'] }: { rows?: string[] }) {
  const keys = useGridArrowKeys();
  return (
    <table {...keys}>
      <thead>
        <tr>
          <th>Goal</th>
          <th>A</th>
          <th>B</th>
          <th>C</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th colSpan={4}>Theme</th>
        </tr>
        {rows.map((g) => (
          <tr key={g}>
            <th>
              <a href={`/goal/${g}`}>Goal {g}</a>
            </th>
            {['A', 'B', 'C'].map((u) => (
              <td key={u}>{g === '2' && u === 'B' ? '–' : <span role="img" aria-label={`${g}${u}`} tabIndex={0} />}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const focusedName = () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent;
const stops = () => [...document.querySelectorAll('table a, table [tabindex]')].filter((e) => e.getAttribute('tabindex') !== '-1');
const press = (key: string, init: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(document.activeElement!, { key, ...init });

describe('useGridArrowKeys', () => {
  it('leaves one Tab stop in the table, on its first item, and moves it to the item last focused', () => {
    render(<Matrix />);
    expect(stops()).toEqual([screen.getByRole('link', { name: 'Goal 1' })]);
    screen.getByRole('img', { name: '2C' }).focus();
    expect(stops()).toEqual([screen.getByRole('img', { name: '2C' })]);
  });

  it('moves along a row with ←/→ and stops at its ends', () => {
    render(<Matrix />);
    screen.getByRole('link', { name: 'Goal 1' }).focus();
    press('ArrowRight');
    expect(focusedName()).toBe('1A');
    press('ArrowRight');
    press('ArrowRight');
    expect(focusedName()).toBe('1C');
    press('ArrowRight');
    expect(focusedName()).toBe('1C');
    press('ArrowLeft');
    expect(focusedName()).toBe('1B');
  });

  it('moves between goal rows with ↑/↓, skipping rows without items, to the nearest item where a cell has none', () => {
    render(<Matrix />);
    screen.getByRole('img', { name: '1B' }).focus();
    press('ArrowDown');
    // Goal 2 has nothing in column B: the nearest item, left first.
    expect(focusedName()).toBe('2A');
    press('ArrowDown');
    expect(focusedName()).toBe('3A');
    press('ArrowDown');
    expect(focusedName()).toBe('3A');
    press('ArrowUp');
    press('ArrowUp');
    expect(focusedName()).toBe('1A');
    // The header and theme rows have no items: ↑ from the first goal stays.
    press('ArrowUp');
    expect(focusedName()).toBe('1A');
  });

  it('goes to a row’s ends with Home/End and to the table’s with Ctrl+Home/End', () => {
    render(<Matrix />);
    screen.getByRole('img', { name: '2A' }).focus();
    press('End');
    expect(focusedName()).toBe('2C');
    press('Home');
    expect(focusedName()).toBe('Goal 2');
    press('End', { ctrlKey: true });
    expect(focusedName()).toBe('3C');
    press('Home', { ctrlKey: true });
    expect(focusedName()).toBe('Goal 1');
  });

  it('leaves other keys and modified arrows to the browser', () => {
    render(<Matrix />);
    screen.getByRole('img', { name: '1A' }).focus();
    expect(press('ArrowRight', { shiftKey: true })).toBe(true);
    expect(press('a')).toBe(true);
    expect(focusedName()).toBe('1A');
    expect(press('ArrowRight')).toBe(false);
  });

  it('keeps one Tab stop when rows come and go, on the first item once the focused one is gone', () => {
    const { rerender } = render(<Matrix />);
    screen.getByRole('img', { name: '3B' }).focus();
    rerender(<Matrix rows={['1', '3', '4']} />);
    expect(stops()).toEqual([screen.getByRole('img', { name: '3B' })]);
    rerender(<Matrix rows={['1', '4']} />);
    expect(stops()).toEqual([screen.getByRole('link', { name: 'Goal 1' })]);
  });
});
