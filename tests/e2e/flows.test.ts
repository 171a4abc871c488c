/**
 * The flows people tripped over when they tried the tab for real (issue 13): switching user,
 * keyboard paths through the check-in and the dashboard, drafts, long text, and going back to the
 * dashboard with its filters.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser';
import { DEMO, open, settle, signIn } from './support/app';

const base = inject('baseUrl');
const GOAL2 = 'vantaa-ko-2021.g2';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function freshPage(opts: { width?: number; locale?: string } = {}): Promise<Page> {
  const context = await newContext(browser, { viewport: { width: opts.width ?? 1280, height: 900 }, ...(opts.locale ? { locale: opts.locale } : {}) });
  return context.newPage();
}

const activeInfo = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase() ?? '', type: el?.getAttribute('type') ?? null, value: (el as HTMLInputElement | null)?.value ?? null, text: (el?.textContent ?? '').trim() };
  });

describe('switching user', () => {
  it('shows the next user their dashboard instead of loading forever', async () => {
    const page = await freshPage();
    await signIn(page, base, DEMO.groupMember);
    await open(page, base, '/dashboard');
    await page.getByRole('button', { name: /^Käyttäjä:/ }).click();
    await page.getByRole('menuitem', { name: 'Vaihda käyttäjää' }).click();
    await page.locator(`[data-user-id="${DEMO.leader}"]`).click();
    await page.getByRole('table').waitFor({ timeout: 10_000 });
    expect(await page.getByText('Ladataan tilannekuvaa').count()).toBe(0);
    await page.getByRole('button', { name: /^Käyttäjä:/ }).click();
    await page.getByRole('menuitem', { name: 'Vaihda käyttäjää' }).click();
    await page.locator(`[data-user-id="${DEMO.groupMember}"]`).click();
    await page.getByRole('table').waitFor({ timeout: 10_000 });
    await page.context().close();
  });
});

describe('keyboard', () => {
  it('keeps focus in the service-area radio group on ArrowRight, and a second ArrowRight moves on', async () => {
    const page = await freshPage();
    await signIn(page, base, DEMO.groupMember);
    await open(page, base, `/check-in/${GOAL2}?period=2021-09`);
    const radios = page.getByRole('radiogroup', { name: 'Palvelualue' }).getByRole('radio');
    const values = await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    await radios.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain(`unit=${values[1]}`);
    await expect.poll(async () => (await activeInfo(page)).value, { timeout: 10_000 }).toBe(values[1]);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await activeInfo(page)).value, { timeout: 10_000 }).toBe(values[2]);
    expect(page.url()).toContain(`unit=${values[2]}`);
    await page.context().close();
  });

  it('reaches the first check-in action in four key presses through the skip link', async () => {
    const page = await freshPage();
    await signIn(page, base, DEMO.groupMember);
    await open(page, base, '/');
    await page.keyboard.press('Tab');
    expect((await activeInfo(page)).text).toBe('Siirry sisältöön');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // the first goal's title
    await page.keyboard.press('Tab');
    const f = await activeInfo(page);
    expect(f.tag).toBe('a');
    expect(f.text).toBe('Kirjaa tilannepäivitys');
    await page.context().close();
  });

  it('gives each status cell of the dashboard focus, where its name is shown', async () => {
    const page = await freshPage();
    await signIn(page, base, DEMO.leader);
    await open(page, base, '/dashboard?period=2021-08');
    const cell = page.getByRole('table').locator('tbody tr').filter({ has: page.locator('td:nth-child(3) [data-status]') }).filter({ has: page.locator('td:nth-child(4) [data-status]') }).first().locator('td:nth-child(3) [data-status]');
    await cell.focus();
    const focusedHasStatus = await page.evaluate(() => !!document.activeElement?.querySelector('[data-status]') || document.activeElement?.hasAttribute('data-status'));
    expect(focusedHasStatus).toBe(true);
    await page.getByRole('tooltip').waitFor({ timeout: 5_000 });
    // Arrow keys move between the cells; Tab leaves the table in one step.
    const where = () => page.evaluate(() => ({ cell: document.activeElement?.closest('td')?.cellIndex ?? -1, row: document.activeElement?.closest('tr')?.rowIndex ?? -1, status: document.activeElement?.hasAttribute('data-status') ?? false }));
    const before = await where();
    await page.keyboard.press('ArrowRight');
    const after = await where();
    expect(after.status).toBe(true);
    expect(after.row).toBe(before.row);
    expect(after.cell).toBeGreaterThan(before.cell);
    await page.keyboard.press('ArrowDown');
    const below = await where();
    expect(below.row).toBeGreaterThan(after.row);
    expect(await page.evaluate(() => document.querySelectorAll('table [tabindex="0"], table a:not([tabindex="-1"])').length)).toBe(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('table'))).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await where()).toEqual(below);
    await page.context().close();
  });
});

describe('drafts', () => {
  it('shows in My goals that a draft exists and opens the service area it was written for', async () => {
    const page = await freshPage();
    await signIn(page, base, DEMO.groupMember);
    await open(page, base, `/check-in/${GOAL2}?period=2021-09`);
    const radios = page.getByRole('radiogroup', { name: 'Palvelualue' }).getByRole('radio');
    const second = await radios.nth(1).evaluate((e) => (e as HTMLInputElement).value);
    await radios.nth(1).check();
    await expect.poll(() => page.url()).toContain(`unit=${second}`);
    await page.getByRole('textbox', { name: /Tilannekuvaus/ }).fill('Toisen palvelualueen luonnos');
    await page.getByText(/Luonnos tallennettu 22\.9\.2021/).waitFor();
    await page.getByRole('link', { name: 'Omat tavoitteet' }).first().click();
    await settle(page);
    const card = page.locator(`article[data-goal-key="${GOAL2}"]`);
    await card.getByText(/Luonnos tallessa/).waitFor();
    await card.getByRole('link', { name: 'Jatka luonnosta' }).click();
    await settle(page);
    expect(page.url()).toContain(`unit=${second}`);
    await expect.poll(() => page.getByRole('textbox', { name: /Tilannekuvaus/ }).inputValue()).toBe('Toisen palvelualueen luonnos');
    await page.context().close();
  });
});

describe('back to the dashboard', () => {
  it('keeps the service area, status, sort and overdue filters', async () => {
    const page = await freshPage({ locale: 'sv-FI' });
    await signIn(page, base, DEMO.leader, { language: 'sv' });
    const filters = 'period=2021-08&unit=POPE&sort=worst&overdue=1';
    await open(page, base, `/dashboard?${filters}`);
    const link = page.getByRole('table').getByRole('rowheader').getByRole('link').first();
    await link.click();
    await settle(page);
    await page.getByRole('link', { name: 'Tillbaka till lägesbilden' }).click();
    await settle(page);
    const url = new URL(page.url());
    for (const [k, v] of new URLSearchParams(filters)) expect(url.searchParams.get(k), k).toBe(v);
    await page.context().close();
  });
});
