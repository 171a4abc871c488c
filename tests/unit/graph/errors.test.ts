import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { Conflict, Forbidden, Invalid, NotFound, Throttled, Unavailable } from '../../../src/domain';
import { errorFromResponse, graphCodeOf, retryAfterSeconds, statusOf, toDomainError } from '../../../src/graph';

const bodies = JSON.parse(readFileSync(new URL('../../fixtures/graph/adapter/error-bodies.json', import.meta.url), 'utf8'));

describe('Graph errors → domain errors', () => {
  it.each([
    [400, Invalid],
    [401, Forbidden],
    [403, Forbidden],
    [404, NotFound],
    [409, Conflict],
    [410, NotFound],
    [412, Conflict],
    [429, Throttled],
    [500, Unavailable],
    [503, Unavailable],
    [504, Unavailable],
  ])('maps HTTP %i', (status, type) => {
    const e = errorFromResponse(status, bodies[String(status)] ?? { error: { code: 'x', message: 'm' } });
    expect(e).toBeInstanceOf(type);
    expect(statusOf(e)).toBe(status);
  });

  it('calls a 412 (stale If-Match) a stale write and a 409 (unique value taken) a duplicate', () => {
    // A raw 412 carries no current version: the reason must not be guessed from one.
    const stale = errorFromResponse(412, bodies['412']) as Conflict;
    expect(stale.reason).toBe('stale');
    expect(stale.currentEtag).toBeUndefined();
    expect((errorFromResponse(409, bodies['409']) as Conflict).reason).toBe('duplicate');
  });

  it('keeps the Graph code and message of a documented error body', () => {
    const e = errorFromResponse(409, bodies['409'], undefined, 'CheckIns');
    expect(e.message).toContain('duplicate values were found');
    expect(e.message).toContain('nameAlreadyExists');
    expect(graphCodeOf(e)).toBe('nameAlreadyExists');
  });

  it('carries Retry-After on Throttled (seconds or HTTP date)', () => {
    const e = errorFromResponse(429, bodies['429'], { 'Retry-After': '7' });
    expect((e as Throttled).retryAfterSeconds).toBe(7);
    expect(retryAfterSeconds({ 'retry-after': new Date(Date.UTC(2021, 0, 1, 0, 0, 30)).toUTCString() }, Date.UTC(2021, 0, 1))).toBe(30);
    expect(retryAfterSeconds(new Headers())).toBeUndefined();
  });

  it("maps graph-client's GraphError (as thrown by Client.api().get())", () => {
    const g = new GraphError(412, 'The resource has changed');
    g.code = 'resourceModified';
    g.body = JSON.stringify(bodies['412'].error);
    const e = toDomainError(g);
    expect(e).toBeInstanceOf(Conflict);
    expect((e as Conflict).reason).toBe('stale');
    expect(statusOf(e)).toBe(412);
    expect(graphCodeOf(e)).toBe('resourceModified');
  });

  it('maps a request that never got an answer (network failure) to Unavailable', () => {
    const g = new GraphError(-1, 'fetch failed');
    expect(toDomainError(g)).toBeInstanceOf(Unavailable);
  });

  it('lets programming errors through unchanged', () => {
    const t = new TypeError('x is undefined');
    expect(toDomainError(t)).toBe(t);
  });
});
