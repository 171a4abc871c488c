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

// One component per feature: two routes of one feature (privacy, terms) share its chunk. Once
// handed out, a feature's component stays the same object (a new one would remount the view).
const cache = new Map<string, ComponentType>();
// Views whose chunk has arrived (preloadView): rendered directly, not through lazy(). A lazy view
// suspends on its first render even when its code is already here, and React 19 then holds the
// revealed view back for up to 300 ms (its Suspense throttle) — and the view's queries with it.
const loaded = new Map<string, ComponentType>();

export function viewFor(name: RouteName | 'notFound'): ComponentType | undefined {
  const load = loaderOf(name);
  const feature = routeDef(name)?.feature;
  if (!load || !feature) return undefined;
  let view = cache.get(feature);
  if (!view) {
    view = loaded.get(feature) ?? (lazy(load) as LazyExoticComponent<ComponentType>);
    cache.set(feature, view);
  }
  return view;
}

/**
 * Starts downloading a view's code (the first view at start, a link's on hover/focus), so the
 * click feels instant; once it is here the view renders without suspending.
 */
export function preloadView(name: RouteName | 'notFound'): Promise<void> {
  const feature = routeDef(name)?.feature;
  const load = loaderOf(name);
  if (!load || !feature) return Promise.resolve();
  return load().then(
    (m) => {
      if (!loaded.has(feature)) loaded.set(feature, m.default);
    },
    () => undefined, // the lazy view shows the failure when it renders
  );
}
