import { describe, expect, it } from 'vitest';
import { NAMESPACES, namespaceOfFeature } from '../../../../src/tab/i18n';
import { ROUTES, type RouteDef } from '../../../../src/tab/routing/route-table';

/** The catalogs loaded with the language at start, so a first view does not suspend for its texts. */
describe('first-view catalogs', () => {
  it("name each feature's own catalog by its folder in camelCase, and none for a folder without one", () => {
    expect(namespaceOfFeature('my-goals')).toBe('myGoals');
    expect(namespaceOfFeature('check-in')).toBe('checkIn');
    expect(namespaceOfFeature('dashboard')).toBe('dashboard');
    expect(namespaceOfFeature('no-such-feature')).toBeUndefined();
  });
  it('declare only catalogs that exist', () => {
    for (const [name, def] of Object.entries(ROUTES) as [string, RouteDef][]) {
      for (const ns of def.namespaces ?? []) expect(NAMESPACES, `${name}: ${ns}`).toContain(ns);
    }
  });
});
