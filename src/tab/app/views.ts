/**
 * Route → view, derived from the route table: each view is its feature's `route.tsx` default
 * export, loaded lazily (its own chunk), so the first view downloads only what it needs. A feature
 * folder that does not exist in this build shows the "not available" state instead of failing
 * the build.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { routeDef, type RouteName } from '../routing/route-table';

const modules = import.meta.glob<{ default: ComponentType }>('../features/*/route.tsx');

const loaderOf = (name: RouteName | 'notFound') => {
  const def = routeDef(name);
  return def ? modules[`../features/${def.feature}/route.tsx`] : undefined;
};

// One lazy component per feature: two routes of one feature (privacy, terms) share its chunk.
const cache = new Map<string, LazyExoticComponent<ComponentType>>();

export function viewFor(name: RouteName | 'notFound'): LazyExoticComponent<ComponentType> | undefined {
  const load = loaderOf(name);
  const feature = routeDef(name)?.feature;
  if (!load || !feature) return undefined;
  let view = cache.get(feature);
  if (!view) {
    view = lazy(load);
    cache.set(feature, view);
  }
  return view;
}

/** Starts downloading a view's code (on hover/focus of its link), so the click feels instant. */
export function preloadView(name: RouteName | 'notFound'): void {
  void loaderOf(name)?.();
}
