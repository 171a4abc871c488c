import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, watchErrors } from './support/browser';
import { DEMO, open, pageWithDialogWatch, screenshot, settle, signIn } from './support/app';

const base = inject('baseUrl');
const GOAL1 = 'vantaa-ko-2021.g1';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function apiToken(userId: string): Promise<string> {
  const res = await fetch(`${base}/local/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId }) });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/**
 * The narratives of the drafts the form has autosaved in this browser (IndexedDB). Read only once
 * the form has saved a draft: opening a database that does not exist yet would create it empty.
 */
async function storedNarratives(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('tavoitteet-drafts');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('drafts', 'readonly').objectStore('drafts').getAll();
          req.onsuccess = () => {
            db.close();
            resolve((req.result as { narrative?: string }[]).map((d) => d.narrative ?? ''));
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

describe('check-in as a group member, in Finnish', () => {
  it('writes a check-in, finds the draft after a reload, submits it and sees the new state', async () => {
    const context = await newContext(browser, { locale: 'fi-FI' });
    const page = await context.newPage();
    const { errors } = watchErrors(page);
    await signIn(page, base, DEMO.groupMember);
    await settle(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Omat tavoitteet');

    const card = page.locator(`article[data-goal-key="${GOAL1}"]`);
    await card.getByRole('link', { name: 'Kirjaa tilannepäivitys' }).click();
    await settle(page);
    expect(page.url()).toContain(`/check-in/${GOAL1}`);
    await page.getByRole('radio', { name: 'Toteutuu osittain' }).check();
    const narrative = page.getByRole('textbox', { name: /Tilannekuvaus/ });
    await narrative.fill('Kumppanikartoitus jatkuu: kuusi oppilaitosta on vahvistanut osallistumisensa.');
    await page.getByText(/Luonnos tallennettu/).waitFor();
    // "Saved" may be the save of the status chosen a moment earlier: wait until the text is stored too.
    await expect.poll(async () => (await storedNarratives(page)).some((n) => n.includes('kuusi oppilaitosta'))).toBe(true);
    await screenshot(page, 'check-in-fi-light');

    await page.reload();
    await settle(page);
    await expect(page.getByRole('textbox', { name: /Tilannekuvaus/ }).inputValue()).resolves.toContain('kuusi oppilaitosta');
    expect(await page.getByRole('radio', { name: 'Toteutuu osittain' }).isChecked()).toBe(true);
    await page.getByText(/Jatkat tallennettua luonnosta/).waitFor();

    await page.getByRole('button', { name: 'Lähetä tilannepäivitys' }).click();
    await page.getByRole('heading', { level: 1, name: 'Omat tavoitteet' }).waitFor();
    await page.getByText('Tilannepäivitys tallennettu').waitFor();
    await settle(page);
    const kaso = page.locator(`article[data-goal-key="${GOAL1}"] li`).filter({ hasText: 'Toimialan yhteiset' });
    await kaso.getByText('Raportoitu').waitFor();
    await kaso.getByText('Toteutuu osittain').waitFor();

    // The submitted draft is gone: the form for the slot starts empty again.
    await open(page, base, `/check-in/${GOAL1}?period=2021-09&unit=KASO`);
    await expect(page.getByRole('textbox', { name: /Tilannekuvaus/ }).inputValue()).resolves.toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a person outside the goal', () => {
  it('finds no check-in action on My goals nor on the check-in page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, DEMO.outsider);
    await settle(page);
    await page.getByText('Sinulla ei ole raportoitavia tavoitteita').waitFor();
    expect(await page.getByRole('link', { name: /Kirjaa/ }).count()).toBe(0);

    await open(page, base, `/check-in/${GOAL1}`);
    await page.getByText('Et voi raportoida tätä tavoitetta').waitFor();
    expect(await page.getByRole('button', { name: 'Lähetä tilannepäivitys' }).count()).toBe(0);
    expect(await page.getByRole('radio').count()).toBe(0);
    await context.close();
  });
});

describe('user text', () => {
  it('shows a narrative with HTML and markdown as inert text', async () => {
    const evil = 'Tilanne <img src=x onerror=alert(1)> ja [x](http://evil) <script>alert(2)</script>';
    const res = await fetch(`${base}/api/check-ins`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await apiToken(DEMO.groupMember)}` },
      body: JSON.stringify({ goalKey: GOAL1, period: '2021-08', unit: 'TAKO', status: 1, narrative: evil, submissionId: `e2e-xss-${Date.now()}` }),
    });
    expect(res.status).toBe(201);

    const context = await newContext(browser);
    const { page, dialogs } = await pageWithDialogWatch(context);
    await signIn(page, base, DEMO.groupMember);
    await open(page, base, `/check-in/${GOAL1}?period=2021-09&unit=TAKO`);
    const previous = page.getByRole('region', { name: /Edellinen raportti/ });
    await previous.getByText(evil).waitFor();
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.locator('a[href^="http://evil"]').count()).toBe(0);

    await page.getByRole('button', { name: 'Kopioi edellisen kauden teksti' }).click();
    await expect(page.getByRole('textbox', { name: /Tilannekuvaus/ }).inputValue()).resolves.toBe(evil);
    // The copied text has gone through the form's state into the stored draft, and still nothing ran.
    await page.getByText(/Luonnos tallennettu/).waitFor();
    expect(await page.locator('main img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
