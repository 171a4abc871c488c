/**
 * The privacy notice and terms of use (the Teams manifest's privacyUrl and termsOfUseUrl): both
 * open in Finnish, Swedish and English with their headings, are readable before signing in, are
 * linked from the footer, and have no serious axe findings in the three themes.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launchBrowser, newContext, watchErrors } from './support/browser';
import { DEMO, open, signIn, type ThemeName } from './support/app';
import { describeAxeInThemes } from './support/axe';

const base = inject('baseUrl');
const LANGS = ['fi', 'sv', 'en'] as const;
const DOCS = [
  { path: '/privacy', key: 'privacy', sections: 14 },
  { path: '/terms', key: 'terms', sections: 8 },
] as const;
type Catalog = Record<'privacy' | 'terms', { title: string; sections: Record<string, { title: string }> }>;
const catalog = (l: string) => JSON.parse(readFileSync(`src/tab/i18n/${l}/legal.json`, 'utf8')) as Catalog;

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser, { locale: 'fi-FI' });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

async function inLanguage(p: Page, l: string, path: string, theme?: ThemeName) {
  await p.evaluate((lng) => localStorage.setItem('tavoitteet.language', lng), l);
  await open(p, base, path, theme);
}

describe('before signing in', () => {
  it.each(DOCS)('$path is readable without a sign-in and links the other documents', async ({ path, key }) => {
    const fresh = await newContext(browser, { locale: 'fi-FI' });
    const p = await fresh.newPage();
    const { errors } = watchErrors(p);
    await open(p, base, path);
    expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe(catalog('fi')[key].title);
    expect(await p.locator('[data-user-id]').count()).toBe(0); // not the sign-in picker
    await expect(p.getByRole('contentinfo').getByRole('link').allTextContents()).resolves.toEqual(['Saavutettavuusseloste', 'Tietosuojaseloste', 'Käyttöehdot']);
    await p.getByRole('button', { name: 'Svenska' }).click();
    await p.getByRole('heading', { level: 1, name: catalog('sv')[key].title }).waitFor();
    expect(await p.evaluate(() => document.documentElement.lang)).toBe('sv');
    expect(errors).toEqual([]);
    await fresh.close();
  });
});

describe('signed in', () => {
  beforeAll(async () => {
    await signIn(page, base, DEMO.groupMember);
  });

  describe.each(LANGS)('in %s', (l) => {
    it.each(DOCS)('$path shows its title and every section heading', async ({ path, key, sections }) => {
      await inLanguage(page, l, path);
      const c = catalog(l)[key];
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(c.title);
      const h2 = await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents();
      expect(h2).toEqual(Object.values(c.sections).map((s) => s.title));
      expect(h2).toHaveLength(sections);
      expect(await page.title()).toContain(c.title);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(l);
    });
  });

  it('reaches both documents from the footer', async () => {
    await inLanguage(page, 'fi', '/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tietosuojaseloste' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tietosuojaseloste' }).waitFor();
    await page.getByRole('contentinfo').getByRole('link', { name: 'Käyttöehdot' }).click();
    await page.getByRole('heading', { level: 1, name: 'Käyttöehdot' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/terms');
  });

  describeAxeInThemes(DOCS, async ({ path }, theme) => {
    await inLanguage(page, 'fi', path, theme);
    return page;
  });
});
