import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser';
import { DEMO, open, screenshot, signIn } from './support/app';
import { describeAxeInThemes, seriousAxeViolations } from './support/axe';

const base = inject('baseUrl');
const VIEWS = [
  { name: 'my-goals', path: '/', screenshot: 'my-goals-fi' },
  { name: 'check-in', path: '/check-in/vantaa-ko-2021.g2?period=2021-09&unit=POPE', screenshot: 'check-in-pope-fi' },
  { name: 'config', path: '/config' },
  { name: 'accessibility', path: '/accessibility' },
];

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser, { locale: 'fi-FI' });
  page = await context.newPage();
  await signIn(page, base, DEMO.groupMember);
});
afterAll(async () => {
  await browser?.close();
});

describeAxeInThemes(
  VIEWS,
  async ({ path }, theme) => {
    await open(page, base, path, theme);
    return page;
  },
  '$name',
);

/**
 * The states a walkthrough reaches beyond a freshly opened page (issue 13 item 18: axe had only
 * seen closed pages): the top bar's menus open, the charts drawn and their table alternatives.
 * The admin forms, the open people picker and the unsaved-changes dialog are scanned in
 * admin.test.ts; the pages at 400 px in layout.test.ts.
 */
describe('axe on open menus and charts', () => {
  let leader: Page;
  beforeAll(async () => {
    leader = await (await newContext(browser, { locale: 'fi-FI' })).newPage();
    await signIn(leader, base, DEMO.leader, { language: 'fi' });
  });
  afterAll(async () => leader?.context().close());

  it.each([
    { name: 'language', button: /kieli/i },
    { name: 'appearance', button: /Ulkoasu/ },
    { name: 'user', button: /Käyttäjä/ },
  ])('the top bar $name menu, open, has no serious or critical violations', async ({ name, button }) => {
    await open(page, base, '/');
    await page.getByRole('banner').getByRole('button', { name: button }).click();
    await page.getByRole('menu').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, `a11y-menu-${name}-fi`);
    await page.keyboard.press('Escape');
  });

  it('the dashboard with its trend chart drawn, and as a table, has no serious or critical violations', async () => {
    await open(leader, base, '/dashboard');
    await leader.waitForFunction(() => document.querySelectorAll('figure svg .tick text').length > 0, undefined, { timeout: 20_000 });
    expect(await seriousAxeViolations(leader)).toEqual([]);
    await leader.getByRole('button', { name: 'Näytä taulukkona' }).click();
    await leader.getByRole('table', { name: 'Tavoitteiden määrä tiloittain kullakin kaudella' }).waitFor();
    expect(await seriousAxeViolations(leader)).toEqual([]);
  });

  it('goal detail with its indicator chart drawn, and as a table, has no serious or critical violations', async () => {
    await open(leader, base, '/goals/vantaa-ko-2021.g5');
    await leader.waitForFunction(() => document.querySelectorAll('figure svg .tick text').length > 0, undefined, { timeout: 20_000 });
    expect(await seriousAxeViolations(leader)).toEqual([]);
    await leader.getByRole('button', { name: 'Näytä taulukkona' }).first().click();
    await leader.getByRole('table', { name: 'Mittarin arvot kausittain sekä lähtötaso ja tavoitetaso' }).waitFor();
    expect(await seriousAxeViolations(leader)).toEqual([]);
  });
});

/**
 * axe's aria-hidden-focus with nothing left out: the suite's other scans exclude Fluent's focus
 * sentinels (`data-tabster-dummy`, see support/axe.ts), so this proves that they are all it would
 * report on the charts and the admin forms — no chart part, legend or form control is hidden yet focusable.
 */
describe('aria-hidden focusable content', () => {
  it.each([
    { name: 'dashboard with its chart', path: '/dashboard', user: DEMO.leader, chart: true },
    { name: 'goal detail with its chart', path: '/goals/vantaa-ko-2021.g5', user: DEMO.leader, chart: true },
    { name: 'the goal editor', path: '/admin/goals/vantaa-ko-2021.g5?plan=vantaa-ko-2021', user: DEMO.admin, chart: false },
    { name: 'the plan editor', path: '/admin/plans/vantaa-ko-2021', user: DEMO.admin, chart: false },
  ])('on $name is only focus sentinels', async ({ path, user, chart }) => {
    const p = await (await newContext(browser, { locale: 'fi-FI' })).newPage();
    await signIn(p, base, user, { language: 'fi' });
    await open(p, base, path);
    if (chart) await p.waitForFunction(() => document.querySelectorAll('figure svg .tick text').length > 0, undefined, { timeout: 20_000 });
    const result = await new AxeBuilder({ page: p }).withRules(['aria-hidden-focus']).analyze();
    const nodes = result.violations.flatMap((v) => v.nodes.map((n) => n.html));
    expect(nodes.filter((html) => !/^<i [^>]*data-tabster-dummy/.test(html))).toEqual([]);
    await p.context().close();
  });
});
