/**
 * A small URL router (History API): every view has a URL so Teams tabs, deep links and reloads
 * land on it. Teams deep links carry `subPageId`; it holds an in-app path such as
 * `goals/G-1` or `check-in/G-1?period=2021-09`, mapped here to a route.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

export type RouteName = 'myGoals' | 'checkIn' | 'dashboard' | 'goal' | 'admin' | 'config' | 'accessibility' | 'privacy' | 'terms' | 'notFound';

export interface Route {
  name: RouteName;
  /** Decoded path parameters, e.g. `{ goalKey }`. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** pathname + search, for links back here. */
  href: string;
}

const PATTERNS: { name: RouteName; re: RegExp; keys: string[] }[] = [
  { name: 'myGoals', re: /^\/?$/, keys: [] },
  { name: 'checkIn', re: /^\/check-in\/([^/]+)\/?$/, keys: ['goalKey'] },
  { name: 'dashboard', re: /^\/dashboard\/?$/, keys: [] },
  { name: 'goal', re: /^\/goals\/([^/]+)\/?$/, keys: ['key'] },
  { name: 'admin', re: /^\/admin(?:\/.*)?$/, keys: [] },
  { name: 'config', re: /^\/config\/?$/, keys: [] },
  { name: 'accessibility', re: /^\/accessibility\/?$/, keys: [] },
  { name: 'privacy', re: /^\/privacy\/?$/, keys: [] },
  { name: 'terms', re: /^\/terms\/?$/, keys: [] },
];

export function matchRoute(pathname: string, search = ''): Route {
  const query = new URLSearchParams(search);
  for (const p of PATTERNS) {
    const m = p.re.exec(pathname);
    if (m) {
      const params: Record<string, string> = {};
      p.keys.forEach((k, i) => {
        params[k] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { name: p.name, params, query, href: pathname + search };
    }
  }
  return { name: 'notFound', params: {}, query, href: pathname + search };
}

/** Host hints that belong to start-up only and should not stick to in-app links. */
const HOST_PARAMS = ['inTeams', 'theme'];

const qs = (q: Record<string, string | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') s.set(k, v);
  const out = s.toString();
  return out ? `?${out}` : '';
};

/** Builders for every view's URL, so no component assembles paths by hand. */
export const paths = {
  myGoals: () => '/',
  checkIn: (goalKey: string, q: { period?: string; unit?: string } = {}) => `/check-in/${encodeURIComponent(goalKey)}${qs(q)}`,
  dashboard: (q: { plan?: string; period?: string; group?: string; [k: string]: string | undefined } = {}) => `/dashboard${qs(q)}`,
  goal: (key: string, q: { period?: string; unit?: string } = {}) => `/goals/${encodeURIComponent(key)}${qs(q)}`,
  admin: (sub = '') => `/admin${sub ? `/${sub.replace(/^\//, '')}` : ''}`,
  config: () => '/config',
  accessibility: () => '/accessibility',
  privacy: () => '/privacy',
  terms: () => '/terms',
};

/** Maps a Teams `subPageId` to an in-app path; unknown values fall back to My goals. */
export function pathFromSubPageId(subPageId: string | undefined): string | undefined {
  if (!subPageId) return undefined;
  const path = subPageId.startsWith('/') ? subPageId : `/${subPageId}`;
  const url = new URL(path, 'http://x');
  return matchRoute(url.pathname, url.search).name === 'notFound' ? undefined : url.pathname + url.search;
}

// --- location store --------------------------------------------------------------------------

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
const subscribe = (l: () => void) => {
  listeners.add(l);
  window.addEventListener('popstate', l);
  return () => {
    listeners.delete(l);
    window.removeEventListener('popstate', l);
  };
};
const snapshot = () => window.location.pathname + window.location.search;

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}

/** Drops start-up-only query parameters from the address bar, keeping the route. */
export function cleanHostParams(): void {
  const url = new URL(window.location.href);
  let changed = false;
  for (const p of HOST_PARAMS) {
    if (url.searchParams.has(p)) {
      url.searchParams.delete(p);
      changed = true;
    }
  }
  if (changed) window.history.replaceState(null, '', url.pathname + url.search + url.hash);
}

interface RouterState {
  route: Route;
  navigate: typeof navigate;
}
const RouterContext = createContext<RouterState | null>(null);

export function RouterProvider({ children }: { children: ReactNode }) {
  const href = useSyncExternalStore(subscribe, snapshot, snapshot);
  const route = useMemo(() => {
    const u = new URL(href, 'http://x');
    return matchRoute(u.pathname, u.search);
  }, [href]);
  const value = useMemo(() => ({ route, navigate }), [route]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterState {
  const v = useContext(RouterContext);
  if (!v) throw new Error('useRouter outside RouterProvider');
  return v;
}

export const useRoute = (): Route => useRouter().route;
export const useNavigate = () => useRouter().navigate;

/** Whether a click should be left to the browser (new tab, download, modified click). */
function isModified(e: MouseEvent<HTMLAnchorElement>): boolean {
  return e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey;
}

/** Props for an `<a>` (or Fluent `Link`) that navigates in-app: `<Link {...linkProps('/x')}>`. */
export function useLinkProps(to: string): Pick<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick'> {
  const go = useNavigate();
  const onClick = useCallback(
    (e: MouseEvent<HTMLAnchorElement>) => {
      if (isModified(e)) return;
      e.preventDefault();
      go(to);
    },
    [go, to],
  );
  return { href: to, onClick };
}

/** Scrolls to top and moves focus to the new view's heading, so screen readers announce it. */
export function useFocusOnRouteChange(ref: { current: HTMLElement | null }, routeHref: string): void {
  useEffect(() => {
    window.scrollTo?.(0, 0);
  }, [routeHref]);
  const first = useRef(true);
  useEffect(() => {
    const el = ref.current;
    // The first view of a page load keeps the browser's focus (start of the document).
    if (first.current) {
      first.current = false;
      return;
    }
    if (!el) return;
    // Wait for the lazily loaded view to paint its heading.
    let tries = 0;
    const timer = window.setInterval(() => {
      const h1 = el.querySelector<HTMLElement>('h1');
      if (h1 || ++tries > 40) {
        window.clearInterval(timer);
        if (h1 && !h1.contains(document.activeElement) && (document.activeElement === document.body || !el.contains(document.activeElement))) {
          h1.tabIndex = -1;
          h1.focus({ preventScroll: true });
        }
      }
    }, 50);
    return () => window.clearInterval(timer);
  }, [ref, routeHref]);
}
