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
import { launchBrowser, newContext, watchErrors } from './support/browser';
import { DEMO, open, screenshot, settle, signIn } from './support/app';
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
    expect(report.sent).toEqual([]);
    mark('dry-run reminder lists the card');

    const total = lap[lap.length - 1]![1];
    console.log(`Import path, file to reminder card (${(total / 1000).toFixed(1)} s):\n${lap.map(([w, ms]) => `  ${(ms / 1000).toFixed(1).padStart(5)} s  ${w}`).join('\n')}\n  would send: ${toTeam.map((o) => o.summary).join('; ')}`);
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
});
