/**
 * A small URL router (History API): every view has a URL so Teams tabs, deep links and reloads
 * land on it. The location is an external store; `RouterProvider` matches it against the route
 * table and the hooks below are how views read the route and move.
 */
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { matchRoute, type Route } from './paths';

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
