/**
 * A small URL router (History API): every view has a URL so Teams tabs, deep links and reloads
 * land on it. The location is an external store; `RouterProvider` matches it against the route
 * table and the hooks below are how views read the route and move.
 */
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { matchRoute, type Route } from './paths';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/** Holds the browser's Back/Forward when it returns true (it has put the address back itself). */
export type BrowserNavigationHold = () => boolean;
const holds = new Set<BrowserNavigationHold>();

/**
 * Lets a view hold the browser's Back and Forward (unsaved edits): every hold is asked before the
 * route follows the address; one that returns true keeps the view as it is. Returns the release.
 */
export function holdBrowserNavigation(hold: BrowserNavigationHold): () => void {
  holds.add(hold);
  return () => {
    holds.delete(hold);
  };
}

const onPopState = () => {
  for (const hold of [...holds]) if (hold()) return;
  notify();
};
const subscribe = (l: () => void) => {
  if (listeners.size === 0) window.addEventListener('popstate', onPopState);
  listeners.add(l);
  return () => {
    listeners.delete(l);
    if (listeners.size === 0) window.removeEventListener('popstate', onPopState);
  };
};
const snapshot = () => window.location.pathname + window.location.search;

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
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

/** Props for an `<a>` (or Fluent `Link`) that navigates in-app: `<Link {...useLinkProps('/x')}>`. */
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
