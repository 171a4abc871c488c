/**
 * The accessibility check every e2e suite uses: axe-core with the WCAG 2.0/2.1 A and AA rules,
 * serious and critical findings only, and the three themes Teams can show the tab in.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, type ThemeName } from './app';

export const THEMES: readonly ThemeName[] = ['light', 'dark', 'contrast'];

export interface AxeIssue {
  id: string;
  impact: string | null | undefined;
  help: string;
  /** The first few offending nodes: selector, the start of their HTML, and axe's explanation. */
  nodes: string[];
}

/**
 * The serious and critical violations on the page as it stands.
 *
 * Fluent UI's focus management (tabster) puts focus-trap sentinels (`data-tabster-dummy`) at the
 * edges of focus groups, dialogs and arrow-key regions such as the charts: they are aria-hidden yet
 * focusable by design, and hand focus on at once without ever holding it. axe cannot know that and
 * reports them as aria-hidden focusable content, so they are left out of every check (keyboard.test.ts
 * drives a whole check-in by Tab and arrows, which a sentinel that held focus would break).
 */
export async function seriousAxeViolations(page: Page): Promise<AxeIssue[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('[data-tabster-dummy]').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`),
    }));
}

/**
 * The three-theme axe suite for views that need only to be opened: for each theme, `show` opens
 * each view in it (signed in or not, in a language, as the suite needs); the page must then be in
 * that theme and have no serious or critical violations. `title` names a view in the test names
 * (`$path`, `$name`: a field of the view). A view with a `screenshot` name is saved as
 * `<screenshot>-<theme>.png` once it has passed, an artifact of the check rather than a test of its own.
 */
export function describeAxeInThemes<V extends object & { screenshot?: string }>(views: readonly V[], show: (view: V, theme: ThemeName) => Promise<Page>, title = '$path'): void {
  describe.each(THEMES)('axe (WCAG 2.1 A/AA) in the %s theme', (theme) => {
    it.each(views)(`${title} has no serious or critical violations`, async (view) => {
      const page = await show(view, theme);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      expect(await seriousAxeViolations(page)).toEqual([]);
      if (view.screenshot) await screenshot(page, `${view.screenshot}-${theme}`);
    });
  });
}
