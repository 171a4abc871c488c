/**
 * Layout where Teams runs the tab: a phone or a narrow pane (400 px) and a desktop window (1280 px),
 * in Finnish and Swedish. No page may scroll sideways, no control may run over its neighbour or out
 * of its card, and the charts speak the user's language whatever the browser's is. Read-only: it
 * asserts on geometry and texts, never on counts other files change.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser';
import { DEMO, open, screenshot, signIn } from './support/app';
import { seriousAxeViolations } from './support/axe';
import { buildDemoDataset } from '../../src/demo';

const base = inject('baseUrl');
/** The demo's quantitative goal (staff trained, unit "koulutettuja"); Laura is in its group. */
const GOAL = 'vantaa-ko-2021.g5';
const PAGES = [
  { name: 'my-goals', path: '/' },
  { name: 'check-in', path: `/check-in/${GOAL}?period=2021-09&unit=VAKA` },
  { name: 'dashboard', path: '/dashboard' },
] as const;
const LANGUAGES = ['fi', 'sv'] as const;
const WIDTHS = [400, 1280] as const;

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) => inner.x >= outer.x - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5;

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not on screen`);
  return b;
}

/** The page's width as the browser lays it out, and the elements that stick out of the viewport (for the failure message). */
async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()} ${e.textContent?.trim().slice(0, 40) ?? ''} (right ${Math.round(e.getBoundingClientRect().right)})`);
    return { scrollWidth: document.scrollingElement?.scrollWidth ?? 0, culprits };
  });
}

/** Waits until the lazily loaded chart has drawn its bars or lines. */
async function chartDrawn(page: Page): Promise<void> {
  await page.locator('figure svg').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('figure svg .tick text').length > 0, undefined, { timeout: 20_000 });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(LANGUAGES)('in %s', (language) => {
  describe.each(WIDTHS)('at %i px', (width) => {
    let page: Page;
    beforeAll(async () => {
      const context = await newContext(browser, { locale: language === 'sv' ? 'sv-FI' : 'fi-FI', viewport: { width, height: 900 } });
      page = await context.newPage();
      await signIn(page, base, DEMO.welfareMember, { language });
    });
    afterAll(async () => page?.context().close());

    it.each(PAGES)('$name does not scroll sideways, its heading fits its box, it has no serious axe findings, and is saved as a screenshot', async ({ name, path }) => {
      await open(page, base, path);
      if (name === 'dashboard') await chartDrawn(page);
      const { scrollWidth, culprits } = await horizontalOverflow(page);
      expect(scrollWidth, `wider than the window: ${culprits.join('; ')}`).toBe(width);
      // A long word in a goal's title must break, not run past the heading's edge.
      const heading = await page.locator('main h1').first().evaluate((h) => ({ text: h.textContent, overflow: h.scrollWidth - h.clientWidth }));
      expect(heading.overflow, `"${heading.text}" runs out of its box`).toBeLessThanOrEqual(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, `layout-${name}-${language}-${width}`);
    });
  });
});

describe('the dashboard filters', () => {
  it.each(LANGUAGES)('in %s at 1280 px: the theme dropdown ends before the group filter and every filter stays inside its card', async (language) => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, DEMO.leader, { language });
    await open(page, base, '/dashboard');
    const card = page.getByRole('region', { name: language === 'sv' ? 'Filter' : 'Suodattimet', exact: true });
    const cardBox = await card.boundingBox();
    const selects = await card.locator('.fui-Field').evaluateAll((fields) =>
      fields.map((f) => {
        const r = f.getBoundingClientRect();
        const label = f.querySelector('label');
        const l = label?.getBoundingClientRect();
        const s = f.querySelector('.fui-Select')?.getBoundingClientRect();
        return { label: label?.textContent ?? '', field: { x: r.x, y: r.y, width: r.width, height: r.height }, labelBox: l ? { x: l.x, y: l.y, width: l.width, height: l.height } : undefined, select: s ? { x: s.x, y: s.y, width: s.width, height: s.height } : undefined };
      }),
    );
    expect(cardBox).not.toBeNull();
    expect(selects.length).toBeGreaterThanOrEqual(5);
    for (const s of selects) {
      expect({ label: s.label, selectInside: s.select ? inside(s.select, cardBox as Box) : false, labelInside: s.labelBox ? inside(s.labelBox, cardBox as Box) : false }).toEqual({ label: s.label, selectInside: true, labelInside: true });
    }
    for (const a of selects) {
      for (const b of selects) {
        if (a === b || !a.select || !b.select) continue;
        expect({ a: a.label, b: b.label, overlap: overlaps(a.select, b.select) }).toEqual({ a: a.label, b: b.label, overlap: false });
      }
    }
    await context.close();
  });

  it('at 400 px the trend legend names every status, and itself, in Finnish instead of an English "+3 more" and "Legends"', async () => {
    const context = await newContext(browser, { locale: 'en-GB', viewport: { width: 400, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, DEMO.leader, { language: 'fi' });
    await open(page, base, '/dashboard');
    await chartDrawn(page);
    expect(await page.locator('figure').innerText()).not.toMatch(/\bmore\b|\+\d/);
    for (const name of ['Ei toteudu', 'Toteutuu osittain', 'Toteutuu täysin', 'Ei raportoitu']) {
      expect({ name, visible: await page.locator('figure').getByRole('option', { name, exact: true }).isVisible() }).toEqual({ name, visible: true });
    }
    // The list of statuses is named in Finnish too, not the chart library's English "Legends".
    await expect.poll(() => page.locator('figure').getByRole('listbox', { name: 'Selitteet', exact: true }).count()).toBeGreaterThan(0);
    expect(await page.locator('[aria-label="Legends"]').count()).toBe(0);
    await screenshot(page, 'layout-dashboard-legend-fi-400');
    await context.close();
  });
});

describe('the indicator', () => {
  it('in the check-in form, the input and its unit end before the facts beside it ("Lähtötaso" stays readable)', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, DEMO.welfareMember, { language: 'fi' });
    await open(page, base, `/check-in/${GOAL}?period=2021-09&unit=VAKA`);
    for (const width of [1280, 900, 700, 400]) {
      await page.setViewportSize({ width, height: 900 });
      const input = await box(page, '.fui-Input:has(input[inputmode="decimal"])');
      const term = await box(page, 'dt:text-is("Lähtötaso")');
      expect({ width, overlap: overlaps(input, term) }).toEqual({ width, overlap: false });
    }
    await context.close();
  });

  it.each([
    { language: 'sv' as const, browser: 'fi-FI', intl: 'sv-FI', unit: 'utbildade' },
    { language: 'fi' as const, browser: 'en-GB', intl: 'fi-FI', unit: 'koulutettuja' },
  ])('on goal detail in $language (browser $browser), the chart names its months and its unit in the UI language and cuts no month', async ({ language, browser: browserLocale, intl, unit }) => {
    const context = await newContext(browser, { locale: browserLocale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, DEMO.welfareMember, { language });
    await open(page, base, `/goals/${GOAL}`);
    await chartDrawn(page);
    const figure = await box(page, 'figure');
    const ticks = await page.locator('figure svg .tick text').evaluateAll((texts) =>
      texts.map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent ?? '', box: { x: r.x, y: r.y, width: r.width, height: r.height } };
      }),
    );
    const months = new Set(Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat(intl, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(2021, m, 15)))));
    const xTicks = ticks.filter((t) => !/^[\d\s\u00a0.,−-]+$/.test(t.text));
    expect(xTicks.length).toBeGreaterThan(2);
    for (const t of xTicks) {
      expect({ text: t.text, month: months.has(t.text), inside: inside(t.box, figure) }).toEqual({ text: t.text, month: true, inside: true });
    }
    expect(await page.locator('figure svg').first().textContent()).toContain(unit);
    await screenshot(page, `layout-goal-chart-${language}-1280`);
    await context.close();
  });
});

describe('with a second plan', () => {
  // A past plan with a long title: the dashboard shows a plan picker, which once widened the page to 1,503 px.
  // Its period ended in 2019, so it is nobody's default plan and other files' views stay as they were.
  beforeAll(async () => {
    const res = await fetch(`${base}/local/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId: DEMO.admin }) });
    const { accessToken } = (await res.json()) as { accessToken: string };
    const plan = buildDemoDataset().plans[0]!;
    const key = 'e2e-layout-2019';
    const body = {
      ...plan,
      key,
      title: {
        fi: 'Kasvatuksen ja oppimisen toimialan strategiset tavoitteet ja niiden toteutumisen seuranta vuonna 2019',
        sv: 'Sektorn för fostran och lärandes strategiska mål och uppföljningen av hur de förverkligas år 2019',
        en: 'Strategic goals of the education and learning division and how they were realised in 2019',
      },
      periodStart: '2019-01-01',
      periodEnd: '2019-12-31',
    };
    const put = await fetch(`${base}/api/plans/${key}`, { method: 'PUT', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` }, body: JSON.stringify(body) });
    // 201 when created, 409 when an earlier run of this file on the same server made it already.
    expect([201, 409]).toContain(put.status);
  });

  it.each(LANGUAGES)('in %s the dashboard with its plan picker stays as wide as the window at 1280 and 400 px', async (language) => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, DEMO.leader, { language });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await open(page, base, '/dashboard');
      await page.getByRole('combobox', { name: language === 'sv' ? 'Plan' : 'Suunnitelma', exact: true }).waitFor();
      const { scrollWidth, culprits } = await horizontalOverflow(page);
      expect(scrollWidth, `wider than the window: ${culprits.join('; ')}`).toBe(width);
      await screenshot(page, `layout-dashboard-two-plans-${language}-${width}`);
    }
    await context.close();
  });
});

describe('admin at 400 px', () => {
  it.each(LANGUAGES)('in %s the goal editor and the goals list do not scroll sideways', async (language) => {
    const context = await newContext(browser, { viewport: { width: 400, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, DEMO.admin, { language });
    for (const path of [`/admin/goals?plan=vantaa-ko-2021`, `/admin/goals/${GOAL}?plan=vantaa-ko-2021`]) {
      await open(page, base, path);
      const { scrollWidth, culprits } = await horizontalOverflow(page);
      expect(scrollWidth, `${path} wider than the window: ${culprits.join('; ')}`).toBe(400);
    }
    await screenshot(page, `layout-admin-goal-${language}-400`);
    await context.close();
  });
});
