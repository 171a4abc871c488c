/**
 * i18next with one catalog file per language and namespace: `i18n/<lng>/<namespace>.json`.
 * A feature adds its own namespace by adding files (all three languages; a unit test checks), and
 * the loader below finds them: catalogs are loaded on demand, so a view downloads only its texts.
 */
import i18next, { type i18n as I18n, type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, toLocale, type Locale } from '../../domain/rules';

export const DEFAULT_NS = 'common';

/**
 * The shell's names for the domain's `LOCALES` and `toLocale` (the same values: `domain/rules`
 * loads no zod, so the shell imports them rather than keeping a copy).
 */
export { LOCALES as LANGUAGES, toLocale as languageOf };

const STORAGE_KEY = 'tavoitteet.language';

const loaders = import.meta.glob<{ default: ResourceKey }>('./*/*.json');

/** Every namespace that has a catalog (from the file names of the default language). */
export const NAMESPACES: readonly string[] = Object.keys(loaders)
  .filter((p) => p.startsWith('./fi/'))
  .map((p) => p.slice('./fi/'.length, -'.json'.length));

const lazyBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = loaders[`./${language}/${namespace}.json`];
    if (!load) {
      callback(new Error(`No catalog ${language}/${namespace}`), false);
      return;
    }
    load().then(
      (m) => callback(null, m.default),
      (e: unknown) => callback(e instanceof Error ? e : new Error(String(e)), false),
    );
  },
};

/** Language choice: remembered choice, else the host's locale (Finnish when it is none of ours). */
export function initialLanguage(hostLocale: string | undefined): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  } catch {
    // storage blocked; fall through
  }
  return toLocale(hostLocale, 'fi');
}

export function rememberLanguage(lng: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not remembered; still applied for this session
  }
}

/** The catalog a feature's view reads first: its folder name in camelCase (`my-goals` → `myGoals`), if it has one. */
export function namespaceOfFeature(feature: string): string | undefined {
  const ns = feature.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  return NAMESPACES.includes(ns) ? ns : undefined;
}

/**
 * `namespaces`: catalogs to load with the common one (the first view's), so that view does not
 * suspend for its texts after its code arrived — one wave, not two.
 */
export async function createI18n(lng: Locale, opts: { resources?: Record<string, Record<string, ResourceKey>>; namespaces?: readonly string[] } = {}): Promise<I18n> {
  const instance = i18next.createInstance();
  if (!opts.resources) instance.use(lazyBackend);
  instance.use(initReactI18next);
  await instance.init({
    lng,
    supportedLngs: [...LOCALES],
    fallbackLng: 'fi',
    ns: [DEFAULT_NS, ...(opts.namespaces ?? []).filter((n) => n !== DEFAULT_NS)],
    defaultNS: DEFAULT_NS,
    fallbackNS: DEFAULT_NS,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    ...(opts.resources ? { resources: opts.resources, ns: Object.keys(opts.resources[lng] ?? {}) } : {}),
    react: { useSuspense: true },
  });
  instance.on('languageChanged', (l) => {
    document.documentElement.lang = l;
  });
  document.documentElement.lang = lng;
  return instance;
}
