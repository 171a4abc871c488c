/**
 * Admin in a real Chromium against the real server: editing a goal while another admin's edit
 * lands first (sent through the API) shows both versions side by side, and re-applying keeps both
 * edits; a non-admin gets a clear no-access state; axe in three themes, with screenshots in Finnish taken along.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, watchErrors } from './support/browser';
import { DEMO, open, screenshot, settle, signIn } from './support/app';
import { seriousAxeViolations, THEMES } from './support/axe';
import { buildDemoDataset } from '../../src/demo';

const base = inject('baseUrl');
const GOAL = 'vantaa-ko-2021.g3';
const PLAN = 'vantaa-ko-2021';
const EDIT_URL = `/admin/goals/${GOAL}?plan=${PLAN}`;

async function apiToken(userId: string): Promise<string> {
  const res = await fetch(`${base}/local/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId }) });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Another admin's session edits the goal through the command API (learning the eTag from a 412 first). */
async function otherAdminEdits(change: (goal: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  const token = await apiToken(DEMO.admin);
  const put = (body: unknown, etag: string) =>
    fetch(`${base}/api/goals/${GOAL}`, { method: 'PUT', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'If-Match': etag }, body: JSON.stringify(body) });
  // Any valid body with a stale eTag answers 412 with the stored version and its eTag.
  const demoGoal = buildDemoDataset().goals.find((g) => g.key === GOAL);
  const probe = await put(demoGoal, '"stale"');
  expect(probe.status).toBe(412);
  const { current } = ((await probe.json()) as { error: { current: { value: Record<string, unknown>; etag: string } } }).error;
  const res = await put(change(current.value), current.etag);
  expect(res.status).toBe(200);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('as an admin', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext(browser, { locale: 'fi-FI' });
    page = await context.newPage();
    await signIn(page, base, DEMO.admin, { language: 'fi' });
  });
  afterAll(async () => context?.close());

  it('sees both versions when another admin saved first, and re-applies mine on theirs', async () => {
    const errors = watchErrors(page);
    await open(page, base, EDIT_URL);
    const title = page.getByRole('textbox', { name: 'Otsikko', exact: true });
    const original = await title.inputValue();
    await title.fill(`${original} (tarkennettu)`);

    await otherAdminEdits((g) => ({ ...g, description: 'Toisen ylläpitäjän kuvaus' }));

    await page.getByRole('button', { name: 'Tallenna' }).click();
    const conflict = page.getByRole('region', { name: 'Joku muu tallensi ensin' });
    await conflict.waitFor();
    const table = conflict.getByRole('table');
    await expect(table.getByRole('columnheader').allTextContents()).resolves.toEqual(['Kenttä', 'Tallennettu versio (toisen)', 'Sinun versiosi']);
    const titleRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Otsikko/ }) });
    await expect(titleRow.getByRole('cell').allTextContents()).resolves.toEqual([original, `${original} (tarkennettu)`]);
    await expect(titleRow.getByRole('rowheader').textContent()).resolves.toContain('Muutit');
    const descRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Kuvaus/ }) });
    await expect(descRow.getByRole('cell').first().textContent()).resolves.toBe('Toisen ylläpitäjän kuvaus');
    await expect(descRow.getByRole('rowheader').textContent()).resolves.toContain('Eroaa');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-conflict-fi-light');

    await conflict.getByRole('button', { name: 'Tee muutokseni uudelleen heidän versionsa päälle' }).click();
    await expect(title.inputValue()).resolves.toBe(`${original} (tarkennettu)`);
    await expect(page.getByRole('textbox', { name: 'Kuvaus', exact: true }).inputValue()).resolves.toBe('Toisen ylläpitäjän kuvaus');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.getByRole('status').filter({ hasText: 'Tallennettu' }).waitFor();

    // Both edits are stored: a fresh load shows mine and theirs.
    await page.reload();
    await settle(page);
    await expect(page.getByRole('textbox', { name: 'Otsikko', exact: true }).inputValue()).resolves.toBe(`${original} (tarkennettu)`);
    await expect(page.getByRole('textbox', { name: 'Kuvaus', exact: true }).inputValue()).resolves.toBe('Toisen ylläpitäjän kuvaus');
    // The 412 itself is logged by the browser as a failed resource; nothing else may be.
    expect(errors.errors.filter((e) => !/status of 412/.test(e))).toEqual([]);
  });

  it('keeps their version when asked, discarding mine', async () => {
    await open(page, base, EDIT_URL);
    const code = page.getByRole('textbox', { name: 'Numero' });
    await code.fill('3X');
    await otherAdminEdits((g) => ({ ...g, code: '3B' }));
    await page.getByRole('button', { name: 'Tallenna' }).click();
    const conflict = page.getByRole('region', { name: 'Joku muu tallensi ensin' });
    await conflict.waitFor();
    const row = conflict.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Numero/ }) });
    await expect(row.getByRole('rowheader').textContent()).resolves.toContain('Molemmat muuttivat');
    await conflict.getByRole('button', { name: 'Pidä heidän versionsa' }).click();
    await expect(code.inputValue()).resolves.toBe('3B');
  });

  it('shows validation messages next to the fields before sending', async () => {
    await open(page, base, `/admin/goals/new?plan=${PLAN}`);
    await page.getByRole('combobox', { name: 'Laji' }).selectOption('quantitative');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await expect(page.getByRole('textbox', { name: 'Tunnus' }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByText('Määrällinen mittari tarvitsee suunnan.').count()).resolves.toBe(1);
    await expect(page.getByRole('alert').filter({ hasText: 'vaatii huomiota' }).count()).resolves.toBe(1);
  });

  // Screenshots (test-results/screenshots) are artifacts of these checks, in every theme.
  describe.each(THEMES)('axe (WCAG 2.1 A/AA) in the %s theme', (theme) => {
    it('Admin lists and the goal editor have no serious or critical violations', async () => {
      await open(page, base, `/admin/goals?plan=${PLAN}`, theme);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, `admin-goals-fi-${theme}`);
      await open(page, base, EDIT_URL, theme);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, `admin-goal-editor-fi-${theme}`);
      await open(page, base, `/admin/plans/${PLAN}`, theme);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, `admin-plan-editor-fi-${theme}`);
    });
  });
});

describe('as a leader', () => {
  it('finds a clear no-access state in Admin', async () => {
    const context = await newContext(browser, { locale: 'fi-FI' });
    const page = await context.newPage();
    await signIn(page, base, DEMO.leader, { language: 'fi' });
    await open(page, base, '/admin');
    await expect(page.getByRole('heading', { level: 2 }).first().textContent()).resolves.toMatch(/vain ylläpitäjille/);
    await expect(page.getByRole('button', { name: 'Tallenna' }).count()).resolves.toBe(0);
    await context.close();
  });
});
