/**
 * Test wiring for tab components: real catalogs (read from disk), Fluent's Teams theme, and render
 * helpers: `renderTab` for a component, `renderView` for a routed view over `fakeServices`.
 * Components are queried by role and label, the way a screen reader sees them.
 */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, render } from '@testing-library/react';
import { afterEach } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { CheckIn, Goal, Group, Plan, Review, Theme, Unit } from '../../../src/domain';
import type { Locale } from '../../../src/domain/localized';
import type { ListResult, Versioned } from '../../../src/ports';
import { ServicesProvider, type Api, type Me, type Services } from '../../../src/tab/data';
import type { Reads } from '../../../src/tab/data/reads';
import { createI18n } from '../../../src/tab/i18n';
import { LanguageProvider } from '../../../src/tab/i18n/locale';
import { RouterProvider } from '../../../src/tab/routing/router';
import { ThemeProvider } from '../../../src/tab/theme/theme';

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

// jsdom does no SVG layout; the charts measure their axis labels with getComputedTextLength.
if (typeof window !== 'undefined' && !('getComputedTextLength' in window.SVGElement.prototype)) {
  (window.SVGElement.prototype as unknown as { getComputedTextLength(): number }).getComputedTextLength = () => 0;
}

// Nor canvas: the charts' text measuring falls back when there is no 2D context (jsdom would log
// "not implemented" for every call).
if (typeof window !== 'undefined') window.HTMLCanvasElement.prototype.getContext = (() => null) as never;

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
    <LanguageProvider i18n={i18n}>
      <FluentProvider theme={teamsLightTheme}>{ui}</FluentProvider>
    </LanguageProvider>,
  );
}

/** What a rendered view reads: the demo dataset (or another), as of the app's local-mode clock. */
export interface FakeData {
  plans: Plan[];
  themes: Theme[];
  goals: Goal[];
  groups: Group[];
  units: Unit[];
  checkIns: CheckIn[];
  reviews?: Review[];
}

const versioned = <T,>(value: T, i: number): Versioned<T> => ({ value, etag: `"${i}"`, itemId: String(i + 1) });
const listOf = <T,>(xs: readonly T[]): ListResult<T> => ({ items: xs.map(versioned), invalid: [] });

/**
 * Services over in-memory data, the way the real ones answer over Graph and the command API:
 * a view rendered with them runs its own queries, hooks and URL handling unchanged.
 */
export function fakeServices(data: FakeData, opts: { now?: string; roles?: Me['roles'] } = {}): Services {
  const now = opts.now ?? '2021-09-22T06:00:00.000Z';
  const user = { id: 'u-leader', upn: 'leader@example.test', name: 'Liisa Leader' };
  const reads: Pick<Reads, 'plans' | 'board' | 'startGoalTracking' | 'checkIns' | 'goal' | 'reviews'> = {
    plans: async () => listOf(data.plans),
    startGoalTracking: () => undefined, // the fake reads whole boards; there is no delta to start
    board: async (planKey) => {
      const plan = data.plans.find((p) => p.key === planKey);
      if (!plan) throw Object.assign(new Error(`no plan ${planKey}`), { kind: 'NotFound' });
      return {
        plan: versioned(plan, 0),
        themes: data.themes.filter((t) => t.planKey === planKey).map(versioned),
        goals: data.goals.filter((g) => g.planKey === planKey).map(versioned),
        groups: data.groups.map(versioned),
        units: data.units.map(versioned),
        invalid: [],
      };
    },
    checkIns: async (q) => listOf(data.checkIns.filter((c) => ('goalKey' in q ? c.goalKey === q.goalKey : c.planKey === q.planKey && (!q.period || c.period === q.period)))),
    goal: async (key) => {
      const i = data.goals.findIndex((g) => g.key === key);
      if (i < 0) throw Object.assign(new Error(`no goal ${key}`), { kind: 'NotFound' });
      return versioned(data.goals[i]!, i);
    },
    reviews: async (goalKey) => listOf((data.reviews ?? []).filter((r) => r.goalKey === goalKey)),
  };
  const api: Pick<Api, 'me'> = { me: async (): Promise<Me> => ({ id: user.id, upn: user.upn, name: user.name, roles: opts.roles ?? ['leader'], groups: [], now }) };
  return {
    config: { mode: 'local', graphBaseUrl: '/graph', siteId: 'site', apiBaseUrl: '', teamsAppId: '', publicUrl: '', now },
    auth: { mode: 'local', user, getApiToken: async () => 'token', getGraphToken: async () => 'token', signOut: () => undefined },
    host: { kind: 'browser', onThemeChange: () => () => undefined },
    api: api as Api,
    reads: reads as Reads,
    clockOffsetMs: Date.parse(now) - Date.now(),
  };
}

/** A query cache for tests: no retries, no polling, no refetch on focus. */
export const testQueryClient = () => new QueryClient({ defaultOptions: { queries: { retry: false, refetchInterval: false, refetchOnWindowFocus: false } } });

/**
 * Renders a routed view as the shell does: at `path` (the address bar), inside the router, theme,
 * query cache and the given services. Returns the render result and a reader for the address bar.
 */
export async function renderView(
  ui: ReactElement,
  { path = '/', services, lng = 'fi', queryClient = testQueryClient() }: { path?: string; services: Services; lng?: Locale; queryClient?: QueryClient },
) {
  window.history.replaceState(null, '', path);
  const i18n = await createI18n(lng, { resources: readCatalogs() as never });
  const result = render(
    <LanguageProvider i18n={i18n}>
      <ThemeProvider host={services.host}>
        <QueryClientProvider client={queryClient}>
          <ServicesProvider services={services}>
            <RouterProvider>{ui}</RouterProvider>
          </ServicesProvider>
        </QueryClientProvider>
      </ThemeProvider>
    </LanguageProvider>,
  );
  return { ...result, location: () => new URL(window.location.href) };
}
