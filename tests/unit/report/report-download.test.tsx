// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDemoDataset } from '../../../src/demo';
import { ReportDownload } from '../../../src/tab/features/dashboard/components/report-download';
import { fileNameOf } from '../../../src/tab/features/dashboard/api/download-report';
import { fakeServices, renderView } from '../tab/helpers';

// Fluent's dialog keeps aria-hidden on its surface until its opening motion ends, which jsdom never
// plays; inside the dialog the queries include hidden elements (the browser test sees it for real).
const inDialog = { hidden: true } as const;

const data = buildDemoDataset();
const query = { plan: 'vantaa-ko-2021', period: '2021-08', group: 'tvt' };

let fetchMock: ReturnType<typeof vi.fn>;
let saved: { href: string; download: string }[];

beforeEach(() => {
  saved = [];
  fetchMock = vi.fn(async () =>
    new Response(new Uint8Array([1, 2, 3, 4]), {
      status: 200,
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Length': '4',
        'Content-Disposition': `attachment; filename="vantaa-ko-2021_2021-08_sv.xlsx"; filename*=UTF-8''vantaa-ko-2021_2021-08_sv.xlsx`,
        'X-Report-Goals': '3',
      },
    }),
  );
  vi.stubGlobal('fetch', fetchMock);
  URL.createObjectURL = vi.fn(() => 'blob:report');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ href: this.href, download: this.download });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the dashboard’s report action', () => {
  it('downloads the report of the dashboard’s plan, period and filters in the language and format the leader chose', async () => {
    const user = userEvent.setup();
    await renderView(<ReportDownload query={query} />, { services: fakeServices(data, { roles: ['leader'] }) });
    await user.click(await screen.findByRole('button', { name: 'Raportti' }));
    const dialog = await screen.findByRole('dialog', inDialog);
    expect(document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Lautakuntaraportti');
    expect(dialog.textContent).toContain('elokuu 2021');
    await user.click(screen.getByRole('radio', { name: 'Excel (.xlsx)', ...inDialog }));
    await user.click(screen.getByRole('radio', { name: 'ruotsi', ...inDialog }));
    await user.click(screen.getByRole('button', { name: 'Lataa raportti', ...inDialog }));
    await waitFor(() => expect(screen.getByText('Raportti vantaa-ko-2021_2021-08_sv.xlsx ladattu (3 tavoitetta).')).toBeTruthy());
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/reports?plan=vantaa-ko-2021&period=2021-08&group=tvt&format=xlsx&lang=sv');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer token');
    expect(saved).toEqual([{ href: 'blob:report', download: 'vantaa-ko-2021_2021-08_sv.xlsx' }]);
  });

  it('defaults the report’s language to the UI language', async () => {
    const user = userEvent.setup();
    await renderView(<ReportDownload query={query} />, { services: fakeServices(data, { roles: ['admin'] }), lng: 'sv' });
    await user.click(await screen.findByRole('button', { name: 'Rapport' }));
    expect((screen.getByRole('radio', { name: 'svenska', ...inDialog }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Word (.docx)', ...inDialog }) as HTMLInputElement).checked).toBe(true);
  });

  it('says in words why a report failed', async () => {
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ error: { code: 'invalid', message: 'Period 2022-08 is outside plan' } }), { status: 400 }));
    const user = userEvent.setup();
    await renderView(<ReportDownload query={query} />, { services: fakeServices(data, { roles: ['leader'] }) });
    await user.click(await screen.findByRole('button', { name: 'Raportti' }));
    await user.click(screen.getByRole('button', { name: 'Lataa raportti', ...inDialog }));
    expect((await screen.findByRole('alert', inDialog)).textContent).toBe('Raporttia ei voitu laatia: Period 2022-08 is outside plan');
  });

  it('is not offered to staff without a leader or admin role', async () => {
    await renderView(<ReportDownload query={query} />, { services: fakeServices(data, { roles: [] }) });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('button', { name: 'Raportti' })).toBeNull();
  });

  it('takes the file name from Content-Disposition, preferring the UTF-8 one', () => {
    const q = { ...query, format: 'docx' as const, lang: 'fi' as const };
    expect(fileNameOf(`attachment; filename="raportti_.docx"; filename*=UTF-8''raportti_%C3%A4.docx`, q)).toBe('raportti_ä.docx');
    expect(fileNameOf(null, q)).toBe('vantaa-ko-2021_2021-08_fi.docx');
  });
});
