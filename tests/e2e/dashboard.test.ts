/**
 * The leaders' dashboard and goal detail in a real Chromium against the real server, emulator and
 * demo data: filtering to overdue goals in Swedish, both views reflecting a check-in submitted
 * through the API (with a hostile narrative that must stay inert text), worst-first order, axe in
 * three themes (with screenshots in Finnish taken along).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, watchErrors } from './support/browser';
import { DEMO, open, pageWithDialogWatch, screenshot, settle, signIn } from './support/app';
import { seriousAxeViolations, THEMES } from './support/axe';

const base = inject('baseUrl');
const GOAL = 'vantaa-ko-2021.g5';

async function apiToken(userId: string): Promise<string> {
  const res = await fetch(`${base}/local/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** The matrix's goal rows in screen order: goal code, overall status (-1: not reported) and overdue reports. */
async function matrixRows(page: Page): Promise<{ code: string; rank: number; overdue: number }[]> {
  return page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader').getByRole('link') })
    .evaluateAll((trs) =>
      trs.map((tr) => {
        const head = tr.querySelector('th[scope="row"]');
        const status = tr.querySelector('td [data-status]')?.getAttribute('data-status');
        return {
          code: head?.querySelector('a')?.textContent?.split(' ')[0] ?? '',
          rank: status === undefined || status === null || status === 'none' ? -1 : Number(status),
          overdue: Number(/(\d+)/.exec(head?.querySelector('div')?.textContent ?? '')?.[1] ?? 0),
        };
      }),
    );
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('as a leader in Swedish', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext(browser, { locale: 'sv-FI' });
    page = await context.newPage();
    await signIn(page, base, DEMO.leader, { language: 'sv' });
  });
  afterAll(async () => context?.close());

  it('filters the dashboard to the goals with overdue reports in August, and the link keeps the filter', async () => {
    const errors = watchErrors(page);
    await open(page, base, '/dashboard');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Lägesbild');
    await page.getByLabel('Läget per').selectOption('2021-08');
    await page.getByRole('checkbox', { name: 'Endast mål med försenad rapportering' }).check();
    await page.waitForURL(/overdue=1/);
    expect(page.url()).toContain('period=2021-08');

    const table = page.getByRole('table');
    const rowHeaders = table.getByRole('rowheader').filter({ has: page.getByRole('link') });
    await expect.poll(() => rowHeaders.count()).toBe(3);
    const names = await rowHeaders.allTextContents();
    expect(names.map((n) => n.split(' ')[0]).sort()).toEqual(['5', '6', '9']);
    for (const n of names) expect(n).toMatch(/försenad/);
    await expect(page.getByRole('status').filter({ hasText: 'av 10 mål visas' }).textContent()).resolves.toContain('3 av 10');

    // The same URL opened afresh shows the same view.
    await page.reload();
    await settle(page);
    await expect.poll(() => rowHeaders.count()).toBe(3);
    await expect(page.getByRole('checkbox', { name: 'Endast mål med försenad rapportering' }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Läget per').inputValue()).resolves.toBe('2021-08');
    expect(errors.errors).toEqual([]);
  });

  it('sorts the whole table worst first: not reported, then each level from the worst, the most overdue first, then plan order', async () => {
    await open(page, base, '/dashboard?period=2021-08');
    const inPlanOrder = await matrixRows(page);
    expect(inPlanOrder).toHaveLength(10);
    // Other suites may have reported since the demo data was loaded: the expectation is read from
    // the page as it stands, in plan order, and sorted by the documented rule.
    const planIndex = (code: string) => inPlanOrder.findIndex((r) => r.code === code);
    const expected = [...inPlanOrder].sort((a, b) => a.rank - b.rank || b.overdue - a.overdue || planIndex(a.code) - planIndex(b.code)).map((r) => r.code);
    expect(new Set(inPlanOrder.map((r) => r.rank)).size).toBeGreaterThan(1);
    expect(expected).not.toEqual(inPlanOrder.map((r) => r.code));

    await open(page, base, '/dashboard?period=2021-08&sort=worst');
    const worstFirst = await matrixRows(page);
    expect(worstFirst.map((r) => r.code)).toEqual(expected);
    await expect(page.getByRole('table').getByRole('rowheader').filter({ hasNot: page.getByRole('link') }).count()).resolves.toBe(0); // no theme groups
  });
});

describe('after a check-in submitted through the API', () => {
  let context: BrowserContext;
  let page: Page;
  let dialogs: string[];
  const narrative = 'Kevään tilanne:\n<img src=x onerror=alert(1)>\n[link](http://evil)';

  beforeAll(async () => {
    context = await newContext(browser, { locale: 'fi-FI' });
    ({ page, dialogs } = await pageWithDialogWatch(context));
    await signIn(page, base, DEMO.leader, { language: 'fi' });
  });
  afterAll(async () => context?.close());

  it('shows the new status on the dashboard and in the goal detail, with the narrative as inert text', async () => {
    await open(page, base, '/dashboard');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^5 / }) });
    await expect(row.getByRole('img', { name: 'Ei toteudu' }).count()).resolves.toBe(0);

    const token = await apiToken(DEMO.admin);
    const res = await fetch(`${base}/api/check-ins`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ goalKey: GOAL, period: '2021-09', unit: 'TAKO', status: 0, narrative, submissionId: `e2e-dashboard-${Date.now()}` }),
    });
    expect(res.status).toBe(201);

    await open(page, base, '/dashboard');
    await expect.poll(() => row.getByRole('img', { name: 'Ei toteudu' }).count()).toBe(1);
    await expect(row.getByRole('cell').first().textContent()).resolves.toContain('Ei toteudu');

    await row.getByRole('link').click();
    await settle(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^5 /);
    const history = page.getByRole('list', { name: /Toisen asteen koulutus: raportit/ });
    const newest = history.getByRole('listitem').first();
    await expect(newest.textContent()).resolves.toContain('<img src=x onerror=alert(1)>');
    await expect(newest.textContent()).resolves.toContain('[link](http://evil)');
    await expect(newest.locator('img').count()).resolves.toBe(0);
    await expect(newest.locator('a').count()).resolves.toBe(0);
    // Line breaks are kept as written.
    const text = await newest.locator('p').innerText();
    expect(text.split('\n')).toHaveLength(3);
    expect(dialogs).toEqual([]);
    // The leader is not responsible for the goal: no check-in action.
    await expect(page.getByRole('link', { name: 'Raportoi tilanne' }).count()).resolves.toBe(0);
  });

  it('records a review note that appears without a reload', async () => {
    await open(page, base, `/goals/${GOAL}`);
    const before = await page.getByRole('heading', { name: 'Katselmointimerkinnät' }).locator('..').getByRole('listitem').count();
    await page.getByRole('radio', { name: 'Päätös' }).check();
    await page.getByRole('textbox', { name: 'Kommentti tai päätös' }).fill('Toisen asteen koulutukselle lisäresurssi.\nSeuranta lokakuussa.');
    await page.getByRole('button', { name: 'Tallenna merkintä' }).click();
    await page.getByRole('status').filter({ hasText: 'Merkintä tallennettu.' }).waitFor();
    const notes = page.getByRole('heading', { name: 'Katselmointimerkinnät' }).locator('..').getByRole('listitem');
    await expect.poll(() => notes.count()).toBe(before + 1);
    await expect(notes.first().textContent()).resolves.toContain('Toisen asteen koulutukselle lisäresurssi.');
    await expect(notes.first().textContent()).resolves.toContain('Päätös');
    await expect(page.getByRole('textbox', { name: 'Kommentti tai päätös' }).inputValue()).resolves.toBe('');
  });

  it('offers the check-in action to an admin, linking to the check-in view', async () => {
    const ctx = await newContext(browser, { locale: 'fi-FI' });
    const p = await ctx.newPage();
    await signIn(p, base, DEMO.admin, { language: 'fi' });
    await open(p, base, `/goals/${GOAL}`);
    await expect(p.getByRole('link', { name: 'Raportoi tilanne' }).getAttribute('href')).resolves.toBe(`/check-in/${encodeURIComponent(GOAL)}?period=2021-09`);
    await ctx.close();
  });
});

describe('accessibility, with screenshots', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext(browser, { locale: 'fi-FI' });
    page = await context.newPage();
    await signIn(page, base, DEMO.leader, { language: 'fi' });
  });
  afterAll(async () => context?.close());

  // Screenshots (test-results/screenshots) are artifacts of these checks, in every theme.
  describe.each(THEMES)('axe (WCAG 2.1 A/AA) in the %s theme', (theme) => {
    it('Dashboard has no serious or critical violations', async () => {
      await open(page, base, '/dashboard', theme);
      await page.locator('figure svg').first().waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, `dashboard-fi-${theme}`);
      await page.getByRole('button', { name: 'Näytä taulukkona' }).click();
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
    it('Goal detail has no serious or critical violations', async () => {
      await open(page, base, `/goals/${GOAL}`, theme);
      await page.locator('figure svg').first().waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, `goal-detail-fi-${theme}`);
    });
  });
});
