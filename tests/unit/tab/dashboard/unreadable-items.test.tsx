// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { buildDemoDataset } from '../../../../src/demo';
import type { InvalidRow } from '../../../../src/ports';
import DashboardView from '../../../../src/tab/features/dashboard/route';
import { fakeServices, renderView } from '../helpers';

const data = buildDemoDataset();

/** The fake board with rows someone broke by hand in SharePoint, as the Graph adapter reports them. */
function withInvalid(rows: InvalidRow[]) {
  const services = fakeServices(data);
  const board = services.reads.board.bind(services.reads);
  services.reads.board = async (planKey, previous) => ({ ...(await board(planKey, previous)), invalid: rows });
  return services;
}

const INDICATOR: InvalidRow = { list: 'Goals', itemId: '12', issues: [{ path: 'indicator.text', message: 'Invalid input: expected string, received undefined (column Indicator)' }] };
const SUMMARY: InvalidRow = {
  list: 'Goals',
  itemId: '14',
  issues: [
    { path: 'summary.VAKA.status', message: 'Invalid input: expected number, received string (column StatusSummary)' },
    { path: 'summary.POPE.status', message: 'Invalid input: expected number, received string (column StatusSummary)' },
  ],
};

describe('dashboard with list items it cannot read', () => {
  it('names each unreadable item by list, item id and column above the goals it could read', async () => {
    await renderView(<DashboardView />, { path: '/dashboard?period=2021-08', services: withInvalid([INDICATOR, SUMMARY]) });
    await screen.findByRole('table', {}, { timeout: 5000 });
    const notice = screen.getByText('2 listan kohdetta ei voitu lukea').closest('[data-testid="unreadable-items"]') as HTMLElement;
    expect(within(notice).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Goals-lista, kohde 12: sarake Indicator', 'Goals-lista, kohde 14: sarake StatusSummary']);
    expect(within(notice).getByText(/Pyydä ylläpitäjää korjaamaan ne/)).toBeTruthy();
  });

  it('says it in Swedish, in the singular for one item', async () => {
    await renderView(<DashboardView />, { path: '/dashboard?period=2021-08', services: withInvalid([INDICATOR]), lng: 'sv' });
    await screen.findByRole('table', {}, { timeout: 5000 });
    expect(screen.getByText('Ett listobjekt kunde inte läsas')).toBeTruthy();
    expect(screen.getByText('Listan Goals, objekt 12: kolumn Indicator')).toBeTruthy();
  });

  it('shows no notice when every item could be read', async () => {
    await renderView(<DashboardView />, { path: '/dashboard?period=2021-08', services: fakeServices(data) });
    await screen.findByRole('table', {}, { timeout: 5000 });
    expect(screen.queryByTestId('unreadable-items')).toBeNull();
  });
});
