// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { buildDemoDataset } from '../../../../src/demo';
import { RouterProvider } from '../../../../src/tab/app/router';
import { DashboardFilters } from '../../../../src/tab/features/dashboard/components/dashboard-filters';
import { StatusMatrix } from '../../../../src/tab/features/dashboard/components/status-matrix';
import { buildRows, columnsFor, EMPTY_QUERY, filterRows, groupByTheme, type DashboardQuery } from '../../../../src/tab/features/dashboard/model';
import { renderTab } from '../helpers';

const data = buildDemoDataset();
const plan = data.plans[0]!;
const TODAY = '2021-09-22';

function Dashboard({ onChange }: { onChange?: (q: DashboardQuery) => void }) {
  const [q, setQ] = useState<DashboardQuery>({ ...EMPTY_QUERY, period: '2021-08' });
  const [search, setSearch] = useState('');
  const rows = buildRows({ plan, themes: data.themes, goals: data.goals, checkIns: data.checkIns, period: q.period ?? '2021-08', today: TODAY });
  const shown = filterRows(rows, { ...q, q: search }, data.themes);
  return (
    <RouterProvider>
      <DashboardFilters
        query={q}
        plans={data.plans}
        plan={plan}
        periods={['2021-06', '2021-08', '2021-09']}
        period={q.period ?? '2021-08'}
        themes={data.themes}
        groups={data.groups}
        units={data.units}
        unitKeys={plan.units}
        search={search}
        onSearch={setSearch}
        onChange={(p) => {
          const next = { ...q, ...p };
          setQ(next);
          onChange?.(next);
        }}
        onClear={() => setQ({ ...EMPTY_QUERY, period: q.period })}
      />
      <StatusMatrix plan={plan} sections={groupByTheme(shown, data.themes)} columns={columnsFor(plan, data.units, rows, q.unit)} units={data.units} period={q.period ?? '2021-08'} caption="Tavoitteet elokuu 2021" />
    </RouterProvider>
  );
}

const goalRows = () => within(screen.getByRole('table')).queryAllByRole('rowheader').filter((h) => h.getAttribute('scope') === 'row');

describe('dashboard matrix and filters', () => {
  it('is a table with a caption, unit column headers, theme row groups and goal row headers', async () => {
    await renderTab(<Dashboard />);
    const table = screen.getByRole('table', { name: 'Tavoitteet elokuu 2021' });
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
  });

  it('filters to overdue goals and by status from the labelled controls', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    await renderTab(<Dashboard onChange={onChange} />);
    await user.click(screen.getByRole('checkbox', { name: 'Vain tavoitteet, joiden raportointi on myöhässä' }));
    expect(goalRows().map((h) => h.textContent?.split(' ')[0]).sort()).toEqual(['5', '6', '9']);
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ overdue: true }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Tila' }), 'Toteutuu täysin');
    expect(goalRows()).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Tyhjennä suodattimet' }));
    expect(goalRows()).toHaveLength(10);
  });

  it('narrows the columns to one service area and searches', async () => {
    const user = userEvent.setup();
    await renderTab(<Dashboard />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Palvelualue' }), 'SVE');
    expect(within(screen.getByRole('table')).getAllByRole('columnheader')).toHaveLength(3);
    await user.type(screen.getByRole('searchbox', { name: 'Hae tavoitteita' }), 'mielenterveys');
    expect(goalRows().map((h) => h.textContent?.split(' ')[0])).toEqual([]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Palvelualue' }), '');
    expect(goalRows().map((h) => h.textContent?.split(' ')[0])).toEqual(['5']);
  });
});
