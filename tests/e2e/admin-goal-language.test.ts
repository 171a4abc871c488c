/**
 * The admin's goal list and goal editor in Swedish: a goal with no Swedish title shows its Finnish
 * one marked lang="fi" (WCAG 3.1.2, language of parts), as the dashboard and goal page do — in the
 * list's link and in the editor's heading. Goal 4 has no Swedish title in the demo, and the
 * translations suite holds that it stays missing, so no file here changes it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildDemoDataset, DEMO_PLAN_KEY } from '../../src/demo';
import { launchBrowser, newContext, watchErrors } from './support/browser';
import { DEMO, open, screenshot, signIn } from './support/app';
import { seriousAxeViolations } from './support/axe';

const base = inject('baseUrl');
const G4 = buildDemoDataset().goals.find((g) => g.planKey === DEMO_PLAN_KEY && g.code === '4')!;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('admin goal titles in a Swedish UI', () => {
  it('marks a Finnish fallback title lang="fi" in the goals list and in the editor heading the admin reaches by keyboard', async () => {
    const context = await newContext(browser, { locale: 'sv-FI' });
    const page = await context.newPage();
    const { errors } = watchErrors(page);
    await signIn(page, base, DEMO.admin, { language: 'sv' });
    await open(page, base, `/admin/goals?plan=${DEMO_PLAN_KEY}`);
    const link = page.getByRole('rowheader').getByRole('link', { name: G4.title, exact: true });
    await link.waitFor();
    expect(await link.getAttribute('lang')).toBe('fi');
    // The page itself is Swedish; only the title is marked Finnish.
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^sv/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await link.focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: `Redigera målet: ${G4.title}`, exact: true });
    await heading.waitFor();
    expect(await heading.locator('[lang="fi"]').textContent()).toBe(G4.title);
    expect(await heading.textContent()).toBe(`Redigera målet: ${G4.title}`);
    await screenshot(page, 'admin-goal-fi-title-sv');
    expect(errors).toEqual([]);
    await context.close();
  });
});
