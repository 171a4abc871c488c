/**
 * Reopening the tab (Teams reloads tabs often): the dashboard renders from the persisted cache
 * before any Graph request answers, says the data is from the last visit (a polite live region,
 * axe clean), revalidates with one delta request and clears the mark, with the sign-in's tokens
 * kept from the last page (no token request, as MSAL's cache in Teams); and a different user signing
 * in on the same browser never sees the first user's cached data, which sign-out deletes.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { launchBrowser, newContext, watchErrors } from './support/browser';
import { DEMO, open, signIn } from './support/app';
import { seriousAxeViolations } from './support/axe';

const base = inject('baseUrl');
const STALE_TEXT = 'Näytetään viime käynnin tietoja – päivitetään…';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Holds every Graph request until `release()`; records what was asked. */
async function holdGraph(page: Page): Promise<{ release(): void; asked: string[] }> {
  const asked: string[] = [];
  let release!: () => void;
  const released = new Promise<void>((ok) => (release = ok));
  await page.route('**/graph/v1.0/**', async (route: Route) => {
    asked.push(new URL(route.request().url()).pathname.replace(/^.*\/lists\/[^/]+/, '…'));
    await released;
    await route.continue();
  });
  return { release, asked };
}

/** The page's clock two minutes ahead from the next navigation on: the cached board is stale then. */
const twoMinutesLater = (page: Page) =>
  page.addInitScript(() => {
    const now = Date.now.bind(Date);
    Date.now = () => now() + 120_000;
  });

/** The users whose cached queries this browser holds (IndexedDB `tavoitteet-cache`). */
const cachedUsers = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((ok, fail) => {
        const req = indexedDB.open('tavoitteet-cache');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('queries')) return ok([]);
          const keys = db.transaction('queries').objectStore('queries').getAllKeys();
          keys.onsuccess = () => ok((keys.result as string[]).map((k) => k.split('|')[1] ?? k));
          keys.onerror = () => fail(keys.error);
        };
      }),
  );

const notice = (page: Page) => page.getByTestId('cached-data-notice');
const matrix = (page: Page) => page.locator('main table');

describe('reopening the dashboard', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, base, DEMO.leader);
  });
  afterAll(async () => context?.close());

  it('renders from the persisted cache before Graph answers, marked as from the last visit, then revalidates with one delta request and no token request', async () => {
    const { errors } = watchErrors(page);
    await open(page, base, '/dashboard');
    await expect(notice(page).textContent()).resolves.toBe('');
    await expect.poll(() => cachedUsers(page), { timeout: 5_000 }).toEqual([DEMO.leader]);
    await page.waitForTimeout(600); // the last write of the cache (throttled to 250 ms)

    await twoMinutesLater(page);
    const graph = await holdGraph(page);
    const tokenRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/local/token') tokenRequests.push(r.url());
    });
    await page.reload();
    // On screen with no Graph answer yet: the matrix and goal rows come from IndexedDB.
    await matrix(page).waitFor({ timeout: 15_000 });
    await expect(matrix(page).getByRole('rowheader').count()).resolves.toBeGreaterThan(0);
    await expect(notice(page).textContent()).resolves.toBe(STALE_TEXT);
    await expect(notice(page).getAttribute('aria-live')).resolves.toBe('polite');
    await expect(notice(page).getAttribute('role')).resolves.toBe('status');
    expect(await seriousAxeViolations(page)).toEqual([]);

    graph.release();
    await expect.poll(() => notice(page).textContent(), { timeout: 15_000 }).toBe('');
    // Revalidated by the goals' delta from the cached link: no list lookup, no full board read.
    expect(graph.asked).toEqual(['…/items/delta']);
    // Signed in with the tokens this browser tab kept: the revisit's only data round trip is that delta (and /api/me beside it).
    expect(tokenRequests).toEqual([]);
    await expect(matrix(page).getByRole('rowheader').count()).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });
});

describe('another user on the same browser', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, base, DEMO.leader);
  });
  afterAll(async () => context?.close());

  it("never sees the first user's cached data, which signing out deleted", async () => {
    await open(page, base, '/dashboard');
    await expect.poll(() => cachedUsers(page), { timeout: 5_000 }).toEqual([DEMO.leader]);

    // Switch user from the user menu (local mode's sign-out), as the next person would.
    await page.getByRole('button', { name: /^Käyttäjä: / }).click();
    await page.getByRole('menuitem', { name: 'Vaihda käyttäjää' }).click();
    await page.locator(`[data-user-id="${DEMO.admin}"]`).waitFor();
    await expect.poll(() => cachedUsers(page), { timeout: 5_000 }).toEqual([]);

    await page.locator(`[data-user-id="${DEMO.admin}"]`).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const graph = await holdGraph(page);
    await page.goto(`${base}/dashboard`);
    // Nothing of the leader's: with Graph held there is no matrix and no "last visit" mark.
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForTimeout(1_000);
    await expect(matrix(page).count()).resolves.toBe(0);
    await expect(notice(page).textContent()).resolves.toBe('');
    graph.release();
    await matrix(page).waitFor({ timeout: 15_000 });
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await expect.poll(() => cachedUsers(page), { timeout: 5_000 }).toEqual([DEMO.admin]);
  });
});
