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
/** An answer the next report download gets instead of the file. */
let reportFailure: Response | undefined;
/** What the archive listing answers (GET /reports/archive). */
let filedList: unknown[];

const filedEarlier = {
  name: 'vantaa-ko-2021_2021-04_fi_20210510-1000.docx',
  folder: 'Raportit/2021',
  webUrl: 'https://localhost/sites/tavoitteet/Shared%20Documents/Raportit/2021/vantaa-ko-2021_2021-04_fi_20210510-1000.docx',
  size: 21000,
  createdAt: '2021-05-10T07:00:00Z',
  createdBy: 'Leena Koskinen',
  planKey: 'vantaa-ko-2021',
  period: '2021-04',
  lang: 'fi',
  format: 'docx',
};
const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });

beforeEach(() => {
  saved = [];
  reportFailure = undefined;
  filedList = [filedEarlier];
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url.startsWith('/reports/archive') && init?.method === 'POST') {
      const body = JSON.parse(String(init.body));
      return json({ value: { ...filedEarlier, name: `vantaa-ko-2021_${body.period}_${body.lang}_20210922-0900.${body.format}`, period: body.period, lang: body.lang, format: body.format, createdAt: '2021-09-22T06:00:00Z' } }, 201);
    }
    if (url.startsWith('/reports/archive/file?')) return new Response(new Uint8Array([5, 6, 7]), { status: 200, headers: { 'Content-Type': 'application/octet-stream' } });
    if (url.startsWith('/reports/archive')) return json({ value: filedList });
    if (reportFailure) return reportFailure;
    return new Response(new Uint8Array([1, 2, 3, 4]), {
      status: 200,
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Length': '4',
        'Content-Disposition': `attachment; filename="vantaa-ko-2021_2021-08_sv.xlsx"; filename*=UTF-8''vantaa-ko-2021_2021-08_sv.xlsx`,
        'X-Report-Goals': '3',
      },
    });
  });
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
    const [url, init] = fetchMock.mock.calls.find(([u]) => String(u).startsWith('/reports?')) as [string, RequestInit];
    expect(url).toBe('/reports?plan=vantaa-ko-2021&period=2021-08&group=tvt&format=xlsx&lang=sv');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer token');
    expect(saved).toEqual([{ href: 'blob:report', download: 'vantaa-ko-2021_2021-08_sv.xlsx' }]);
  });

  it('files the chosen report in SharePoint and lists it above the plan’s earlier filed reports', async () => {
    const user = userEvent.setup();
    await renderView(<ReportDownload query={query} />, { services: fakeServices(data, { roles: ['leader'] }) });
    await user.click(await screen.findByRole('button', { name: 'Raportti' }));
    const earlier = await screen.findByRole('link', { name: filedEarlier.name, ...inDialog });
    expect(earlier.getAttribute('href')).toBe(`/reports/archive/file?name=${filedEarlier.name}`);
    expect(screen.getByRole('link', { name: `Avaa SharePointissa: ${filedEarlier.name}`, ...inDialog }).getAttribute('href')).toBe(filedEarlier.webUrl);
    expect(earlier.parentElement?.textContent).toContain('huhtikuu 2021 · suomi · Word (.docx) · tallennettu 10.5.2021');
    await user.click(screen.getByRole('radio', { name: 'ruotsi', ...inDialog }));
    await user.click(screen.getByRole('button', { name: 'Tallenna SharePointiin', ...inDialog }));
    await waitFor(() => expect(screen.getByText(/Tallennettu SharePointiin: vantaa-ko-2021_2021-08_sv_20210922-0900\.docx/)).toBeTruthy());
    const [, init] = fetchMock.mock.calls.find(([, i]) => (i as RequestInit | undefined)?.method === 'POST') as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({ ...query, format: 'docx', lang: 'sv' });
    const names = screen.getAllByRole('listitem', inDialog).map((li) => li.querySelector('a')?.textContent);
    expect(names).toEqual(['vantaa-ko-2021_2021-08_sv_20210922-0900.docx', filedEarlier.name]);
  });

  it('downloads a filed report through the app with the user’s token when its name is clicked', async () => {
    const user = userEvent.setup();
    await renderView(<ReportDownload query={query} />, { services: fakeServices(data, { roles: ['leader'] }) });
    await user.click(await screen.findByRole('button', { name: 'Raportti' }));
    await user.click(await screen.findByRole('link', { name: filedEarlier.name, ...inDialog }));
    await waitFor(() => expect(screen.getByText(`Tallennettu raportti ${filedEarlier.name} on ladattu.`)).toBeTruthy());
    const call = fetchMock.mock.calls.find(([u]) => String(u).startsWith('/reports/archive/file?')) as [string, RequestInit];
    expect(call[0]).toBe(`/reports/archive/file?name=${filedEarlier.name}`);
    expect(new Headers(call[1].headers).get('Authorization')).toMatch(/^Bearer /);
    expect(saved).toEqual([{ href: 'blob:report', download: filedEarlier.name }]);
  });

  it('defaults the report’s language to the UI language', async () => {
    const user = userEvent.setup();
    await renderView(<ReportDownload query={query} />, { services: fakeServices(data, { roles: ['admin'] }), lng: 'sv' });
    await user.click(await screen.findByRole('button', { name: 'Rapport' }));
    expect((screen.getByRole('radio', { name: 'svenska', ...inDialog }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Word (.docx)', ...inDialog }) as HTMLInputElement).checked).toBe(true);
  });

  it('says in the user’s language why a report failed, by the refused field’s code, never the server’s English', async () => {
    reportFailure = new Response(JSON.stringify({ error: { code: 'invalid', message: 'Period 2022-08 is outside plan', fields: [{ path: 'period', code: 'period.outsidePlan', message: 'Period 2022-08 is outside plan' }] } }), { status: 400 });
    const user = userEvent.setup();
    await renderView(<ReportDownload query={query} />, { services: fakeServices(data, { roles: ['leader'] }) });
    await user.click(await screen.findByRole('button', { name: 'Raportti' }));
    await user.click(screen.getByRole('button', { name: 'Lataa raportti', ...inDialog }));
    expect((await screen.findByRole('alert', inDialog)).textContent).toBe('Raporttia ei voitu laatia: Kausi ei kuulu suunnitelmaan.');
  });

  it('names the leader who filed a report as its filer, and the library’s created-by for a report filed before the filer was recorded', async () => {
    const byLeader = { ...filedEarlier, name: 'vantaa-ko-2021_2021-08_sv_20210922-0900.docx', period: '2021-08', lang: 'sv', createdBy: 'Tavoitteet', filedBy: { id: 'leader-id', name: 'Sari Sundström' } };
    const older = { ...filedEarlier, createdBy: 'Tavoitteet' };
    filedList = [byLeader, older];
    const user = userEvent.setup();
    await renderView(<ReportDownload query={query} />, { services: fakeServices(data, { roles: ['leader'] }) });
    await user.click(await screen.findByRole('button', { name: 'Raportti' }));
    const filedByLeader = await screen.findByRole('link', { name: byLeader.name, ...inDialog });
    expect(filedByLeader.parentElement?.textContent).toMatch(/ · tallentaja Sari Sundström$/);
    const filedBefore = screen.getByRole('link', { name: older.name, ...inDialog });
    expect(filedBefore.parentElement?.textContent).toMatch(/ · tallentaja Tavoitteet$/);
  });

  it('says a vanished plan or filed report in words, without the server’s English', async () => {
    reportFailure = new Response(JSON.stringify({ error: { code: 'notFound', message: 'No plan vantaa-ko-2021' } }), { status: 404 });
    const user = userEvent.setup();
    await renderView(<ReportDownload query={query} />, { services: fakeServices(data, { roles: ['leader'] }), lng: 'sv' });
    await user.click(await screen.findByRole('button', { name: 'Rapport' }));
    await user.click(screen.getByRole('button', { name: 'Ladda ner rapporten', ...inDialog }));
    expect((await screen.findByRole('alert', inDialog)).textContent).toBe('Rapporten hittades inte: planen eller den sparade rapporten har tagits bort. Uppdatera vyn.');
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
