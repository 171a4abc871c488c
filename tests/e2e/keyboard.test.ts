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

interface Focused {
  tag: string;
  role: string | null;
  name: string;
  type: string | null;
  visible: boolean;
}

/** What has focus, and whether a focus indicator is drawn (outline, or Fluent's ::after ring). */
async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', role: null, name: '', type: null, visible: false };
    const cs = getComputedStyle(el);
    const after = getComputedStyle(el, '::after');
    const card = el.closest('label');
    const cardStyle = card ? getComputedStyle(card) : null;
    const drawn = (s: CSSStyleDeclaration | null) => !!s && ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.borderStyle !== 'none' && parseFloat(s.borderWidth) > 0 && s.content !== 'none'));
    const visible = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || el.hasAttribute('data-fui-focus-visible') || drawn(after) || (!!cardStyle && cardStyle.outlineStyle !== 'none' && parseFloat(cardStyle.outlineWidth) > 0);
    const name = (el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '').trim();
    return { tag: el.tagName.toLowerCase(), role: el.getAttribute('role'), name, type: el.getAttribute('type'), visible };
  });
}

/** After an in-app navigation the new view's heading takes focus (so a screen reader announces it); Tab goes on from there. */
async function headingFocused(page: Page): Promise<void> {
  try {
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', undefined, { timeout: 15_000 });
  } catch {
    const f = await focused(page);
    throw new Error(`focus stayed on ${f.tag} "${f.name}" instead of moving to the view's heading`);
  }
}

/** Tabs forward until `match` has focus, checking that every stop shows where focus is. */
async function tabTo(page: Page, match: (f: Focused) => boolean, max = 60): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag !== 'body') expect(f.visible, `focus indicator on ${f.tag} "${f.name}"`).toBe(true);
    if (match(f)) return f;
  }
  throw new Error('focus never reached the target');
}

describe('keyboard only', () => {
  it('signs in, opens a check-in, fills it and submits it with Tab, arrows, Space and Enter', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await tabTo(page, (f) => f.tag === 'button' && f.name.includes('Ville Korhonen'));
    await page.keyboard.press('Enter');
    await settle(page);

    // The check-in action of goal 2.
    await tabTo(page, (f) => f.tag === 'a' && f.name === 'Kirjaa tilannepäivitys', 80).then(async () => {
      // The first card is goal 1; move on to goal 2's action.
      const key = await page.evaluate(() => document.activeElement?.closest('article')?.getAttribute('data-goal-key'));
      if (key !== 'vantaa-ko-2021.g2') await tabTo(page, (f) => f.tag === 'a' && f.name === 'Kirjaa tilannepäivitys');
    });
    expect(await page.evaluate(() => document.activeElement?.closest('article')?.getAttribute('data-goal-key'))).toBe(GOAL2);
    await page.keyboard.press('Enter');
    await settle(page);
    expect(page.url()).toContain(`/check-in/${GOAL2}`);
    await headingFocused(page);

    // Unit radios first (leave them on the first unit), then the status radio cards.
    await tabTo(page, (f) => f.type === 'radio' && f.name.includes('Toteutuu täysin'));
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).name).toContain('Toteutuu osittain');
    expect(await page.getByRole('radio', { name: 'Toteutuu osittain' }).isChecked()).toBe(true);

    await tabTo(page, (f) => f.tag === 'textarea');
    await page.keyboard.type('Laajennettu oppivelvollisuus käynnistyi suunnitellusti; ohjausresurssit ovat osin vajaat.');
    await tabTo(page, (f) => f.tag === 'button' && f.name === 'Lähetä tilannepäivitys');
    await page.keyboard.press('Enter');
    await page.getByText('Tilannepäivitys tallennettu').waitFor();
    await settle(page);
    const slot = page.locator(`article[data-goal-key="${GOAL2}"] li`).filter({ hasText: 'Toimialan yhteiset' });
    await slot.getByText('Raportoitu').waitFor();
    await context.close();
  });
});

describe('keyboard only in Admin (issue 13 item 11)', () => {
  it('chooses a responsible person by typing and Enter, removes them from their tag, and is asked before a link leaves the unsaved edit', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    await signIn(page, base, DEMO.admin, { language: 'fi' });
    await open(page, base, `/admin/goals/${GOAL2}?plan=vantaa-ko-2021`);

    const picker = page.getByRole('combobox', { name: 'Vastuuhenkilöt' });
    await picker.focus();
    await page.keyboard.type('laine');
    const option = page.getByRole('menu').getByRole('menuitemcheckbox', { name: /Tuomas Laine/ });
    await option.waitFor();
    await expect.poll(() => page.getByRole('menu').getByRole('menuitemcheckbox').count(), { timeout: 10_000 }).toBe(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const remove = page.getByRole('button', { name: 'Poista Tuomas Laine' });
    await remove.waitFor();

    // The chosen people are one Tab stop; the arrows move between a person and their remove button.
    const inChosen = () => page.evaluate(() => !!document.activeElement?.closest('[aria-label="Valitut: Vastuuhenkilöt"]'));
    for (let i = 0; i < 10 && !(await inChosen()); i++) await page.keyboard.press('Tab');
    expect(await inChosen()).toBe(true);
    for (let i = 0; i < 8 && (await focused(page)).name !== 'Poista Tuomas Laine'; i++) await page.keyboard.press('ArrowRight');
    expect((await focused(page)).name).toBe('Poista Tuomas Laine');

    // The edit is unsaved: Enter on the top bar's dashboard link opens the question, focus inside it.
    await page.getByRole('link', { name: 'Tilannekuva' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Poistutaanko tallentamatta?' });
    await dialog.waitFor();
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="alertdialog"]'))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/admin/goals/${GOAL2}`);

    // Removing the person again by keyboard leaves the goal as it was: nothing unsaved, the link just goes.
    await remove.focus();
    await page.keyboard.press('Enter');
    await remove.waitFor({ state: 'detached' });
    await expect(remove.count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Tilannekuva' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/dashboard/);
    await context.close();
  });
});
