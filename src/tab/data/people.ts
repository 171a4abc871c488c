/**
 * The people directory an admin chooses responsible persons, members and owners from, searched as
 * they type. In a tenant it is the organisation's Entra directory through Graph with the user's own
 * delegated token (`GET /users?$search=…`, which needs `ConsistencyLevel: eventual` and
 * User.ReadBasic.All); locally it is the demo directory the server serves at `/local/directory`.
 */
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { Person } from '../../domain';
import { ApiError, codeFor, type FieldIssue } from './api';
import type { TabConfig } from './config';
import { useServices } from './services';

/** As many people as one search shows: the admin types more to narrow it. */
export const DIRECTORY_PAGE = 25;

export interface DirectoryOptions {
  config: Pick<TabConfig, 'mode' | 'graphBaseUrl'>;
  getGraphToken(): Promise<string>;
  fetch?: typeof fetch;
}

interface GraphUser {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
}

/**
 * Graph's `$search` value: each clause a quoted `property:text`, so a double quote or backslash in
 * what was typed must be escaped (Graph answers 400 to an unbalanced quote).
 */
export function graphUserSearch(query: string): string {
  const text = query.trim().replace(/[\\"]/g, (c) => `\\${c}`);
  return `"displayName:${text}" OR "mail:${text}"`;
}

/** The Graph request for a search, as a URL relative to nothing: base + path + query. */
export function graphUsersUrl(graphBaseUrl: string, query: string): string {
  const params = new URLSearchParams({ $select: 'id,displayName,userPrincipalName,mail', $top: String(DIRECTORY_PAGE), $count: 'true' });
  if (query.trim()) params.set('$search', graphUserSearch(query));
  else params.set('$orderby', 'displayName');
  return `${graphBaseUrl.replace(/\/$/, '')}/users?${params.toString()}`;
}

async function failed(res: Response): Promise<ApiError> {
  let body: { error?: { code?: string; message?: string; fields?: FieldIssue[] } } | undefined;
  try {
    body = (await res.json()) as typeof body;
  } catch {
    body = undefined;
  }
  return new ApiError(res.status, codeFor(res.status), body?.error?.message ?? `The directory answered ${res.status}`, body?.error?.fields ?? [], undefined, undefined, body?.error?.code);
}

/** Searches the directory: people whose name (or address) starts with what was typed. */
export async function searchDirectory(opts: DirectoryOptions, query: string, signal?: AbortSignal): Promise<Person[]> {
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  if (opts.config.mode === 'local') {
    const res = await doFetch(`/local/directory?q=${encodeURIComponent(query.trim())}`, { ...(signal ? { signal } : {}) });
    if (!res.ok) throw await failed(res);
    return ((await res.json()) as { value: Person[] }).value;
  }
  const token = await opts.getGraphToken();
  const res = await doFetch(graphUsersUrl(opts.config.graphBaseUrl, query), {
    headers: { Authorization: `Bearer ${token}`, ConsistencyLevel: 'eventual' },
    ...(signal ? { signal } : {}),
  });
  if (!res.ok) throw await failed(res);
  const users = ((await res.json()) as { value: GraphUser[] }).value;
  return users
    .filter((u) => u.id && u.displayName)
    .map((u) => ({ id: u.id, upn: u.userPrincipalName ?? u.mail ?? '', name: u.displayName as string }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fi'));
}

/** The directory's answer to what the admin has typed (the previous answer stays shown while the next loads). */
export function usePeopleSearch(query: string): UseQueryResult<Person[]> {
  const { config, auth } = useServices();
  const q = query.trim();
  return useQuery({
    queryKey: ['people', auth.user?.id ?? 'anonymous', q],
    queryFn: ({ signal }) => searchDirectory({ config, getGraphToken: () => auth.getGraphToken() }, q, signal),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}
