/**
 * Route → view. Each view is its feature's `route.tsx` default export, loaded lazily (its own
 * chunk), so the first view downloads only what it needs. A feature folder that does not exist
 * in this build shows the "not available" state instead of failing the build.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteName } from './router';

const modules = import.meta.glob<{ default: ComponentType }>('../features/*/route.tsx');

export const FEATURE_OF: Record<Exclude<RouteName, 'notFound'>, string> = {
  myGoals: 'my-goals',
  checkIn: 'check-in',
  dashboard: 'dashboard',
  goal: 'goal',
  admin: 'admin',
  config: 'config',
  accessibility: 'accessibility',
  // One feature, two documents: the view picks the privacy notice or the terms by route name.
  privacy: 'legal',
  terms: 'legal',
};

/** Who may open a view (the server still decides on every write). */
export const REQUIRES: Partial<Record<RouteName, 'admin'>> = { admin: 'admin' };

/** Views shown without the app's top bar: Teams' own chrome surrounds them. */
export const BARE_ROUTES: readonly RouteName[] = ['config'];

/**
 * Views anyone may read without signing in: the Teams manifest links them (`websiteUrl`,
 * `privacyUrl`, `termsOfUseUrl`) and people open them from the app's details before installing,
 * often in a plain browser where no sign-in is possible. They use no data.
 */
export const PUBLIC_ROUTES: readonly RouteName[] = ['accessibility', 'privacy', 'terms'];

const cache = new Map<string, LazyExoticComponent<ComponentType>>();

export function viewFor(name: RouteName): LazyExoticComponent<ComponentType> | undefined {
  if (name === 'notFound') return undefined;
  const feature = FEATURE_OF[name];
  const load = modules[`../features/${feature}/route.tsx`];
  if (!load) return undefined;
  let view = cache.get(feature);
  if (!view) {
    view = lazy(load);
    cache.set(feature, view);
  }
  return view;
}

/** Starts downloading a view's code (on hover/focus of its link), so the click feels instant. */
export function preloadView(name: RouteName): void {
  if (name === 'notFound') return;
  void modules[`../features/${FEATURE_OF[name]}/route.tsx`]?.();
}
