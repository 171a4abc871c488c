import { createRoot } from 'react-dom/client';
import { App } from './app';
import { detectHost } from '../host/host';
import { initialTheme, loadTheme } from '../theme/theme';
import { createI18n, initialLanguage, namespaceOfFeature } from '../i18n';
import { prefetchConfig } from '../data/config';
import { preloadGraphAdapter } from '../data/reads';
import { matchRoute } from '../routing/paths';
import { routeDef } from '../routing/route-table';
import { preloadView } from './views';
import { createQueryClient, prestartSignIn, startFirstView } from './app';

/**
 * Before anything waits: the first view's chunk, and for a signed-in view the configuration and
 * the Graph adapter, all at once alongside the host, language and theme, so the JS arrives in one
 * wave after the entry and the first data request does not queue behind it.
 */
/** The first view's own lazy parts (its charts), listed by the build in index.html (vite.config.ts). */
function preloadLazyParts(feature: string): void {
  let files: unknown;
  try {
    files = (JSON.parse(document.getElementById('lazy-parts')?.textContent ?? '{}') as Record<string, unknown>)[feature];
  } catch {
    return; // no list (the dev server): the parts load when the view asks for them
  }
  if (!Array.isArray(files)) return;
  for (const href of files) {
    if (typeof href !== 'string') continue;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.appendChild(link);
  }
}

function startEarly(): string[] {
  const route = matchRoute(window.location.pathname, window.location.search);
  const def = routeDef(route.name);
  const signedIn = def?.public !== true;
  // The configuration and the sign-in first: over HTTP/1.1 a browser opens six connections to a
  // host, and requests asked for later wait behind the view's few dozen chunks.
  // The Graph adapter next: the first reads (app.tsx startFirstView) wait on it, the view's own
  // chunks only on the reads.
  if (signedIn) {
    prefetchConfig();
    prestartSignIn();
    preloadGraphAdapter();
  }
  void preloadView(route.name);
  if (def) preloadLazyParts(def.feature);
  const own = def ? namespaceOfFeature(def.feature) : undefined;
  if (signedIn) void import('./top-bar-tools').catch(() => undefined); // the top bar's lazy part, in the same wave
  return [...(own ? [own] : []), ...(def?.namespaces ?? [])];
}

/** Entry: find the host (never hangs outside Teams), load the language and theme, render. */
async function start() {
  const namespaces = startEarly();
  const host = await detectHost();
  // Configuration, sign-in and (on a cold start) the first view's reads run while the language,
  // the theme and the view's chunks load, into the query cache the app then renders with.
  const queryClient = createQueryClient();
  startFirstView(host, queryClient);
  // A dark or high-contrast start loads that theme's chunk alongside the texts: no light flash.
  const [i18n] = await Promise.all([createI18n(initialLanguage(host.locale), { namespaces }), loadTheme(initialTheme(host)).catch(() => undefined)]);
  const el = document.getElementById('root');
  if (!el) throw new Error('index.html lacks #root');
  createRoot(el).render(<App host={host} i18n={i18n} queryClient={queryClient} />);
  host.teams?.app.notifySuccess();
}

void start();
