/**
 * Test wiring for tab components: real catalogs (read from disk), Fluent's Teams theme, and a
 * render helper. Components are queried by role and label, the way a screen reader sees them.
 */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, render } from '@testing-library/react';
import { afterEach } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../src/tab/i18n';
import type { Locale } from '../../../src/domain/localized';

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup());

// jsdom lacks ResizeObserver, which Fluent's positioning (menus, tooltips) uses.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

export const CATALOG_DIR = join(import.meta.dirname, '../../../src/tab/i18n');

export function readCatalogs(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const lng of readdirSync(CATALOG_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    out[lng] = {};
    for (const f of readdirSync(join(CATALOG_DIR, lng)).filter((f) => f.endsWith('.json'))) {
      out[lng][f.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(CATALOG_DIR, lng, f), 'utf8'));
    }
  }
  return out;
}

export async function renderTab(ui: ReactElement, lng: Locale = 'fi') {
  const i18n = await createI18n(lng, { resources: readCatalogs() as never });
  return render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={teamsLightTheme}>{ui}</FluentProvider>
    </I18nextProvider>,
  );
}
