import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathFromSubPageId } from '../../../../src/tab/app/deep-link';
import { parseAdminPath } from '../../../../src/tab/features/admin/route';
import { matchRoute, paths } from '../../../../src/tab/routing/paths';
import { ROUTE_NAMES, ROUTES, routeDef } from '../../../../src/tab/routing/route-table';

const FEATURES = join(import.meta.dirname, '../../../../src/tab/features');

describe('the route table', () => {
  it('builds the URLs the app has always used (Teams deep links, bookmarks and e2e depend on them)', () => {
    expect(paths.myGoals()).toBe('/');
    expect(paths.checkIn({ goalKey: 'vantaa-ko-2021.g1' }, { period: '2021-09', unit: 'KASO' })).toBe('/check-in/vantaa-ko-2021.g1?period=2021-09&unit=KASO');
    expect(paths.dashboard()).toBe('/dashboard');
    expect(paths.dashboard({ plan: 'p', period: '', group: undefined, overdue: '1' })).toBe('/dashboard?plan=p&overdue=1');
    expect(paths.goal({ key: 'G 1/2' }, { period: '2021-08' })).toBe('/goals/G%201%2F2?period=2021-08');
    expect(paths.admin()).toBe('/admin');
    expect(paths.admin({ rest: 'goals/vantaa-ko-2021.g3' }, { plan: 'vantaa-ko-2021' })).toBe('/admin/goals/vantaa-ko-2021.g3?plan=vantaa-ko-2021');
    expect(paths.config()).toBe('/config');
    expect(paths.accessibility()).toBe('/accessibility');
    expect(paths.privacy()).toBe('/privacy');
    expect(paths.terms()).toBe('/terms');
  });

  it('matches every built URL back to its route and decoded parameters', () => {
    const built = {
      myGoals: paths.myGoals(),
      checkIn: paths.checkIn({ goalKey: 'G 1' }),
      dashboard: paths.dashboard(),
      goal: paths.goal({ key: 'G/1' }),
      review: paths.review(),
      reviewStage: paths.reviewStage(),
      admin: paths.admin({ rest: 'units/new' }),
      config: paths.config(),
      accessibility: paths.accessibility(),
      privacy: paths.privacy(),
      terms: paths.terms(),
    } satisfies Record<(typeof ROUTE_NAMES)[number], string>;
    for (const name of ROUTE_NAMES) expect(matchRoute(built[name]).name, built[name]).toBe(name);
    expect(matchRoute(built.checkIn).params).toEqual({ goalKey: 'G 1' });
    expect(matchRoute(built.goal).params).toEqual({ key: 'G/1' });
    expect(matchRoute(built.admin).params).toEqual({ rest: 'units/new' });
  });

  it('accepts a trailing slash, keeps the query, and answers notFound for anything else', () => {
    expect(matchRoute('/dashboard/', '?plan=p')).toMatchObject({ name: 'dashboard', href: '/dashboard/?plan=p' });
    expect(matchRoute('/dashboard/', '?plan=p').query.get('plan')).toBe('p');
    expect(matchRoute('/terms/').name).toBe('terms');
    expect(matchRoute('/admin/').name).toBe('admin');
    expect(matchRoute('/admin').params).toEqual({ rest: '' });
    for (const p of ['/nope', '/goals', '/goals/a/b', '/check-in/', '/dashboardx', '/admins', '/goals/%E0%A4%A']) expect(matchRoute(p).name, p).toBe('notFound');
  });

  it('names a feature folder with a route.tsx for every route, and every such folder is reached by a route', () => {
    for (const name of ROUTE_NAMES) expect(existsSync(join(FEATURES, ROUTES[name].feature, 'route.tsx')), name).toBe(true);
    const folders = readdirSync(FEATURES, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(FEATURES, d.name, 'route.tsx')))
      .map((d) => d.name);
    expect([...new Set(ROUTE_NAMES.map((n) => ROUTES[n].feature))].sort()).toEqual(folders.sort());
  });

  it('opens the privacy notice and terms from the legal feature without sign-in, and only the documents', () => {
    expect(routeDef('privacy')).toMatchObject({ feature: 'legal', public: true });
    expect(routeDef('terms')).toMatchObject({ feature: 'legal', public: true });
    expect(ROUTE_NAMES.filter((n) => routeDef(n)?.public).sort()).toEqual(['accessibility', 'privacy', 'terms']);
    expect(ROUTE_NAMES.filter((n) => routeDef(n)?.requires === 'admin')).toEqual(['admin']);
    expect(ROUTE_NAMES.filter((n) => routeDef(n)?.bare)).toEqual(['reviewStage', 'config']);
    expect(routeDef('notFound')).toBeUndefined();
  });
});

describe('Teams deep links (subPageId)', () => {
  it('map an in-app path, with or without its leading slash, and ignore anything the app has no view for', () => {
    expect(pathFromSubPageId('goals/vantaa-ko-2021.g1')).toBe('/goals/vantaa-ko-2021.g1');
    expect(pathFromSubPageId('/check-in/G-1?period=2021-09')).toBe('/check-in/G-1?period=2021-09');
    expect(pathFromSubPageId('somewhere/else')).toBeUndefined();
    expect(pathFromSubPageId(undefined)).toBeUndefined();
  });
});

describe('admin paths', () => {
  it('read the entity kind and key after /admin/, defaulting to the plans list', () => {
    expect(parseAdminPath(matchRoute(paths.admin({ rest: `goals/${encodeURIComponent('a/b')}` })).params.rest ?? '')).toEqual({ kind: 'goals', key: 'a/b' });
    expect(parseAdminPath('units/new')).toEqual({ kind: 'units', key: 'new' });
    expect(parseAdminPath('')).toEqual({ kind: 'plans', key: undefined });
    expect(parseAdminPath('nonsense/x')).toEqual({ kind: 'plans', key: 'x' });
  });
});
