/**
 * The leaders' review in a meeting, in a real Chromium against the real server and demo data: a
 * leader opens the review for 2021-09 (Finnish), starts it, steps through three goals worst first
 * by button and by keyboard, records a decision with a follow-up for a development group by keyboard
 * alone; a second browser (Swedish) on the stage URL follows the presenter to each goal without a
 * reload, and says so when the review ends. Ending it posts the summary to the asked group's
 * channel once; the group's next reminder card (a dry-run pass on this test's own server) lists the
 * follow-up until a member marks it done. axe is clean on the review page, the side panel width and
 * the stage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createReminderRunner } from '../../src/bot';
import { VERBS } from '../../src/cards';
import { launchBrowser, newContext, watchErrors } from './support/browser';
import { DEMO, open, screenshot, settle, signIn } from './support/app';
import { seriousAxeViolations } from './support/axe';
import { activities, startHarness, type Harness } from '../integration/bot/harness';

const PLAN = 'vantaa-ko-2021';
const MEETING = `e2e-review-${Date.now().toString(36)}`;
const REVIEW = `/review?plan=${PLAN}&period=2021-09&meeting=${MEETING}`;
const STAGE = `/review/stage?meeting=${MEETING}`;
const GROUP = 'opintopolut-ohjaus';
/** The asked group's channel: the demo data links no group, so the test links it as the welcome card does. */
const TEAM = '19:e2e-review-opintopolut@thread.tacv2';
/** Unique to this run, so other files' notes never match. */
const ASK = `Raportoikaa POPE:n koulutustilanne lokakuussa`;
const CORRECTED = `Johtoryhmä päätti jatkaa koulutusta keväällä (${MEETING}).`;

let browser: Browser;
let h: Harness;
let base: string;
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
  // Its own server in this process (the tab the global setup built), so the test can link the
  // asked group's channel and run the reminder pass on the same services, as import.test.ts does.
  [browser, h] = await Promise.all([launchBrowser(), startHarness()]);
  base = h.server.url;
  const aino = { aadObjectId: DEMO.admin, name: 'Aino Virtanen' };
  await h.post(activities.teamInstall(h.connector.url, TEAM, aino));
  const linked = await h.post(activities.cardAction(h.connector.url, aino, TEAM, VERBS.link, { groupKey: GROUP }));
  expect(linked.status).toBe(200);
  expect((await h.server.services.repo.groups.get(GROUP)).value.conversation?.conversationId).toBe(TEAM);
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
  await h?.close();
});

/** The group reminder card a reminder pass for 2021-09 would send to the asked group's channel (a dry run: nothing is sent). */
async function groupReminderCard(): Promise<string> {
  const runner = await createReminderRunner(h.server.services.bot);
  try {
    const report = await runner.runReminders({ planKey: PLAN, period: '2021-09', dryRun: true });
    expect(report.sent).toEqual([]);
    const toGroup = report.planned.filter((o) => o.target === `group:${GROUP}`);
    expect(toGroup.map((o) => [o.kind, o.conversation.conversationId])).toEqual([['group', TEAM]]);
    return JSON.stringify(toGroup[0]!.card);
  } finally {
    await runner.close();
  }
}

/** Presses Tab (or Shift+Tab) until the focused element is `what`, at most `max` times; fails naming what had the focus. */
async function tabTo(page: Page, what: (el: { tag: string; type: string; name: string }) => boolean, o: { back?: boolean; max?: number } = {}) {
  const seen: string[] = [];
  for (let i = 0; i < (o.max ?? 4); i++) {
    await page.keyboard.press(o.back ? 'Shift+Tab' : 'Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLInputElement | null;
      const label = a?.labels?.[0]?.textContent ?? a?.getAttribute('aria-label') ?? a?.textContent ?? '';
      return { tag: a?.tagName.toLowerCase() ?? '', type: a?.type ?? '', name: label.replace(/\s+/g, ' ').trim() };
    });
    if (what(el)) return;
    seen.push(`${el.tag}[${el.type}] ${el.name}`);
  }
  throw new Error(`Focus never reached the element; it went through: ${seen.join(' → ')}`);
}

/** The focused element's value (a text box, select or date input). */
const focusedValue = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value);

/**
 * Types a date into the focused date input by keyboard. Its day, month and year fields come in the
 * order of the browser's own locale (dd.mm.yyyy or mm/dd/yyyy), so a probe date tells the order;
 * Shift+Tab goes back to the first field and the date is typed over it.
 */
async function typeDate(page: Page, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-') as [string, string, string];
  await page.keyboard.type('01022003');
  const probe = await focusedValue(page);
  const digits = probe === '2003-02-01' ? `${d}${m}${y}` : probe === '2003-01-02' ? `${m}${d}${y}` : undefined;
  if (!digits) throw new Error(`The date input read 01, 02, 2003 as ${probe}: its field order is neither day-month-year nor month-day-year`);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type(digits);
}

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

  it('records a decision with a follow-up for a development group on the current goal by keyboard alone, axe clean', async () => {
    const form = leader.getByRole('form', { name: 'Kirjaa päätös tai kommentti' });
    // Into the form from the agenda's current goal, the presenter's place, with Tab only.
    await leader.locator('ol button[aria-current="step"]').focus();
    await tabTo(leader, (e) => e.type === 'radio', { max: 40 });
    // The kind is a radio group: the arrows move between Päätös and Kommentti.
    await leader.keyboard.press('ArrowRight');
    await expect.poll(() => form.getByRole('radio', { name: 'Kommentti' }).isChecked()).toBe(true);
    // A comment carries no follow-up: its checkbox is not offered.
    expect(await form.getByRole('checkbox', { name: 'Pyydä kehittämisryhmältä jatkotoimi' }).count()).toBe(0);
    await leader.keyboard.press('ArrowLeft');
    await expect.poll(() => form.getByRole('radio', { name: 'Päätös' }).isChecked()).toBe(true);
    await tabTo(leader, (e) => e.tag === 'textarea' && e.name.startsWith('Päätös tai kommentti'));
    await leader.keyboard.type('Johtoryhmä päätti jatkaa koulutusta syksyllä.');
    await tabTo(leader, (e) => e.type === 'checkbox');
    await leader.keyboard.press('Space');
    await expect.poll(() => form.getByRole('checkbox', { name: 'Pyydä kehittämisryhmältä jatkotoimi' }).isChecked()).toBe(true);
    await tabTo(leader, (e) => e.tag === 'textarea' && e.name.startsWith('Mitä ryhmältä pyydetään'));
    await leader.keyboard.type(ASK);
    // Asked of the group the member in the Swedish browser belongs to (Ville Korhonen, opintopolut):
    // the arrows step through the closed select until it holds that group.
    await tabTo(leader, (e) => e.tag === 'select');
    const groups = await form.getByRole('combobox').evaluate((s) => [...(s as HTMLSelectElement).options].map((o) => o.value));
    expect(groups).toContain(GROUP);
    const steps = groups.indexOf(GROUP) - groups.indexOf((await focusedValue(leader)) ?? '');
    for (let i = 0; i < Math.abs(steps); i++) await leader.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
    expect(await focusedValue(leader)).toBe(GROUP);
    await tabTo(leader, (e) => e.type === 'date');
    await typeDate(leader, '2021-10-31');
    expect(await focusedValue(leader)).toBe('2021-10-31');
    // Back to the ask with Shift+Tab to check it is there, then on to Tallenna and Enter.
    await tabTo(leader, (e) => e.tag === 'textarea' && e.name.startsWith('Mitä ryhmältä pyydetään'), { back: true, max: 6 });
    expect(await focusedValue(leader)).toBe(ASK);
    await tabTo(leader, (e) => e.tag === 'button' && e.name === 'Tallenna', { max: 8 });
    await leader.keyboard.press('Enter');
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
    // The asked group's channel gets the summary with its follow-up, once (the page is outside a Teams meeting: no chat).
    const toTeam = () => h.connector.delivered().filter((r) => r.method === 'POST' && r.conversationId === TEAM && JSON.stringify(r.body).includes(ASK));
    await expect.poll(() => toTeam().length, { timeout: 15_000 }).toBe(1);
    expect(JSON.stringify(toTeam()[0]!.body)).toContain('Johtoryhmän katselmointi 22.9.2021');
    expect((await h.server.services.repo.reminderLog.get(`summary|${MEETING}|group:${GROUP}`)).value).toMatchObject({ state: 'sent', conversationId: TEAM });
  });

  it("lists the follow-up with its due date in the next reminder card for the asked group's channel", async () => {
    const card = await groupReminderCard();
    // The group works in Finnish (demo): "Johtoryhmä pyysi 22.9.2021: …, määräaika 31.10.2021".
    expect(card).toContain(`Johtoryhmä pyysi 22.9.2021: ${ASK}, määräaika 31.10.2021`);
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

  it('no longer lists the follow-up in the reminder card once a member has marked it done', async () => {
    const card = await groupReminderCard();
    expect(card).not.toContain(ASK);
    // Still the group's card for the period, naming its goals: only the done follow-up has left it.
    const goals = (await h.server.services.repo.goals.list({ planKey: PLAN })).items.map((g) => g.value).filter((g) => g.responsibleGroupKeys.includes(GROUP));
    expect(goals.length).toBeGreaterThan(0);
    for (const g of goals) expect(card).toContain(JSON.stringify(g.title.slice(0, 40)).slice(1, -1));
  });
});
