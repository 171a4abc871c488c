import { describe, expect, it } from 'vitest';
import { LOCALES, toLocale } from '../../../src/domain/localized';
import { parseTabConfig } from '../../../src/tab/data/config';
import { LANGUAGES, languageOf } from '../../../src/tab/i18n';

describe('shell languages (zod-free copy of domain/localized)', () => {
  it('are the domain locales and map tags the same way', () => {
    expect([...LANGUAGES]).toEqual([...LOCALES]);
    for (const tag of ['fi-FI', 'sv-se', 'en_US', 'de-DE', '', undefined, 'SV']) expect(languageOf(tag)).toBe(toLocale(tag));
  });
});

describe('parseTabConfig', () => {
  const valid = { mode: 'local', graphBaseUrl: '/graph', siteId: 'site', now: '2021-09-22T06:00:00.000Z' };
  it('accepts the server config and fills defaults', () => {
    const r = parseTabConfig(valid);
    expect(r).toEqual({ ok: true, config: { ...valid, apiBaseUrl: '', teamsAppId: '', publicUrl: '' } });
    expect(parseTabConfig({ ...valid, mode: 'tenant', clientId: 'c', now: '2021-09-22T09:00:00+03:00' }).ok).toBe(true);
  });
  it('names every bad field', () => {
    const r = parseTabConfig({ mode: 'cloud', graphBaseUrl: '', siteId: 3, now: 'yesterday' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.split(':')[0])).toEqual(['mode', 'graphBaseUrl', 'siteId', 'now']);
    expect(parseTabConfig(null)).toEqual({ ok: false, problems: ['(root): expected an object'] });
  });
  it('keeps the list ids the server resolved, so the tab does not look them up again', () => {
    const r = parseTabConfig({ ...valid, listIds: { goal: 'g-id', checkIn: 'c-id' } });
    expect(r.ok && r.config.listIds).toEqual({ goal: 'g-id', checkIn: 'c-id' });
  });
  it('ignores lists this build does not know, and names a bad list id', () => {
    const r = parseTabConfig({ ...valid, listIds: { goal: 'g-id', futureList: 'x' } });
    expect(r.ok && r.config.listIds).toEqual({ goal: 'g-id' });
    const bad = parseTabConfig({ ...valid, listIds: { goal: '', plan: 7 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.split(':')[0])).toEqual(['listIds.goal', 'listIds.plan']);
    expect(parseTabConfig({ ...valid, listIds: ['g-id'] }).ok).toBe(false);
  });
});
