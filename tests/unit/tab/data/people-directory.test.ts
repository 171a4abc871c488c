import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/tab/data/api';
import { graphUsersUrl, searchDirectory } from '../../../../src/tab/data/people';

type Call = { url: string; headers: Record<string, string> };
function fakeFetch(status: number, body: unknown, calls: Call[]): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), headers: (init?.headers ?? {}) as Record<string, string> });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

const tenant = { mode: 'tenant' as const, graphBaseUrl: 'https://graph.microsoft.com/v1.0' };

describe('the people directory in a tenant (Graph)', () => {
  it('searches /users by display name and mail with the user token and ConsistencyLevel: eventual', async () => {
    const calls: Call[] = [];
    const found = await searchDirectory(
      {
        config: tenant,
        getGraphToken: async () => 'user-token',
        fetch: fakeFetch(200, { value: [{ id: 'b', displayName: 'Öberg Åsa', userPrincipalName: 'asa@x' }, { id: 'a', displayName: 'Aalto Jenni', mail: 'jenni@x' }, { id: 'c', displayName: null }] }, calls),
      },
      ' holm ',
    );
    expect(calls).toHaveLength(1);
    const url = new URL(calls[0]!.url);
    expect(url.origin + url.pathname).toBe('https://graph.microsoft.com/v1.0/users');
    expect(url.searchParams.get('$search')).toBe('"displayName:holm" OR "mail:holm"');
    expect(url.searchParams.get('$count')).toBe('true');
    expect(calls[0]!.headers).toEqual({ Authorization: 'Bearer user-token', ConsistencyLevel: 'eventual' });
    // Nameless directory objects are left out; the rest in Finnish name order, upn from mail when missing.
    expect(found).toEqual([
      { id: 'a', upn: 'jenni@x', name: 'Aalto Jenni' },
      { id: 'b', upn: 'asa@x', name: 'Öberg Åsa' },
    ]);
  });

  it('escapes quotes and backslashes so what was typed cannot end the $search clause', () => {
    const url = new URL(graphUsersUrl('https://graph.microsoft.com/v1.0/', 'a"b\\c'));
    expect(url.searchParams.get('$search')).toBe('"displayName:a\\"b\\\\c" OR "mail:a\\"b\\\\c"');
  });

  it('lists people by name when nothing is typed yet (no $search)', () => {
    const url = new URL(graphUsersUrl('https://graph.microsoft.com/v1.0', '  '));
    expect(url.searchParams.has('$search')).toBe(false);
    expect(url.searchParams.get('$orderby')).toBe('displayName');
  });

  it("turns Graph's refusal into an ApiError with its status", async () => {
    const err = await searchDirectory({ config: tenant, getGraphToken: async () => 't', fetch: fakeFetch(403, { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges' } }, []) }, 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(403);
    expect((err as ApiError).code).toBe('forbidden');
  });
});

describe('the people directory locally', () => {
  it('asks the server for the demo directory, without a Graph token', async () => {
    const calls: Call[] = [];
    let tokenAsked = false;
    const found = await searchDirectory(
      {
        config: { mode: 'local', graphBaseUrl: '/graph/v1.0' },
        getGraphToken: async () => {
          tokenAsked = true;
          return 't';
        },
        fetch: fakeFetch(200, { value: [{ id: '1', upn: 'linnea@x', name: 'Linnea Holmström' }] }, calls),
      },
      'holm ström',
    );
    expect(calls.map((c) => c.url)).toEqual(['/local/directory?q=holm%20str%C3%B6m']);
    expect(tokenAsked).toBe(false);
    expect(found.map((p) => p.name)).toEqual(['Linnea Holmström']);
  });
});
