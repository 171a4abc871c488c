/**
 * Resilience of the tab in a real Chromium (issue 12 §4): the network dropping while a check-in is
 * sent, a stale delta token when the board refreshes, and list items edited by hand into shapes the
 * app cannot read. This file starts its own server (own emulator database) in-process, so it can
 * write items through Graph with the app's identity, as a person editing the lists would, and
 * verify what was stored; the suite's shared server is left alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadConfig, startServer, type RunningServer } from '../../src/server';
import { launchBrowser, newContext, watchErrors } from './support/browser';
import { DEMO, open, screenshot, settle, signIn } from './support/app';
import { seriousAxeViolations } from './support/axe';

const PLAN = 'vantaa-ko-2021';
let server: RunningServer;
let base: string;
let dataDir: string;
let browser: Browser;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tavoitteet-e2e-res-'));
  server = await startServer(loadConfig({ MODE: 'local', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, APP_NOW: '2021-09-22T09:00:00+03:00', LOG_LEVEL: 'warn' }));
  base = server.url.replace('0.0.0.0', '127.0.0.1').replace(/\/$/, '');
  // The start's summary pass recomputes summaries from CheckIns; the hand edits below come after it.
  await server.reconciler.started;
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Error states the tab shows (components/states.tsx), in Finnish. */
const ERROR_TITLES = /Ei yhteyttä|Jotain meni vikaan|Palvelu ei ole käytettävissä|Palvelu on kuormittunut|Näkymä ei latautunut/;

async function storedDrafts(page: Page): Promise<{ narrative?: string; submissionId?: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ narrative?: string; submissionId?: string }[]>((resolve, reject) => {
        const req = indexedDB.open('tavoitteet-drafts');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const all = db.transaction('drafts', 'readonly').objectStore('drafts').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as { narrative?: string; submissionId?: string }[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

describe('the network drops while a check-in is sent from the tab', () => {
  it('tells the user in Finnish, keeps the draft across a reload, and the retry stores the check-in once under the same submission id', async () => {
    const goal = (await server.services.repo.goals.get(`${PLAN}.g2`)).value;
    const unit = goal.units[0]!;
    const narrative = `Verkkokatko kesken lähetyksen ${Date.now().toString(36)}: kolme koulua on aloittanut.`;
    const context = await newContext(browser, { locale: 'fi-FI' });
    const page = await context.newPage();
    await signIn(page, base, DEMO.groupMember);
    await open(page, base, `/check-in/${goal.key}?period=2021-09&unit=${unit}`);

    // The first POST of the check-in never reaches the server; later ones go through.
    const posted: string[] = [];
    let dropped = 0;
    await page.route('**/api/check-ins', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posted.push(String((JSON.parse(route.request().postData() ?? '{}') as { submissionId?: string }).submissionId));
      if (dropped++ === 0) return route.abort('internetdisconnected');
      return route.continue();
    });

    await page.getByRole('radio', { name: 'Toteutuu osittain' }).check();
    await page.getByRole('textbox', { name: /Tilannekuvaus/ }).fill(narrative);
    await page.getByText(/Luonnos tallennettu/).waitFor();
    await expect.poll(async () => (await storedDrafts(page)).some((d) => d.narrative === narrative), { timeout: 20_000 }).toBe(true);

    await page.getByRole('button', { name: 'Lähetä tilannepäivitys' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Tilannepäivitystä ei voitu lähettää. Luonnos on tallessa.' });
    await alert.waitFor({ timeout: 30_000 });
    await expect(alert.textContent()).resolves.toContain('Palvelimeen ei saatu yhteyttä. Tarkista verkkoyhteys ja yritä uudelleen.');
    expect(dropped).toBe(1);
    expect(page.url()).toContain(`/check-in/${goal.key}`);
    expect(await server.services.repo.findCheckInBySubmission(posted[0]!)).toBeUndefined();

    // The draft is kept: after a reload the form has it back.
    await page.reload();
    await settle(page);
    await expect(page.getByRole('textbox', { name: /Tilannekuvaus/ }).inputValue()).resolves.toBe(narrative);
    expect(await page.getByRole('radio', { name: 'Toteutuu osittain' }).isChecked()).toBe(true);

    // The retry goes through, as the same submission.
    await page.getByRole('button', { name: 'Lähetä tilannepäivitys' }).click();
    await page.getByText('Tilannepäivitys tallennettu').waitFor({ timeout: 30_000 });
    expect(posted.length).toBe(2);
    expect(posted[1]).toBe(posted[0]);
    const stored = (await server.services.repo.checkIns.list({ goalKey: goal.key })).items.map((c) => c.value).filter((c) => c.narrative === narrative);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ submissionId: posted[0], unit, period: '2021-09', status: 1, source: 'tab' });
    // and the submitted draft is gone
    expect((await storedDrafts(page)).some((d) => d.narrative === narrative)).toBe(false);
    await context.close();
  }, 180_000);
});

describe('a stale delta token when the tab is reopened', () => {
  /** The user's persisted query cache (src/tab/data/persisted-cache.ts), as the JSON text it is stored as. */
  const persistedCache = (page: Page, userId: string) =>
    page.evaluate(
      (key) =>
        new Promise<string>((resolve) => {
          const req = indexedDB.open('tavoitteet-cache');
          req.onerror = () => resolve('');
          req.onsuccess = () => {
            const db = req.result;
            if (!db.objectStoreNames.contains('queries')) return resolve('');
            const get = db.transaction('queries', 'readonly').objectStore('queries').get(key);
            get.onsuccess = () => resolve(typeof get.result === 'string' ? get.result : '');
            get.onerror = () => resolve('');
          };
        }),
      `v1|${userId}`,
    );

  it('reads the board in full when the kept delta link answers 410 on a reload, shows a goal renamed meanwhile, and shows no error', async () => {
    const context = await newContext(browser, { locale: 'fi-FI' });
    const page = await context.newPage();
    const { errors } = watchErrors(page);
    await signIn(page, base, DEMO.leader);
    await open(page, base, '/dashboard');
    const rows = page.getByRole('table').getByRole('rowheader').getByRole('link');
    await rows.first().waitFor();
    const before = await rows.count();
    // The board is kept for the next visit together with its goals' delta link.
    await expect.poll(async () => (await persistedCache(page, DEMO.leader)).includes('goalsDeltaLink'), { timeout: 30_000 }).toBe(true);

    // Meanwhile someone renames a goal, and the kept delta link goes stale: every delta request
    // that carries a token gets a token the emulator answers 410 resyncRequired.
    const { repo } = server.services;
    const g6 = await repo.goals.get(`${PLAN}.g6`);
    const suffix = `päivitetty ${Date.now().toString(36)}`;
    await repo.goals.update({ ...g6.value, title: `${g6.value.title} (${suffix})` }, g6.etag);
    await page.route(/\/items\/delta/, async (route) => {
      const url = new URL(route.request().url());
      const token = url.searchParams.get('token');
      if (token && token !== 'latest') url.searchParams.set('token', 'stale-token-from-last-week');
      await route.continue({ url: url.toString() });
    });
    const deltas: { url: string; status: number }[] = [];
    page.on('response', (r) => {
      if (/\/items\/delta/.test(r.url())) deltas.push({ url: r.url(), status: r.status() });
    });

    // Teams reloads the tab: it starts from the kept board and resumes delta from its link.
    await page.reload();
    await page.getByRole('link', { name: new RegExp(suffix) }).first().waitFor({ timeout: 60_000 });
    await settle(page);

    expect(deltas.map((d) => d.status)).toContain(410);
    const gone = deltas.findIndex((d) => d.status === 410);
    // After the 410 the delta cache enumerated the Goals list from the start (no token).
    expect(deltas.slice(gone + 1).some((d) => d.status === 200 && !new URL(d.url).searchParams.has('token'))).toBe(true);
    expect(await rows.count()).toBe(before);
    expect(await page.getByText(ERROR_TITLES).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    // The browser logs the 410 response itself; nothing else went wrong.
    expect(errors.filter((e) => !/410/.test(e))).toEqual([]);
    await context.close();
  }, 180_000);
});

describe('a stale delta token while the dashboard is open', () => {
  it('re-reads the goals in full when its periodic refresh meets 410, shows a goal renamed meanwhile, and shows no error', async () => {
    const context = await newContext(browser, { locale: 'fi-FI' });
    const page = await context.newPage();
    const { errors } = watchErrors(page);
    await signIn(page, base, DEMO.leader);
    await open(page, base, '/dashboard');
    const rows = page.getByRole('table').getByRole('rowheader').getByRole('link');
    await rows.first().waitFor();
    const before = await rows.count();

    // From now on every delta request that carries a token is made stale: the emulator answers it 410 resyncRequired.
    await page.route(/\/items\/delta/, async (route) => {
      const url = new URL(route.request().url());
      const token = url.searchParams.get('token');
      if (token && token !== 'latest') url.searchParams.set('token', 'stale-token-from-last-week');
      await route.continue({ url: url.toString() });
    });
    const deltas: { url: string; status: number }[] = [];
    page.on('response', (r) => {
      if (/\/items\/delta/.test(r.url())) deltas.push({ url: r.url(), status: r.status() });
    });

    // Meanwhile someone renames a goal.
    const { repo } = server.services;
    const g7 = await repo.goals.get(`${PLAN}.g7`);
    const suffix = `nimetty uudelleen ${Date.now().toString(36)}`;
    await repo.goals.update({ ...g7.value, title: `${g7.value.title} (${suffix})` }, g7.etag);

    // The open board refreshes by itself (every minute): the rename arrives through the full resync.
    await page.getByRole('link', { name: new RegExp(suffix) }).first().waitFor({ timeout: 150_000 });
    expect(deltas.map((d) => d.status)).toContain(410);
    const gone = deltas.findIndex((d) => d.status === 410);
    expect(deltas.slice(gone + 1).some((d) => d.status === 200 && !new URL(d.url).searchParams.has('token'))).toBe(true);
    expect(await rows.count()).toBe(before);
    expect(await page.getByText(ERROR_TITLES).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(errors.filter((e) => !/410/.test(e))).toEqual([]);
    await context.close();
  }, 240_000);
});

describe('list items edited by hand into shapes the app cannot read', () => {
  const MISSING = `${PLAN}.g3`; // Indicator without its required text
  const TEXT_STATUS = `${PLAN}.g5`; // "kaksi" where the summary's status number goes
  const UNKNOWN_STATUS = `${PLAN}.g4`; // status 7 on a 0–2 scale
  const itemIds: Record<string, string> = {};
  const titles: Record<string, string> = {};
  beforeAll(async () => {
    const { repo, lists, graph } = server.services;
    const goalsPath = await lists.listPath('goal');
    for (const key of [MISSING, TEXT_STATUS, UNKNOWN_STATUS]) {
      const g = await repo.goals.get(key);
      itemIds[key] = g.itemId;
      titles[key] = g.value.title;
      const [slot, entry] = Object.entries(g.value.summary)[0]!;
      const fields =
        key === MISSING
          ? { Indicator: JSON.stringify({ kind: 'qualitative' }) }
          : { StatusSummary: JSON.stringify({ ...g.value.summary, [slot]: { ...entry, status: key === TEXT_STATUS ? 'kaksi' : 7 } }) };
      await graph.patch(`${goalsPath}/items/${g.itemId}/fields`, fields);
    }
  });

  it('the dashboard shows the other goals and names each unreadable item by list, item and column, with no error state and no serious axe violations', async () => {
    const context = await newContext(browser, { locale: 'fi-FI' });
    const page = await context.newPage();
    const { errors } = watchErrors(page);
    await signIn(page, base, DEMO.leader);
    await open(page, base, '/dashboard');
    const links = page.getByRole('table').getByRole('rowheader').getByRole('link');
    await links.first().waitFor();
    const shown = await links.allTextContents();
    expect(shown).toHaveLength(8);
    expect(shown.some((s) => s.includes(titles[MISSING]!.slice(0, 30)))).toBe(false);
    expect(shown.some((s) => s.includes(titles[TEXT_STATUS]!.slice(0, 30)))).toBe(false);
    expect(shown.some((s) => s.includes(titles[UNKNOWN_STATUS]!.slice(0, 30)))).toBe(true);
    expect(await page.getByText(ERROR_TITLES).count()).toBe(0);
    // and it names the items it could not read, by list, item and column, so someone can fix them
    const notice = page.getByTestId('unreadable-items');
    await notice.getByText('2 listan kohdetta ei voitu lukea').waitFor();
    const named = await notice.getByRole('listitem').allTextContents();
    expect(named.sort()).toEqual([`Goals-lista, kohde ${itemIds[MISSING]}: sarake Indicator`, `Goals-lista, kohde ${itemIds[TEXT_STATUS]}: sarake StatusSummary`].sort());
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-unreadable-items-fi');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the check-in page of an unreadable goal says the data cannot be read, names the item, and offers no form to send', async () => {
    const context = await newContext(browser, { locale: 'fi-FI' });
    const page = await context.newPage();
    await signIn(page, base, DEMO.welfareMember);
    for (const [key, column] of [[MISSING, 'Indicator'], [TEXT_STATUS, 'StatusSummary']] as const) {
      await page.goto(`${base}/check-in/${key}?period=2021-09&unit=VAKA`);
      const alert = page.getByRole('alert').filter({ hasText: 'Tietoja ei voi lukea' });
      await alert.waitFor({ timeout: 30_000 });
      await expect(alert.textContent()).resolves.toContain('pyydä ylläpitäjää korjaamaan kohde');
      await alert.getByText('Tekniset tiedot').click();
      await alert.getByText(new RegExp(`Goals item ${itemIds[key]} is invalid: .*\\(column ${column}\\)`)).waitFor();
      expect(await page.getByRole('button', { name: 'Lähetä tilannepäivitys' }).count()).toBe(0);
    }
    await context.close();
  });

  it('My goals shows the member the goals that can be read and names the unreadable ones, with no error state', async () => {
    const context = await newContext(browser, { locale: 'fi-FI' });
    const page = await context.newPage();
    const { errors } = watchErrors(page);
    await signIn(page, base, DEMO.welfareMember);
    await settle(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Omat tavoitteet');
    await page.locator(`article[data-goal-key="${UNKNOWN_STATUS}"]`).waitFor();
    expect(await page.locator(`article[data-goal-key="${TEXT_STATUS}"]`).count()).toBe(0);
    expect(await page.locator(`article[data-goal-key="${MISSING}"]`).count()).toBe(0);
    const named = await page.getByTestId('unreadable-items').locator('li').allTextContents();
    expect(named.sort()).toEqual([`Goals-lista, kohde ${itemIds[MISSING]}: sarake Indicator`, `Goals-lista, kohde ${itemIds[TEXT_STATUS]}: sarake StatusSummary`].sort());
    await screenshot(page, 'my-goals-unreadable-items-fi');
    expect(await page.getByText(ERROR_TITLES).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
