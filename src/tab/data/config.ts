/**
 * The tab's runtime configuration, from the server's `/config.json` (one build serves local and
 * tenant mode). Checked field by field so a misconfigured server fails with a message naming the
 * field. Deliberately without zod: this runs before the first paint, and zod (~22 KiB gzip) is
 * only needed later, with the Graph adapter.
 */
import type { EntityName } from '../../../manifest/lists';

export interface TabConfig {
  mode: 'local' | 'tenant';
  graphBaseUrl: string;
  siteId: string;
  /** Root of the command API, e.g. `https://host/api`. */
  apiBaseUrl: string;
  clientId?: string;
  tenantId?: string;
  apiScope?: string;
  teamsAppId: string;
  publicUrl: string;
  /** The server clock when the config was served (local mode shifts it into the demo plan). */
  now: string;
  /**
   * The site's list ids as the server resolved them, so the tab does not look them up on every
   * visit; a list missing here is resolved by name on first use.
   */
  listIds?: Partial<Record<EntityName, string>>;
  /**
   * Local mode: the id of the key the local issuer signs with. Tokens kept from earlier in this
   * browser tab are used again only while it is the same (a fresh DATA_DIR has a new key).
   */
  localKeyId?: string;
}

const ENTITIES: readonly EntityName[] = ['plan', 'theme', 'goal', 'checkIn', 'review', 'group', 'unit', 'reminderLog', 'person', 'meetingSession'];

/** ISO 8601 date-time with an offset (`Z` or `+03:00`), as the server sends `now`. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Validates `/config.json`; returns the config or the problems as `path: message`. */
export function parseTabConfig(input: unknown): { ok: true; config: TabConfig } | { ok: false; problems: string[] } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return { ok: false, problems: ['(root): expected an object'] };
  const o = input as Record<string, unknown>;
  const problems: string[] = [];
  const str = (key: string, opts: { required?: boolean; nonEmpty?: boolean } = {}): string | undefined => {
    const v = o[key];
    if (v === undefined || v === null) {
      if (opts.required) problems.push(`${key}: required`);
      return undefined;
    }
    if (typeof v !== 'string') {
      problems.push(`${key}: expected a string`);
      return undefined;
    }
    if (opts.nonEmpty && v.length === 0) problems.push(`${key}: must not be empty`);
    return v;
  };
  const mode = o.mode;
  if (mode !== 'local' && mode !== 'tenant') problems.push(`mode: expected 'local' or 'tenant'`);
  const graphBaseUrl = str('graphBaseUrl', { required: true, nonEmpty: true });
  const siteId = str('siteId', { required: true, nonEmpty: true });
  const apiBaseUrl = str('apiBaseUrl');
  const clientId = str('clientId');
  const tenantId = str('tenantId');
  const apiScope = str('apiScope');
  const teamsAppId = str('teamsAppId');
  const publicUrl = str('publicUrl');
  const localKeyId = str('localKeyId', { nonEmpty: true });
  const now = str('now', { required: true });
  if (now !== undefined && (!DATE_TIME.test(now) || Number.isNaN(Date.parse(now)))) problems.push('now: expected an ISO date-time with an offset');
  const listIds: Partial<Record<EntityName, string>> = {};
  if (o.listIds !== undefined && o.listIds !== null) {
    if (typeof o.listIds !== 'object' || Array.isArray(o.listIds)) problems.push('listIds: expected an object of list ids');
    else {
      // A newer server may know lists this build does not: those are ignored, not an error.
      for (const [k, v] of Object.entries(o.listIds as Record<string, unknown>)) {
        if (!ENTITIES.includes(k as EntityName)) continue;
        if (typeof v !== 'string' || v.length === 0) problems.push(`listIds.${k}: expected a non-empty string`);
        else listIds[k as EntityName] = v;
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      mode: mode as TabConfig['mode'],
      graphBaseUrl: graphBaseUrl as string,
      siteId: siteId as string,
      apiBaseUrl: apiBaseUrl ?? '',
      ...(clientId !== undefined ? { clientId } : {}),
      ...(tenantId !== undefined ? { tenantId } : {}),
      ...(apiScope !== undefined ? { apiScope } : {}),
      teamsAppId: teamsAppId ?? '',
      publicUrl: publicUrl ?? '',
      now: now as string,
      ...(o.listIds !== undefined && o.listIds !== null ? { listIds } : {}),
      ...(localKeyId !== undefined ? { localKeyId } : {}),
    },
  };
}

export class ConfigLoadError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'ConfigLoadError';
  }
}

/** Resolves a possibly relative URL from the config against the page's origin. */
export function absoluteUrl(url: string, base: string = window.location.origin): string {
  return new URL(url, base.endsWith('/') ? base : `${base}/`).toString();
}

let started: Promise<TabConfig> | undefined;

/**
 * Starts fetching `/config.json` now (main.tsx calls it first thing, before the host, language
 * and theme are ready), so the first `takeConfig()` finds it under way instead of starting it.
 */
export function prefetchConfig(): void {
  started ??= inlineConfig() ?? loadConfig();
  started.catch(() => undefined); // the failure is the boot's to show, when it takes the config
}

/**
 * The prefetched (or page's inline) configuration the first time, a fresh fetch afterwards (a
 * retry after an error).
 */
export function takeConfig(): Promise<TabConfig> {
  const p = started ?? loadConfig();
  started = undefined;
  return p;
}

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<TabConfig> {
  let res: Response;
  try {
    res = await fetchImpl('/config.json', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  } catch (e) {
    throw new ConfigLoadError(`The server could not be reached: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!res.ok) throw new ConfigLoadError(`The server answered ${res.status} for /config.json`);
  return checked(await res.json().catch(() => null));
}

/**
 * The configuration the server put into index.html (`#tab-config`, src/server/tab-html.ts): no
 * request before sign-in can start. Undefined without one (the dev server's page): fetch it then.
 */
export function inlineConfig(doc: Document = document): Promise<TabConfig> | undefined {
  const text = doc.getElementById('tab-config')?.textContent;
  if (!text) return undefined;
  // Unparsable JSON is reported as an invalid configuration, as for a broken /config.json.
  return Promise.resolve().then(() => checked(parsedOrNull(text)));
}

function parsedOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function checked(input: unknown): TabConfig {
  const parsed = parseTabConfig(input);
  if (!parsed.ok) throw new ConfigLoadError('The server sent an invalid configuration', parsed.problems);
  const c = parsed.config;
  return {
    ...c,
    graphBaseUrl: sameServer(absoluteUrl(c.graphBaseUrl)),
    apiBaseUrl: sameServer(absoluteUrl(c.apiBaseUrl || '/api')).replace(/\/$/, ''),
  };
}

/**
 * A local server names itself `http://localhost:<port>`; when the page is served from elsewhere on
 * this machine (Vite's dev server proxying it), call through the page's origin so no CORS is needed.
 */
function sameServer(url: string, page: Location = window.location): string {
  const u = new URL(url);
  const local = (h: string) => h === 'localhost' || h === '127.0.0.1' || h === '[::1]';
  if (u.origin !== page.origin && local(u.hostname) && local(page.hostname)) return page.origin + u.pathname + u.search;
  return url;
}
