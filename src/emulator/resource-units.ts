import { GraphError } from './errors.js';

/**
 * SharePoint Online's application throttling, in its own unit: every request an app makes costs
 * resource units (RU), and an app may spend only so many per minute in a tenant; over the budget,
 * requests answer 429 with `Retry-After` until enough of the last minute's spending has aged out.
 * Throttled requests count too. Graph requests have fixed costs (learn.microsoft.com, "Avoid getting
 * throttled or blocked in SharePoint Online", the resource unit table): 1 RU for a single item, a
 * delta with a token or a file download; 2 RU for a multi-item query, a delta without a token, and
 * any create, update, delete or upload. The requests inside a `$batch` are charged one by one.
 * From 80 % of the budget on, answers carry `RateLimit-Limit`, `RateLimit-Remaining` and
 * `RateLimit-Reset` (seconds), as SharePoint does.
 */
export interface ResourceBudget {
  /** Charges one request; a GraphError 429 when the budget is spent, else the headers to add. */
  charge(req: { method: string; path: string; query: URLSearchParams }): { refused: GraphError } | { headers: Record<string, string> };
  /** Units spent in the last minute. */
  spent(): number;
  /** Requests refused for the budget since the start. */
  refused(): number;
}

const WINDOW_MS = 60_000;

/** What one Graph request costs in resource units. */
export function resourceUnits(req: { method: string; path: string; query: URLSearchParams }): number {
  if (req.method !== 'GET') return 2;
  const seg = req.path.split('/').filter(Boolean);
  const last = seg[seg.length - 1] ?? '';
  if (/^(?:microsoft\.graph\.)?delta/.test(last)) {
    const hasToken = req.query.has('token') || req.query.has('$deltatoken') || req.query.has('$skiptoken') || /token='/.test(last);
    return hasToken ? 1 : 2;
  }
  if (last === 'content') return 1; // a file download
  // …/items/{id} or …/items/{id}/fields, a list, a site, a drive item: one item.
  const collections = new Set(['items', 'lists', 'columns', 'children', 'sites']);
  return collections.has(last) ? 2 : 1;
}

export function createResourceBudget(perMinute: number, now: () => number = Date.now): ResourceBudget {
  const spending: { at: number; units: number }[] = [];
  let total = 0;
  let refusedCount = 0;
  const age = (t: number) => {
    while (spending.length > 0 && spending[0]!.at <= t - WINDOW_MS) total -= spending.shift()!.units;
  };
  const headersAt = (t: number): Record<string, string> => {
    if (total < perMinute * 0.8) return {};
    const reset = spending.length > 0 ? Math.max(1, Math.ceil((spending[0]!.at + WINDOW_MS - t) / 1000)) : 1;
    return { 'RateLimit-Limit': String(perMinute), 'RateLimit-Remaining': String(Math.max(0, perMinute - total)), 'RateLimit-Reset': String(reset) };
  };
  return {
    charge(req) {
      const t = now();
      age(t);
      const units = resourceUnits(req);
      const over = total + units > perMinute;
      // Throttled requests count toward the limit too.
      spending.push({ at: t, units });
      total += units;
      if (!over) return { headers: headersAt(t) };
      refusedCount++;
      // Seconds until what is spent now (this request included) fits the budget again.
      let free = total - perMinute;
      let waitUntil = t;
      for (const s of spending) {
        if (free <= 0) break;
        free -= s.units;
        waitUntil = s.at + WINDOW_MS;
      }
      const retryAfter = Math.max(1, Math.ceil((waitUntil - t) / 1000));
      return {
        refused: new GraphError(
          429,
          'activityLimitReached',
          'The request has been throttled: the application has used its resource units for this minute',
          { 'Retry-After': String(retryAfter), ...headersAt(t) },
          'throttledRequest',
        ),
      };
    },
    spent: () => {
      age(now());
      return total;
    },
    refused: () => refusedCount,
  };
}
