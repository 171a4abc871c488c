// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildDemoDataset } from '../../../../src/demo';
import { ConflictView } from '../../../../src/tab/features/admin/components/conflict-view';
import { renderTab } from '../helpers';

const base = buildDemoDataset().goals.find((g) => g.code === '3')!;
const mine = { ...base, title: `${base.title} (minun)`, code: '3X' };
const theirs = { ...base, description: 'Heidän kuvauksensa', code: '3B', responsiblePersons: base.responsiblePersons.slice(0, 1) };

describe('admin conflict view', () => {
  it('shows their saved version and mine side by side, marking what differs in words', async () => {
    await renderTab(<ConflictView base={base} mine={mine} theirs={theirs} onTakeTheirs={() => {}} onReapply={() => {}} />);
    const region = screen.getByRole('region', { name: 'Joku muu tallensi ensin' });
    const table = within(region).getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Kenttä', 'Tallennettu versio (toisen)', 'Sinun versiosi']);
    const row = (name: RegExp) => within(table).getByRole('rowheader', { name }).closest('tr')!;

    const title = row(/^Otsikko/);
    expect(within(title).getAllByRole('cell').map((c) => c.textContent)).toEqual([base.title, mine.title]);
    expect(within(title).getByText('Eroaa')).toBeTruthy();
    expect(within(title).getByText('Muutit')).toBeTruthy();

    const code = row(/^Numero/);
    expect(within(code).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3B', '3X']);
    expect(within(code).getByText('Molemmat muuttivat')).toBeTruthy();

    const persons = row(/^Vastuuhenkilöt/);
    expect(within(persons).getAllByRole('cell')[0]!.textContent).toBe(base.responsiblePersons[0]!.name);
    expect(within(persons).getAllByRole('cell')[1]!.textContent).toBe(base.responsiblePersons.map((p) => p.name).join(', '));

    const description = row(/^Kuvaus/);
    expect(within(description).getAllByRole('cell')[1]!.textContent).toBe('(tyhjä)');
    // Only the four differing fields show until asked for all.
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    expect(within(region).getByText('4 kenttää eroaa tallennetun version ja sinun versiosi välillä.')).toBeTruthy();
  });

  it('shows every field on request and lets the admin choose', async () => {
    const onTakeTheirs = vi.fn();
    const onReapply = vi.fn();
    const user = userEvent.setup();
    await renderTab(<ConflictView base={base} mine={mine} theirs={theirs} onTakeTheirs={onTakeTheirs} onReapply={onReapply} />);
    await user.click(screen.getByRole('switch', { name: 'Näytä kaikki kentät' }));
    expect(screen.getAllByRole('row').length).toBeGreaterThan(15);
    expect(screen.queryByRole('rowheader', { name: /^summary/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Tee muutokseni uudelleen heidän versionsa päälle' }));
    expect(onReapply).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Pidä heidän versionsa' }));
    expect(onTakeTheirs).toHaveBeenCalledTimes(1);
  });

  it('speaks Swedish too', async () => {
    await renderTab(<ConflictView base={base} mine={mine} theirs={theirs} onTakeTheirs={() => {}} onReapply={() => {}} />, 'sv');
    expect(screen.getByRole('region', { name: 'Någon annan sparade först' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Din version' })).toBeTruthy();
  });
});
