/**
 * URL building and matching, both derived from the route table: `paths.goal({ key }, { period })`
 * builds `/goals/<key>?period=…`, and `matchRoute` turns a location back into the route's name,
 * decoded path parameters and query. No component assembles paths by hand.
 */
import { ROUTE_NAMES, ROUTES, type ParamsOf, type QueryOf, type RouteName } from './route-table';

export interface Route {
  name: RouteName | 'notFound';
  /** Decoded path parameters, e.g. `{ goalKey }`; a `*` pattern adds `rest` (still encoded). */
  params: Record<string, string>;
  query: URLSearchParams;
  /** pathname + search, for links back here. */
  href: string;
}

interface Matcher {
  name: RouteName;
  re: RegExp;
  keys: string[];
  rest: boolean;
}

const segmentsOf = (pattern: string) => pattern.split('/').filter(Boolean);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(name: RouteName, pattern: string): Matcher {
  const segments = segmentsOf(pattern);
  const rest = segments[segments.length - 1] === '*';
  const keys: string[] = [];
  let re = '^';
  for (const s of rest ? segments.slice(0, -1) : segments) {
    if (s.startsWith(':')) {
      keys.push(s.slice(1));
      re += '\\/([^/]+)';
    } else {
      re += `\\/${escapeRe(s)}`;
    }
  }
  // A trailing slash is the same page; a `*` route owns everything under its prefix.
  re += rest ? '(?:\\/(.*))?$' : '\\/?$';
  return { name, re: new RegExp(re), keys, rest };
}

const MATCHERS = ROUTE_NAMES.map((name) => compile(name, ROUTES[name].path));

export function matchRoute(pathname: string, search = ''): Route {
  const query = new URLSearchParams(search);
  const href = pathname + search;
  const notFound: Route = { name: 'notFound', params: {}, query, href };
  for (const m of MATCHERS) {
    const found = m.re.exec(pathname);
    if (!found) continue;
    const params: Record<string, string> = {};
    try {
      m.keys.forEach((k, i) => {
        params[k] = decodeURIComponent(found[i + 1] ?? '');
      });
    } catch {
      return notFound; // a malformed escape (`/goals/%E0`) names no goal
    }
    if (m.rest) params.rest = found[m.keys.length + 1] ?? '';
    return { name: m.name, params, query, href };
  }
  return notFound;
}

const qs = (q: Record<string, string | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') s.set(k, v);
  const out = s.toString();
  return out ? `?${out}` : '';
};

function build(name: RouteName, params: Record<string, string | undefined>, query: Record<string, string | undefined>): string {
  const parts: string[] = [];
  for (const s of segmentsOf(ROUTES[name].path)) {
    if (s === '*') {
      const rest = params.rest?.replace(/^\/+/, '');
      if (rest) parts.push(rest);
    } else {
      parts.push(s.startsWith(':') ? encodeURIComponent(params[s.slice(1)] ?? '') : s);
    }
  }
  return `/${parts.join('/')}${qs(query)}`;
}

type Builder<N extends RouteName> = keyof ParamsOf<N> extends never
  ? (query?: QueryOf<N>) => string
  : Record<never, never> extends ParamsOf<N>
    ? (params?: ParamsOf<N>, query?: QueryOf<N>) => string
    : (params: ParamsOf<N>, query?: QueryOf<N>) => string;

/** A builder per route: `(query?)` for routes without parameters, `(params, query?)` for the others. */
export type Paths = { [N in RouteName]: Builder<N> };

const hasParams = (pattern: string) => segmentsOf(pattern).some((s) => s.startsWith(':') || s === '*');

export const paths = Object.fromEntries(
  ROUTE_NAMES.map((name) => [
    name,
    hasParams(ROUTES[name].path)
      ? (params: Record<string, string | undefined> = {}, query: Record<string, string | undefined> = {}) => build(name, params, query)
      : (query: Record<string, string | undefined> = {}) => build(name, {}, query),
  ]),
) as unknown as Paths;
