// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildDemoDataset } from '../../../../src/demo';
import DashboardView from '../../../../src/tab/features/dashboard/route';
import { fakeServices, renderView } from '../helpers';

const data = buildDemoDataset();

const showDashboard = (path: string) => renderView(<DashboardView />, { path, services: fakeServices(data) });

/** The matrix once the view has loaded its plan, board and check-ins. */
const matrix = () => screen.findByRole('table', { name: /tavoitteiden tila palvelualueittain, elokuu 2021$/ }, { timeout: 5000 });
const goalRows = () =>
  within(screen.getByRole('table'))
    .queryAllByRole('rowheader')
    .filter((h) => h.getAttribute('scope') === 'row');
const codes = () => goalRows().map((h) => h.textContent?.split(' ')[0]);

describe('dashboard view', () => {
  it('shows the period from the URL as a table: unit column headers, theme row groups and goal rows linking with the period', async () => {
    await showDashboard('/dashboard?period=2021-08');
    const table = await matrix();
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Tavoite', 'Kokonaisarvio', 'KASOToimialan yhteiset', 'VAKAVarhaiskasvatus', 'POPEPerusopetus', 'TAKOToisen asteen koulutus', 'SVERuotsinkielinen koulutus']);
    expect(goalRows()).toHaveLength(10);
    expect(within(table).getAllByRole('rowheader').some((h) => h.getAttribute('scope') === 'rowgroup')).toBe(true);
    // Status is named in words on every chip, never colour alone.
    const g5 = goalRows().find((h) => h.textContent?.startsWith('5 '))!.closest('tr')!;
    expect(within(g5).getAllByRole('img', { name: 'Toteutuu osittain' }).length).toBeGreaterThan(0);
    expect(within(g5).getByText('Toteutuu osittain')).toBeTruthy();
    expect(within(g5).getByText('1 raportti myöhässä')).toBeTruthy();
    expect(within(g5).getByRole('link').getAttribute('href')).toBe('/goals/vantaa-ko-2021.g5?period=2021-08');
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Näytetään 10/10 tavoitetta');
  });

  it('filters to overdue goals and by status from the labelled controls, keeping the filters in the URL', async () => {
    const user = userEvent.setup();
    const { location } = await showDashboard('/dashboard?period=2021-08');
    await matrix();
    await user.click(screen.getByRole('checkbox', { name: 'Vain tavoitteet, joiden raportointi on myöhässä' }));
    await waitFor(() => expect(codes().sort()).toEqual(['5', '6', '9']));
    expect(location().searchParams.get('overdue')).toBe('1');
    expect(location().searchParams.get('period')).toBe('2021-08');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Tila' }), 'Toteutuu täysin');
    await screen.findByRole('heading', { name: 'Yksikään tavoite ei vastaa hakua' });
    expect(screen.queryByRole('table')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Tyhjennä suodattimet' }));
    await waitFor(() => expect(goalRows()).toHaveLength(10));
    expect(location().searchParams.has('overdue')).toBe(false);
    expect(location().searchParams.has('status')).toBe(false);
  });

  it('narrows the columns to one service area and searches, the search reaching the URL too', async () => {
    const user = userEvent.setup();
    const { location } = await showDashboard('/dashboard?period=2021-08');
    await matrix();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Palvelualue' }), 'SVE');
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('columnheader')).toHaveLength(3));
    expect(location().searchParams.get('unit')).toBe('SVE');

    await user.type(screen.getByRole('searchbox', { name: 'Hae tavoitteita' }), 'mielenterveys');
    await screen.findByRole('heading', { name: 'Yksikään tavoite ei vastaa hakua' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Palvelualue' }), '');
    await waitFor(() => expect(codes()).toEqual(['5']));
    await waitFor(() => expect(location().searchParams.get('q')).toBe('mielenterveys'));
  });

  it('sorts the whole table worst first: not reported, then each level from the worst, the most overdue first, then plan order', async () => {
    const byTheme = await showDashboard('/dashboard?period=2021-08');
    await matrix();
    const planOrder = codes();
    byTheme.unmount();

    await showDashboard('/dashboard?period=2021-08&sort=worst');
    const table = await matrix();
    // One untitled section: no theme row groups when sorted by status.
    expect(within(table).queryAllByRole('rowheader').filter((h) => h.getAttribute('scope') === 'rowgroup')).toEqual([]);
    const rows = goalRows().map((h) => {
      const tr = h.closest('tr')!;
      const status = tr.querySelector('td [data-status]')!.getAttribute('data-status');
      return {
        code: h.textContent!.split(' ')[0]!,
        rank: status === 'none' ? -1 : Number(status),
        overdue: Number(/(\d+) raport/.exec(h.textContent ?? '')?.[1] ?? 0),
      };
    });
    expect(rows).toHaveLength(10);
    const expected = [...rows].sort((a, b) => a.rank - b.rank || b.overdue - a.overdue || planOrder.indexOf(a.code) - planOrder.indexOf(b.code));
    expect(rows.map((r) => r.code)).toEqual(expected.map((r) => r.code));
    // The demo data spans several levels, so this order is not the plan's order by accident.
    expect(new Set(rows.map((r) => r.rank)).size).toBeGreaterThan(1);
    expect(rows.map((r) => r.code)).not.toEqual(planOrder);
  });
});
