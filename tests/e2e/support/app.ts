/**
 * Helpers for driving the tab like a person: sign in as a demo user, open a view in a language
 * and theme, save a screenshot (axe is in `axe.ts`). Shared by every e2e suite (My goals, check-in, dashboard…).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Demo users (src/demo/people.ts) by role in the scenarios. */
export const DEMO = {
  admin: '00000000-0000-4000-8000-000000000001',
  leader: '00000000-0000-4000-8000-000000000002',
  responsible: '00000000-0000-4000-8000-000000000003',
  groupMember: '00000000-0000-4000-8000-000000000004',
  welfareMember: '00000000-0000-4000-8000-000000000005',
  swedishMember: '00000000-0000-4000-8000-000000000006',
  outsider: '00000000-0000-4000-8000-000000000007',
} as const;

export type ThemeName = 'light' | 'dark' | 'contrast';

/** Picks the demo user on the local sign-in page and waits for the first view. */
export async function signIn(page: Page, baseUrl: string, userId: string, opts: { language?: 'fi' | 'sv' | 'en'; theme?: ThemeName } = {}): Promise<void> {
  await page.goto(`${baseUrl}/${opts.theme ? `?theme=${opts.theme}` : ''}`);
  if (opts.language) await page.evaluate((l) => localStorage.setItem('tavoitteet.language', l), opts.language);
  if (opts.language) await page.reload();
  await page.locator(`[data-user-id="${userId}"]`).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** Opens an in-app path (theme via `?theme=`), waiting until loading skeletons are gone. */
export async function open(page: Page, baseUrl: string, path: string, theme?: ThemeName): Promise<void> {
  const sep = path.includes('?') ? '&' : '?';
  await page.goto(`${baseUrl}${path}${theme ? `${sep}theme=${theme}` : ''}`);
  await settle(page);
}

/** Waits for the view to finish loading (no busy skeletons, a heading shown). */
export async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0); // no stray hover state in screenshots and contrast checks
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Parts drawn a moment after the view (components/when-near.tsx) are drawn too.
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"], [data-deferred-part]').length === 0, undefined, { timeout: 20_000 });
  // A reopened view shows the persisted cache first and revalidates it: wait for the fresh data.
  await page.waitForFunction(() => !document.querySelector('[data-testid="cached-data-notice"]')?.textContent, undefined, { timeout: 20_000 });
  await page.evaluate(() => document.fonts?.ready);
}

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A page that records any dialog (alert/confirm) so XSS checks can assert none opened. */
export async function pageWithDialogWatch(context: BrowserContext): Promise<{ page: Page; dialogs: string[] }> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { page, dialogs };
}
