/**
 * Where "back" goes: the last address a view was seen at, filters and all, so a back link returns
 * to the dashboard as it was left (service area, status, sort, overdue) and not to its defaults,
 * as the browser's own Back button does. Kept for the page's lifetime; a reload starts afresh.
 */
import { useEffect } from 'react';
import type { RouteName } from './route-table';

const lastSeen = new Map<RouteName, string>();

/** Records the address of the view that is showing, whenever it changes. */
export function useRememberView(name: RouteName, href: string): void {
  useEffect(() => {
    lastSeen.set(name, href);
  }, [name, href]);
}

/** The view's last address if `accept` takes it (e.g. the same plan), else `fallback`. */
export function returnHref(name: RouteName, fallback: string, accept: (href: string) => boolean = () => true): string {
  const seen = lastSeen.get(name);
  return seen !== undefined && accept(seen) ? seen : fallback;
}
