/**
 * The tab's runtime configuration, from the server's `/config.json` (one build serves local and
 * tenant mode). Parsed with zod so a misconfigured server fails with a message naming the field.
 */
import { z } from 'zod';

export const tabConfigSchema = z.object({
  mode: z.enum(['local', 'tenant']),
  graphBaseUrl: z.string().min(1),
  siteId: z.string().min(1),
  /** Root of the command API, e.g. `https://host/api`. */
  apiBaseUrl: z.string().default(''),
  clientId: z.string().optional(),
  tenantId: z.string().optional(),
  apiScope: z.string().optional(),
  teamsAppId: z.string().default(''),
  publicUrl: z.string().default(''),
  /** The server clock when the config was served (local mode shifts it into the demo plan). */
  now: z.string().datetime({ offset: true }),
});
export type TabConfig = z.infer<typeof tabConfigSchema>;

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

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<TabConfig> {
  let res: Response;
  try {
    res = await fetchImpl('/config.json', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  } catch (e) {
    throw new ConfigLoadError(`The server could not be reached: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!res.ok) throw new ConfigLoadError(`The server answered ${res.status} for /config.json`);
  const parsed = tabConfigSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigLoadError('The server sent an invalid configuration', problems);
  }
  const c = parsed.data;
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
