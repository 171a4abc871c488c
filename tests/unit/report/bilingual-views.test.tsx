// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { missingTexts } from '../../../src/domain';
import { buildDemoDataset } from '../../../src/demo';
import DashboardView from '../../../src/tab/features/dashboard/route';
import GoalView from '../../../src/tab/features/goal/route';
import { fakeServices, renderView } from '../tab/helpers';

const data = buildDemoDataset();

describe('goal titles for a Swedish reader of the demo', () => {
  it('shows the Swedish titles an admin wrote and the Finnish ones marked as Finnish', async () => {
    await renderView(<DashboardView />, { path: '/dashboard?period=2021-08', services: fakeServices(data), lng: 'sv' });
    const table = await screen.findByRole('table', {}, { timeout: 5000 });
    const links = within(table).getAllByRole('link');
    const g1 = links.find((l) => l.getAttribute('href')?.startsWith('/goals/vantaa-ko-2021.g1?'))!;
    expect(g1.textContent).toBe('1 En förstudie om ett lärcampus görs för sektorns del och samarbetspartner kartläggs');
    expect(g1.querySelector('[lang]')).toBeNull();
    const g4 = links.find((l) => l.getAttribute('href')?.startsWith('/goals/vantaa-ko-2021.g4?'))!;
    const finnish = g4.querySelector('span[lang="fi"]');
    expect(finnish?.textContent).toBe('Vahvistetaan huoltajien osallisuutta lapsen opinpolulle luomalla ja ottamalla käyttöön osallisuusmalleja');
    expect(data.goals.filter((g) => missingTexts(g, 'sv').includes('title')).map((g) => g.code)).toEqual(['4', '8', '9', '10']);
  });

  it('shows Finnish readers the Finnish titles without marking', async () => {
    await renderView(<DashboardView />, { path: '/dashboard?period=2021-08', services: fakeServices(data), lng: 'fi' });
    const table = await screen.findByRole('table', {}, { timeout: 5000 });
    expect(table.querySelectorAll('a [lang]')).toHaveLength(0);
    expect(within(table).getAllByRole('link')[0]?.textContent).toBe('1 Tehdään oppimiskampuksen esiselvitys toimialan osalta ja kartoitetaan yhteistyökumppanit');
  });
});

describe('a goal’s page for a Swedish reader of the demo', () => {
  it('heads an untranslated goal with its Finnish title marked lang="fi", and marks each narrative by the language it was written in', async () => {
    await renderView(<GoalView />, { path: '/goals/vantaa-ko-2021.g4', services: fakeServices(data), lng: 'sv' });
    const h1 = await screen.findByRole('heading', { level: 1, name: /Vahvistetaan huoltajien osallisuutta/ }, { timeout: 5000 });
    expect(h1.getAttribute('lang')).toBe('fi');
    const sve = data.checkIns.find((c) => c.goalKey === 'vantaa-ko-2021.g4' && c.language === 'sv');
    const finnish = data.checkIns.find((c) => c.goalKey === 'vantaa-ko-2021.g4' && c.language === undefined && c.period < '2021-08');
    expect(sve && finnish).toBeTruthy();
    const swedishText = await screen.findAllByText(sve!.narrative);
    expect(swedishText.map((el) => el.closest('[lang]')?.getAttribute('lang') ?? 'sv')).toEqual(swedishText.map(() => 'sv'));
    const finnishText = screen.getAllByText(finnish!.narrative);
    expect(finnishText.every((el) => el.getAttribute('lang') === 'fi')).toBe(true);
  });

  it('heads a translated goal with its Swedish title, unmarked', async () => {
    await renderView(<GoalView />, { path: '/goals/vantaa-ko-2021.g1', services: fakeServices(data), lng: 'sv' });
    const h1 = await screen.findByRole('heading', { level: 1, name: /En förstudie om ett lärcampus/ }, { timeout: 5000 });
    expect(h1.getAttribute('lang')).toBeNull();
  });
});
