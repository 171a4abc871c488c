/**
 * The board report from the dashboard in a real Chromium: a leader reading in Swedish opens
 * "Rapport", chooses Word and Swedish, and the browser receives the file, which is the 8/2021
 * report with Swedish statuses, the Swedish goal titles an admin wrote and the rest marked Finnish.
 * "Spara i SharePoint" files the report in the site's library; the filed report is then listed with
 * its period, language, format, filing time and the leader who filed it (not the app that uploaded
 * it), and its name downloads the very file.
 * The dialog passes axe; staff without a role are not offered the action.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { launchBrowser, newContext, watchErrors } from './support/browser';
import { DEMO, open, screenshot, signIn } from './support/app';
import { seriousAxeViolations } from './support/axe';
import { paragraphTexts, tableRowsXml, zipParts } from '../unit/report/support';

const base = inject('baseUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the board report from the dashboard', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    // Playwright contexts accept downloads by default.
    context = await newContext(browser, { locale: 'sv-FI' });
    page = await context.newPage();
    errors = watchErrors(page).errors;
    await signIn(page, base, DEMO.leader, { language: 'sv' });
  });
  afterAll(async () => context?.close());

  it('downloads the Swedish Word report of the dashboard’s period for a leader', async () => {
    await open(page, base, '/dashboard?period=2021-08');
    // Other suites may have reported on August since the demo data was loaded (files run in any
    // order on one dataset): the report must agree with the dashboard's overall column as it stands.
    const goalRows = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader').getByRole('link') });
    await goalRows.first().waitFor();
    const shown = await goalRows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent?.trim() ?? ''));
    expect(shown).toHaveLength(10);
    expect(new Set(shown).size).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Rapport', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Rapport till nämnden' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Word (.docx)' }).check();
    await dialog.getByRole('radio', { name: 'svenska' }).check();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'report-dialog-sv');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Ladda ner rapporten' }).click()]);
    expect(download.suggestedFilename()).toBe('vantaa-ko-2021_2021-08_sv.docx');
    await dialog.getByText('Rapporten vantaa-ko-2021_2021-08_sv.docx har laddats ner (10 mål).').waitFor();
    const path = await download.path();
    const doc = zipParts(new Uint8Array(readFileSync(path)))['word/document.xml'] ?? '';
    const reportRows = tableRowsXml(doc).filter((r) => (r.match(/<w:tc>/g) ?? []).length === 7 && !r.includes('<w:tblHeader/>'));
    expect(reportRows.map((r) => paragraphTexts(r).at(-1)).sort()).toEqual([...shown].sort());
    expect(paragraphTexts(doc).some((p) => p.startsWith('1 En förstudie om ett lärcampus'))).toBe(true);
    const finnishRun = /<w:r>(?:(?!<\/w:r>)[\s\S])*Vahvistetaan huoltajien osallisuutta(?:(?!<\/w:r>)[\s\S])*<\/w:r>/.exec(doc)?.[0] ?? '';
    expect(finnishRun).toContain('<w:lang w:val="fi-FI"/>');
    expect(errors).toEqual([]);
  });

  it('saves the Swedish report in SharePoint, lists it with its metadata and its filer, and downloads it again from the list', async () => {
    // Who is signed in, as the app itself learns it (GET /api/me): the filer the list must name.
    const meResponse = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/api/me') && r.request().method() === 'GET');
    await open(page, base, '/dashboard?period=2021-08');
    const me = (await (await meResponse).json()) as { name: string };
    expect(me.name).not.toBe('');
    await page.getByRole('table').first().waitFor();
    await page.getByRole('button', { name: 'Rapport', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Rapport till nämnden' });
    await dialog.waitFor();
    await dialog.getByText(/Sparade rapporter hämtas/).waitFor({ state: 'detached' });
    await dialog.getByRole('radio', { name: 'Excel (.xlsx)' }).check();
    await dialog.getByRole('radio', { name: 'svenska' }).check();
    await dialog.getByRole('button', { name: 'Spara i SharePoint' }).click();
    const saved = dialog.getByText(/^Sparad i SharePoint: /);
    await saved.waitFor();
    const name = /Sparad i SharePoint: (\S+)/.exec((await saved.textContent()) ?? '')?.[1] ?? '';
    expect(name).toMatch(/^vantaa-ko-2021_2021-08_sv_\d{8}-\d{4}\.xlsx$/);
    // The list under "Sparade rapporter" has it with what it is and who filed it when (the app's
    // clock, which runs in September 2021 locally, as the file's name says).
    const filed = dialog.getByRole('region', { name: 'Sparade rapporter' }).getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect.poll(() => filed.count()).toBe(1);
    const meta = (await filed.textContent()) ?? '';
    expect(meta).toMatch(/augusti 2021 · svenska · Excel \(\.xlsx\) · sparad [^·]*2021[^·]* av \S/);
    // Filed by the leader, not by the app whose identity uploaded the file.
    expect(meta.endsWith(` av ${me.name}`)).toBe(true);
    expect(await filed.getByRole('link', { name: `Öppna i SharePoint: ${name}` }).getAttribute('href')).toContain('/Raportit/2021/');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'report-filed-sv');
    const [download] = await Promise.all([page.waitForEvent('download'), filed.getByRole('link', { name, exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(name);
    await dialog.getByText(`Den sparade rapporten ${name} har laddats ner.`).waitFor();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
    const cells: string[] = [];
    wb.worksheets.forEach((ws) => ws.eachRow((r) => r.eachCell((c) => void cells.push(String(c.value ?? '')))));
    expect(cells.some((c) => c.startsWith('En förstudie om ett lärcampus'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  it('lists the filed reports for a Finnish leader on a narrow screen too', async () => {
    const fi = await newContext(browser, { locale: 'fi-FI', viewport: { width: 400, height: 900 } });
    const p = await fi.newPage();
    await signIn(p, base, DEMO.leader, { language: 'fi' });
    await open(p, base, '/dashboard?period=2021-08');
    await p.getByRole('table').first().waitFor();
    await p.getByRole('button', { name: 'Raportti', exact: true }).click();
    const dialog = p.getByRole('dialog', { name: 'Lautakuntaraportti' });
    await dialog.waitFor();
    const items = dialog.getByRole('region', { name: 'Tallennetut raportit' }).getByRole('listitem');
    await items.first().waitFor();
    expect(await items.first().textContent()).toMatch(/ · ruotsi · /);
    expect(await seriousAxeViolations(p)).toEqual([]);
    await screenshot(p, 'report-filed-fi-400');
    await fi.close();
  });

  it('is not offered to staff without a leader or admin role', async () => {
    const staff = await newContext(browser, { locale: 'sv-FI' });
    const p = await staff.newPage();
    await signIn(p, base, DEMO.groupMember, { language: 'sv' });
    await open(p, base, '/dashboard?period=2021-08');
    await p.getByRole('table').first().waitFor();
    expect(await p.getByRole('button', { name: 'Rapport', exact: true }).count()).toBe(0);
    await staff.close();
  });
});
