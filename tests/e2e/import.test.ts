/**
 * From an Excel goal table to reminders, in a real Chromium against the real server: an admin
 * imports the table on the admin import page (mapping the one header the importer does not know),
 * confirms, sees the plan on the dashboard; a group created by the import is linked to a channel
 * with the same card action the Agents Playground and Teams send; a dry-run reminder pass lists
 * the card that would go to that channel. The whole path is timed and printed. Also: a bad file
 * gets a message in Swedish naming the problem, and the page passes axe.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createReminderRunner } from '../../src/bot';
import { VERBS } from '../../src/cards';
import { exportReport } from '../../src/reports';
import { themeDeletion } from '../../src/domain/life-cycle';
import { launchBrowser, newContext, watchErrors } from './support/browser';
import { DEMO, open, screenshot, SCREENSHOT_DIR, settle, signIn } from './support/app';
import { seriousAxeViolations } from './support/axe';
import { activities, startHarness, type Harness } from '../integration/bot/harness';

const FIXTURES = join(__dirname, '../fixtures/import');
const PLAN = 'e2e-tuonti-2021';
const TEAM = '19:e2e-hankekoordinaatio@thread.tacv2';

let browser: Browser;
let h: Harness;
let base: string;
beforeAll(async () => {
  // Its own server in this process (the tab the global setup built), so the test can run the
  // reminder pass on the same services afterwards.
  [browser, h] = await Promise.all([launchBrowser(), startHarness()]);
  base = h.server.url;
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

/** `open`, leaving a screenshot of what the page showed when it did not settle. */
async function openOrShow(p: Page, path: string): Promise<void> {
  try {
    await open(p, base, path);
  } catch (e) {
    await screenshot(p, `import-open-failed-${path.replace(/\W+/g, '-')}`);
    throw e;
  }
}

describe('importing a goal table on the admin page', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext(browser, { locale: 'fi-FI' });
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  it('goes from the Excel file to a plan on the dashboard and a reminder card for the linked channel', async () => {
    const errors = watchErrors(page);
    const t0 = Date.now();
    const lap: [string, number][] = [];
    const mark = (what: string) => lap.push([what, Date.now() - t0]);

    await signIn(page, base, DEMO.admin, { language: 'fi' });
    await open(page, base, '/admin/plans');
    await page.getByRole('link', { name: 'Tuo tavoitetaulukko' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tuo tavoitetaulukko' }).waitFor();
    await page.getByRole('combobox', { name: 'Tuo suunnitelmaan' }).selectOption({ label: 'Uusi suunnitelma' });
    await page.getByRole('textbox', { name: 'Uuden suunnitelman tunniste' }).fill(PLAN);
    await page.getByLabel('Tavoitetaulukko (.xlsx tai .csv, enintään 10 Mt)').setInputFiles(join(FIXTURES, 'e2e-vantaa-huomiot.xlsx'));
    await page.getByRole('heading', { name: '3. Esikatselu' }).waitFor();
    mark('file read, preview shown');

    // The unknown header blocks the import until it is mapped.
    await page.getByText('Otsikkoa ”Huomiot” ei tunnistettu.').waitFor();
    const confirm = page.getByRole('button', { name: 'Tuo', exact: true });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByRole('combobox', { name: 'Sarake Huomiot luetaan tietona' }).selectOption({ label: 'Kuvaus' });
    await page.getByRole('button', { name: 'Päivitä esikatselu' }).first().click();
    await page.getByText('Otsikkoa ”Huomiot” ei tunnistettu.').waitFor({ state: 'hidden' });
    await page.getByText('Tavoitteet: 6 uutta, 0 muuttuu, 0 ennallaan').waitFor();
    await page.getByText('Tilannepäivitykset: 6 uutta, 0 jo olemassa').waitFor();
    await page.getByText('Luodaan 1 kehittämisryhmä:').waitFor();
    expect(await confirm.isDisabled()).toBe(false);
    mark('header mapped');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'import-preview-fi');

    await confirm.click();
    await page.getByRole('heading', { name: '4. Tulos' }).waitFor();
    await page.getByText('Luotiin 1 teemaa, 6 tavoitetta, 6 tilannepäivitystä ja 1 kehittämisryhmää; 0 päivitettiin.').waitFor();
    mark('imported');
    await screenshot(page, 'import-result-fi');

    await page.getByRole('link', { name: 'Avaa suunnitelma koontinäkymässä' }).click();
    await settle(page);
    await page.getByText('Kehittämisryhmät lisäävät palvelualueiden yhteistä työtä').first().waitFor();
    mark('dashboard shows the plan');
    await screenshot(page, 'import-dashboard-fi');

    // Link the group the import created to a channel, as the welcome card's action does in Teams or the Playground.
    const aino = { aadObjectId: DEMO.admin, name: 'Aino Virtanen' };
    const groups = (await h.server.services.repo.groups.list()).items.map((g) => g.value);
    const created = groups.find((g) => g.name.fi === 'Hankekoordinaatio kehittämisryhmä');
    expect(created).toBeDefined();
    await h.post(activities.teamInstall(h.connector.url, TEAM, aino));
    const linked = await h.post(activities.cardAction(h.connector.url, aino, TEAM, VERBS.link, { groupKey: created!.key }));
    expect(linked.status).toBe(200);
    expect((await h.server.services.repo.groups.get(created!.key)).value.conversation?.conversationId).toBe(TEAM);
    mark('group linked to its channel');

    const runner = await createReminderRunner(h.server.services.bot);
    const report = await runner.runReminders({ planKey: PLAN, period: '2021-09', dryRun: true });
    await runner.close();
    const toTeam = report.planned.filter((o) => o.conversation.conversationId === TEAM);
    expect(toTeam.map((o) => o.kind)).toEqual(['group']);
    // The card names the goals the import gave the group.
    const groupGoals = (await h.server.services.repo.goals.list({ planKey: PLAN })).items.map((g) => g.value).filter((g) => g.responsibleGroupKeys.includes(created!.key));
    expect(groupGoals.length).toBeGreaterThan(0);
    for (const g of groupGoals) expect(JSON.stringify(toTeam[0]!.card)).toContain(g.title.slice(0, 40));
    expect(report.sent).toEqual([]);
    mark('dry-run reminder lists the card');

    const total = lap[lap.length - 1]![1];
    console.log(`Import path, file to reminder card (${(total / 1000).toFixed(1)} s):\n${lap.map(([w, ms]) => `  ${(ms / 1000).toFixed(1).padStart(5)} s  ${w}`).join('\n')}\n  would send: ${toTeam.map((o) => `${o.kind} card to ${o.conversation.conversationId} on ${groupGoals.length} goal(s): ${groupGoals.map((g) => g.title).join('; ')}`).join(' | ')}`);
    // The issue's bar is 15 minutes for a person; the machine's part must be a small share of it.
    expect(total).toBeLessThan(60_000);
    expect(errors.errors).toEqual([]);
  });

  it('names the problem of a PNG renamed .xlsx in Swedish', async () => {
    const sv = await newContext(browser, { locale: 'sv-FI' });
    const p = await sv.newPage();
    await signIn(p, base, DEMO.admin, { language: 'sv' });
    await open(p, base, `/admin/import?plan=${PLAN}`);
    await p.getByLabel('Måltabell (.xlsx eller .csv, högst 10 MB)').setInputFiles(join(FIXTURES, 'png-renamed.xlsx'));
    await p.getByRole('alert').getByText('Det här är inget kalkylark. Välj en .xlsx- eller .csv-fil.').waitFor();
    expect(await seriousAxeViolations(p)).toEqual([]);
    await screenshot(p, 'import-bad-file-sv');
    await sv.close();
  });

  it('creates next year\'s plan from this one by keyboard, lets its targets be edited before it starts, archives it after a confirmation saying what archiving does, and restores it', async () => {
    const errors = watchErrors(page);
    const repo = h.server.services.repo;
    // Signed in as the admin in Finnish by the first case of this file.
    await openOrShow(page, '/admin/plans/vantaa-ko-2021?plan=vantaa-ko-2021');
    await page.getByRole('heading', { name: 'Luo uusi suunnitelma tämän pohjalta' }).waitFor();
    const key = page.getByRole('textbox', { name: 'Uuden suunnitelman tunniste' });
    expect(await key.inputValue()).toBe('vantaa-ko-2022');
    const source = (await repo.plans.get('vantaa-ko-2021')).value;
    const titleFi = page.getByRole('group', { name: 'Uuden suunnitelman nimi' }).getByRole('textbox').first();
    expect(await titleFi.inputValue()).toBe(source.title.fi.replace('2021', '2022'));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'plan-life-cycle-fi');

    // Keyboard only: from the last field of the form, Tab reaches the create button and Enter submits.
    await page.getByRole('group', { name: 'Uuden suunnitelman nimi' }).getByRole('textbox').last().focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Luo uusi suunnitelma');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/plans\/vantaa-ko-2022/);
    await page.getByRole('button', { name: 'Arkistoi suunnitelma' }).waitFor();
    const goals = (await repo.goals.list({ planKey: 'vantaa-ko-2022' })).items;
    expect(goals.length).toBe((await repo.goals.list({ planKey: 'vantaa-ko-2021' })).items.length);
    expect(goals.every((g) => Object.keys(g.value.summary).length === 0)).toBe(true);

    // The copied goals are edited in the same editor before the new plan starts.
    const first = goals[0]!.value;
    await openOrShow(page, `/admin/goals/${encodeURIComponent(first.key)}?plan=vantaa-ko-2022`);
    const targetFi = page.getByRole('textbox', { name: 'Tavoitetason kuvaus', exact: true });
    await targetFi.fill('Tavoitetaso 2022: kaikki palvelualueet mukana');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.getByText('Tallennettu', { exact: true }).waitFor();
    expect((await repo.goals.get(first.key)).value.target.text).toBe('Tavoitetaso 2022: kaikki palvelualueet mukana');

    await page.getByRole('tab', { name: 'Suunnitelmat' }).click();
    await page.getByRole('link', { name: source.title.fi.replace('2021', '2022') }).click();
    await page.getByRole('button', { name: 'Arkistoi suunnitelma' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Suunnitelmaa ei voi enää muokata missään').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'plan-archive-confirm-fi');
    await dialog.getByRole('button', { name: 'Arkistoi', exact: true }).click();
    await page.getByText(/^Arkistoitu .*: vain luku/).waitFor();
    expect((await repo.plans.get('vantaa-ko-2022')).value.archivedAt).toBeDefined();
    await page.getByText('Suunnitelma on arkistoitu, joten sen suunnitelmaa, teemoja ja tavoitteita ei voi muokata.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Tallenna' }).isDisabled()).toBe(true);
    await screenshot(page, 'plan-archived-fi');

    await page.getByRole('button', { name: 'Palauta suunnitelma' }).click();
    await page.getByRole('button', { name: 'Arkistoi suunnitelma' }).waitFor();
    expect((await repo.plans.get('vantaa-ko-2022')).value.archivedAt).toBeUndefined();
    expect(errors.errors).toEqual([]);
  });

  it('deletes a theme of the copied plan after a confirmation naming it and the goals under it, and refuses a goal with check-ins, saying so in Swedish', async () => {
    const errors = watchErrors(page);
    const repo = h.server.services.repo;
    const themes = (await repo.themes.list({ planKey: 'vantaa-ko-2022' })).items.map((t) => t.value);
    const goals = (await repo.goals.list({ planKey: 'vantaa-ko-2022' })).items.map((g) => g.value);
    // The demo's goals sit in focus areas under the top-level themes: a top-level theme takes them along.
    const theme = themes.find((t) => !t.parentKey && themeDeletion(t.key, themes, goals).goals.length > 0)!;
    const goes = themeDeletion(theme.key, themes, goals);
    const under = new Set(goes.themes);
    const count = goes.goals.length;

    await openOrShow(page, `/admin/themes/${encodeURIComponent(theme.key)}?plan=vantaa-ko-2022`);
    await page.getByRole('button', { name: 'Poista', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: new RegExp(`Poistetaanko teema ”${theme.code}`) }).waitFor();
    await dialog.getByText(new RegExp(`ja ${count} tavoite`)).waitFor();
    expect(await dialog.getByRole('listitem').count()).toBeGreaterThanOrEqual(count);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'delete-theme-confirm-fi');
    // Escape closes without deleting; the keyboard gets back to the dialog and confirms.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await repo.themes.find(theme.key)).toBeDefined();
    await page.getByRole('button', { name: 'Poista', exact: true }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Poista pysyvästi' }).click();
    await page.waitForURL(/\/admin\/themes\?plan=vantaa-ko-2022$/);
    expect(await repo.themes.find(theme.key)).toBeUndefined();
    expect((await repo.goals.list({ planKey: 'vantaa-ko-2022' })).items.filter((g) => under.has(g.value.themeKey))).toEqual([]);

    // A goal with history can only be archived with its plan: the dialog says why, in Swedish.
    const sv = await newContext(browser, { locale: 'sv-FI', viewport: { width: 400, height: 900 } });
    const p = await sv.newPage();
    const svErrors = watchErrors(p);
    await signIn(p, base, DEMO.admin, { language: 'sv' }).catch(async (e: unknown) => {
      await screenshot(p, 'import-sign-in-failed-sv-400');
      throw e;
    });
    const withHistory = (await repo.goals.list({ planKey: 'vantaa-ko-2021' })).items.find((g) => Object.keys(g.value.summary).length > 0)!.value;
    await openOrShow(p, '/admin/plans/vantaa-ko-2021?plan=vantaa-ko-2021');
    await p.getByRole('heading', { name: 'Skapa en ny plan utifrån den här' }).waitFor();
    await p.getByRole('region', { name: 'Planens livscykel' }).screenshot({ path: join(SCREENSHOT_DIR, 'plan-life-cycle-sv-400.png') });
    await openOrShow(p, `/admin/goals/${encodeURIComponent(withHistory.key)}?plan=vantaa-ko-2021`);
    await p.getByRole('button', { name: 'Ta bort', exact: true }).click();
    const d = p.getByRole('dialog');
    await d.getByRole('button', { name: 'Ta bort för gott' }).click();
    await d.getByRole('alert').getByText(/Kan inte tas bort: målen .* har \d+ uppföljning.*arkivera planen i stället/).waitFor();
    expect(await d.getByRole('button', { name: 'Ta bort för gott' }).isDisabled()).toBe(true);
    expect(await repo.goals.find(withHistory.key)).toBeDefined();
    expect(await seriousAxeViolations(p)).toEqual([]);
    await screenshot(p, 'delete-goal-history-sv-400');
    await d.screenshot({ path: join(SCREENSHOT_DIR, 'delete-goal-history-sv-400-dialog.png') });
    await sv.close();
    expect(svErrors.errors.filter((e) => !e.includes('409'))).toEqual([]);
    expect(errors.errors).toEqual([]);
  });
  it('imports the Excel board report of a plan as a new plan from the admin page, read from the report\'s own data sheet', async () => {
    const errors = watchErrors(page);
    const repo = h.server.services.repo;
    const exported = await exportReport(h.server.services.board, { plan: 'vantaa-ko-2021', period: '2021-08', lang: 'sv', format: 'xlsx' }, new Date('2021-09-22T09:00:00Z'));
    // In-app, from where the previous case left the admin (the themes list).
    await page.getByRole('tab', { name: 'Suunnitelmat' }).click();
    await page.getByRole('link', { name: 'Tuo tavoitetaulukko' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tuo tavoitetaulukko' }).waitFor();
    await page.getByRole('combobox', { name: 'Tuo suunnitelmaan' }).selectOption({ label: 'Uusi suunnitelma' });
    await page.getByRole('textbox', { name: 'Uuden suunnitelman tunniste' }).fill('e2e-raportista-2021');
    await page.getByLabel('Tavoitetaulukko (.xlsx tai .csv, enintään 10 Mt)').setInputFiles({ name: exported.fileName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(exported.bytes) });
    await page.getByText('Tämä on Tavoitteet-sovelluksen Excel-raportti.', { exact: false }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'import-report-preview-fi');
    await page.getByRole('button', { name: 'Tuo', exact: true }).click();
    await page.getByRole('heading', { name: '4. Tulos' }).waitFor();
    const [from, to] = await Promise.all([repo.goals.list({ planKey: 'vantaa-ko-2021' }), repo.goals.list({ planKey: 'e2e-raportista-2021' })]);
    expect(to.items.map((g) => g.value.title).sort()).toEqual(from.items.map((g) => g.value.title).sort());
    expect(to.items.some((g) => Object.keys(g.value.summary).length > 0)).toBe(true);
    expect(errors.errors).toEqual([]);
  });
});
