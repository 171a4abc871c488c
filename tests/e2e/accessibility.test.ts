import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser';
import { DEMO, open, signIn } from './support/app';
import { describeAxeInThemes } from './support/axe';

const base = inject('baseUrl');
const VIEWS = [
  { name: 'my-goals', path: '/', screenshot: 'my-goals-fi' },
  { name: 'check-in', path: '/check-in/vantaa-ko-2021.g2?period=2021-09&unit=POPE', screenshot: 'check-in-pope-fi' },
  { name: 'config', path: '/config' },
  { name: 'accessibility', path: '/accessibility' },
];

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser, { locale: 'fi-FI' });
  page = await context.newPage();
  await signIn(page, base, DEMO.groupMember);
});
afterAll(async () => {
  await browser?.close();
});

describeAxeInThemes(
  VIEWS,
  async ({ path }, theme) => {
    await open(page, base, path, theme);
    return page;
  },
  '$name',
);
