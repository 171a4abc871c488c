/**
 * The leaders' review in a meeting, in a real Chromium against the real server and demo data: a
 * leader opens the review for 2021-09 (Finnish), starts it, steps through three goals worst first
 * by button and by keyboard, records a decision with a follow-up for a development group; a second
 * browser (Swedish) on the stage URL follows the presenter to each goal without a reload, and says
 * so when the review ends. axe is clean on the review page, the side panel width and the stage.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, watchErrors } from './support/browser';
import { DEMO, open, screenshot, settle, signIn } from './support/app';
import { seriousAxeViolations } from './support/axe';

const base = inject('baseUrl');
const MEETING = `e2e-review-${Date.now().toString(36)}`;
const REVIEW = `/review?plan=vantaa-ko-2021&period=2021-09&meeting=${MEETING}`;
const STAGE = `/review/stage?meeting=${MEETING}`;
const GROUP = 'opintopolut-ohjaus';
/** Unique to this run, so other files' notes never match. */
const ASK = `Raportoikaa POPE:n koulutustilanne lokakuussa`;
const CORRECTED = `Johtoryhmä päätti jatkaa koulutusta keväällä (${MEETING}).`;

let browser: Browser;
let leaderContext: BrowserContext;
let stageContext: BrowserContext;
let leader: Page;
let stage: Page;
let leaderErrors: string[];

/** The goal keys of the agenda in screen order, and the one marked current. */
async function agenda(page: Page): Promise<{ keys: string[]; current: string | null }> {
  const buttons = page.locator('ol button[data-goal-key]');
  const keys = await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute('data-goal-key') ?? ''));
  const current = await page.locator('ol button[aria-current="step"]').getAttribute('data-goal-key');
  return { keys, current };
}

beforeAll(async () => {
  browser = await launchBrowser();
  leaderContext = await newContext(browser, { locale: 'fi-FI' });
  leader = await leaderContext.newPage();
  leaderErrors = watchErrors(leader).errors;
  await signIn(leader, base, DEMO.leader, { language: 'fi' });
  stageContext = await newContext(browser, { locale: 'sv-FI', viewport: { width: 1920, height: 1080 } });
  stage = await stageContext.newPage();
  await signIn(stage, base, DEMO.groupMember, { language: 'sv' });
}, 90_000);

afterAll(async () => {
  await leaderContext?.close();
  await stageContext?.close();
  await browser?.close();
});

describe('a review meeting with its stage', () => {
  it('opens the review for 2021-09 with the agenda worst first and nothing started', async () => {
    await open(leader, base, REVIEW);
    await expect.poll(() => leader.getByTestId('session-state').innerText()).toContain('ei ole aloitettu');
    const { keys, current } = await agenda(leader);
    expect(keys).toHaveLength(10);
    expect(current).toBe(keys[0]);
    // Worst first: a goal with nothing reported, or the lowest status, leads (statuses are labelled chips).
    const firstStatus = await leader.locator('ol li').first().innerText();
    expect(firstStatus).toMatch(/Ei raportoitu|Ei toteudu|Toteutuu osittain/);
    expect(await seriousAxeViolations(leader)).toEqual([]);
  });

  it('shows the stage waiting for the presenter before the review starts', async () => {
    await stage.goto(`${base}${STAGE}`);
    await stage.getByText('Väntar på presentatören').waitFor();
  });

  it('starts the review and the stage shows the first goal without a reload', async () => {
    await leader.getByRole('button', { name: 'Aloita katselmointi' }).click();
    await expect.poll(() => leader.getByTestId('session-state').innerText()).toContain('käynnissä');
    await expect.poll(() => stage.getByTestId('stage-position').innerText(), { timeout: 15_000 }).toBe('Mål 1 av 10');
  });

  it('steps to the next goal by button and by Alt+↓, and the stage follows each time', async () => {
    const { keys } = await agenda(leader);
    await leader.getByRole('button', { name: 'Seuraava' }).click();
    await expect.poll(async () => (await agenda(leader)).current).toBe(keys[1]);
    await expect.poll(() => stage.getByTestId('stage-position').innerText(), { timeout: 15_000 }).toBe('Mål 2 av 10');

    await leader.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => (await agenda(leader)).current).toBe(keys[2]);
    await expect.poll(() => leader.getByTestId('review-position').innerText()).toBe('Tavoite 3 / 10');
    await expect.poll(() => stage.getByTestId('stage-position').innerText(), { timeout: 15_000 }).toBe('Mål 3 av 10');
    // The same goal on both: the stage's goal heading is the presenter's current goal.
    // (The stage reads Swedish: the same goal, its Swedish title.)
    await expect.poll(() => stage.locator('article[data-goal-key]').getAttribute('data-goal-key'), { timeout: 15_000 }).toBe(keys[2]);
    expect(await leader.locator('article[data-goal-key]').getAttribute('data-goal-key')).toBe(keys[2]);
  });

  it('records a decision with a follow-up for a development group on the current goal', async () => {
    const form = leader.getByRole('form', { name: 'Kirjaa päätös tai kommentti' });
    await form.getByLabel('Päätös tai kommentti').fill('Johtoryhmä päätti jatkaa koulutusta syksyllä.');
    await form.getByRole('checkbox', { name: 'Pyydä kehittämisryhmältä jatkotoimi' }).check();
    await form.getByLabel('Mitä ryhmältä pyydetään').fill('Raportoikaa POPE:n koulutustilanne lokakuussa');
    // Asked of the group the member in the Swedish browser belongs to (Ville Korhonen, opintopolut).
    await form.getByRole('combobox').selectOption(GROUP);
    await form.getByLabel('Määräaika').fill('2021-10-31');
    await form.getByRole('button', { name: 'Tallenna' }).click();
    await form.getByText('Tallennettu.').waitFor();
    await leader.getByText(/johtoryhmä pyysi 22\.9\.2021: Raportoikaa POPE:n koulutustilanne lokakuussa/).waitFor({ timeout: 15_000 });
    await leader.getByText('Avoin, määräaika 31.10.2021').waitFor();
    expect(await seriousAxeViolations(leader)).toEqual([]);
    await screenshot(leader, 'review-full-page-fi');
  });

  it('reads at the side panel width of 320 px, axe clean', async () => {
    await leader.setViewportSize({ width: 320, height: 900 });
    // Nothing of the review wider than the panel (named by tag and text, so a failure says what to fix).
    const wide = await leader.evaluate(() =>
      [...document.querySelectorAll('#main *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && e.getBoundingClientRect().width > 0)
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} ${(e.textContent ?? '').slice(0, 40)}`),
    );
    expect(wide).toEqual([]);
    expect(await seriousAxeViolations(leader)).toEqual([]);
    await screenshot(leader, 'review-side-panel-320-fi');
    await leader.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows the stage at 1920×1080 with the follow-up, axe clean', async () => {
    // Without a reload: the stage reads the current goal's decisions again every REVIEWS_POLL_MS.
    await stage.getByText(/ledningsgruppen bad 22\.9\.2021: Raportoikaa POPE:n koulutustilanne lokakuussa/).waitFor({ timeout: 25_000 });
    expect(await seriousAxeViolations(stage)).toEqual([]);
    await stage.screenshot({ path: `${process.cwd()}/test-results/screenshots/review-stage-1920-sv.png` });
  });

  it('corrects the decision by keyboard alone, and its earlier wording stays visible', async () => {
    const notes = leader.getByTestId('meeting-notes');
    const note = notes.locator('li[data-review-key]').filter({ hasText: 'Johtoryhmä päätti jatkaa koulutusta syksyllä.' });
    await note.getByRole('button', { name: 'Korjaa' }).focus();
    await leader.keyboard.press('Enter');
    // The text box takes the focus, holding the note's wording to correct.
    await expect.poll(() => leader.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.value)).toBe('Johtoryhmä päätti jatkaa koulutusta syksyllä.');
    await leader.keyboard.press('Control+A');
    await leader.keyboard.type(CORRECTED);
    await leader.keyboard.press('Tab');
    await expect.poll(() => leader.evaluate(() => document.activeElement?.textContent)).toBe('Tallenna korjaus');
    await leader.keyboard.press('Enter');
    const fixed = notes.locator('li[data-review-key]').filter({ hasText: CORRECTED });
    await fixed.getByText(/^Korjattu /).waitFor({ timeout: 15_000 });
    await fixed.getByText('Aiemmat sanamuodot (1)').click();
    await fixed.getByText('Johtoryhmä päätti jatkaa koulutusta syksyllä.').waitFor();
    expect(await seriousAxeViolations(leader)).toEqual([]);
  });

  it('withdraws a note with a reason: it stays listed, marked withdrawn', async () => {
    const form = leader.getByRole('form', { name: 'Kirjaa päätös tai kommentti' });
    const wrong = `Väärälle tavoitteelle kirjattu (${MEETING})`;
    await form.getByLabel('Päätös tai kommentti').fill(wrong);
    await form.getByRole('button', { name: 'Tallenna' }).click();
    const note = leader.getByTestId('meeting-notes').locator('li[data-review-key]').filter({ hasText: wrong });
    await note.getByRole('button', { name: 'Peru' }).click();
    await note.getByLabel('Miksi merkintä perutaan?').waitFor();
    await note.getByRole('button', { name: 'Peru merkintä' }).click();
    await note.getByText('Kerro, miksi merkintä perutaan.').waitFor();
    await note.getByLabel('Miksi merkintä perutaan?').fill('Kuului toiselle tavoitteelle');
    await note.getByRole('button', { name: 'Peru merkintä' }).click();
    await note.getByTestId('note-withdrawn').filter({ hasText: 'Kuului toiselle tavoitteelle' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => note.getByRole('button', { name: 'Korjaa' }).count()).toBe(0);
    expect(await seriousAxeViolations(leader)).toEqual([]);
    await leader.setViewportSize({ width: 320, height: 900 });
    await screenshot(leader, 'review-side-panel-notes-320-fi');
    await leader.setViewportSize({ width: 1280, height: 900 });
  });

  it('is axe clean in the dark and high-contrast appearances too: full page, side panel and stage', async () => {
    for (const theme of ['dark', 'contrast'] as const) {
      await leader.setViewportSize({ width: 1280, height: 900 });
      await open(leader, base, REVIEW, theme);
      expect(await leader.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await leader.getByTestId('meeting-notes').waitFor();
      expect(await seriousAxeViolations(leader), `review ${theme}`).toEqual([]);
      await leader.setViewportSize({ width: 320, height: 900 });
      expect(await seriousAxeViolations(leader), `side panel ${theme}`).toEqual([]);
      await open(stage, base, STAGE, theme);
      await stage.locator('article[data-goal-key]').waitFor({ timeout: 15_000 });
      expect(await seriousAxeViolations(stage), `stage ${theme}`).toEqual([]);
    }
    await leader.setViewportSize({ width: 1280, height: 900 });
    await open(leader, base, REVIEW);
    await open(stage, base, STAGE);
  });

  it('reads in Swedish at the side panel width: a Swedish-speaking leader sees the running review and its notes', async () => {
    const sv = await newContext(browser, { locale: 'sv-FI', viewport: { width: 320, height: 900 } });
    try {
      const page = await sv.newPage();
      await signIn(page, base, DEMO.leader, { language: 'sv' });
      await open(page, base, REVIEW);
      await expect.poll(() => page.getByTestId('review-position').innerText(), { timeout: 15_000 }).toBe('Mål 3 av 10');
      const notes = page.getByTestId('meeting-notes');
      await notes.getByText('Tidigare formuleringar (1)').waitFor({ timeout: 15_000 });
      await notes.getByText('Kuului toiselle tavoitteelle').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, 'review-side-panel-320-sv');
    } finally {
      await sv.close();
    }
  });

  it('ends the review, and the stage says so', async () => {
    await leader.getByRole('button', { name: 'Päätä katselmointi' }).click();
    await expect.poll(() => leader.getByTestId('session-state').innerText()).toContain('päättynyt');
    await stage.getByText('Genomgången har avslutats').waitFor({ timeout: 15_000 });
    expect(leaderErrors).toEqual([]);
  });

  it('shows the decision to a member of the asked group in My goals and goal detail (Swedish), who marks it done', async () => {
    const member = stage; // Ville Korhonen, member of the asked group, reading Swedish
    await member.setViewportSize({ width: 1280, height: 900 });
    await open(member, base, '/');
    const mine = member.getByTestId('my-follow-ups').locator('li[data-review-key]').filter({ hasText: ASK });
    await mine.waitFor({ timeout: 15_000 });
    expect(await mine.innerText()).toMatch(/Ledningsgruppen bad .+ 22\.9\.2021: Raportoikaa POPE:n koulutustilanne lokakuussa/);
    expect(await mine.innerText()).toContain('Senast 31.10.2021');
    expect(await seriousAxeViolations(member)).toEqual([]);
    await screenshot(member, 'my-goals-follow-up-sv');

    await mine.getByRole('link').click();
    await settle(member);
    const detail = member.locator('#goal-follow-ups').locator('..').locator('li[data-review-key]').filter({ hasText: ASK });
    await detail.waitFor({ timeout: 15_000 });
    // The corrected decision is in the goal's notes too, its first wording in the history.
    await member.getByText(CORRECTED).waitFor();
    expect(await seriousAxeViolations(member)).toEqual([]);
    await member.setViewportSize({ width: 400, height: 900 });
    await screenshot(member, 'goal-follow-up-400-sv');
    await member.setViewportSize({ width: 1280, height: 900 });

    await detail.getByRole('button', { name: 'Markera som klar' }).click();
    await expect.poll(() => member.locator('#goal-follow-ups').count(), { timeout: 15_000 }).toBe(0);
    // The decision's note now says who did it: the loop is closed for the leaders too.
    await member.getByTestId('note-follow-up').filter({ hasText: ASK }).filter({ hasText: 'Klar' }).filter({ hasText: 'Ville Korhonen' }).waitFor({ timeout: 15_000 });

    await open(member, base, '/');
    await expect.poll(() => member.locator('li[data-review-key]').filter({ hasText: ASK }).count(), { timeout: 15_000 }).toBe(0);
  });
});
