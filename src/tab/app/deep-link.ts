/**
 * Where the app starts: Teams deep links carry `subPageId`, an in-app path such as `goals/G-1` or
 * `check-in/G-1?period=2021-09`; start-up-only hints (`inTeams`, `theme`) are dropped from the
 * address bar so they do not stick to in-app links.
 */
import { matchRoute } from '../routing/paths';

const HOST_PARAMS = ['inTeams', 'theme'];

/** Maps a Teams `subPageId` to an in-app path; unknown values give none (the app stays where it is). */
export function pathFromSubPageId(subPageId: string | undefined): string | undefined {
  if (!subPageId) return undefined;
  const path = subPageId.startsWith('/') ? subPageId : `/${subPageId}`;
  const url = new URL(path, 'http://x');
  return matchRoute(url.pathname, url.search).name === 'notFound' ? undefined : url.pathname + url.search;
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
