/**
 * The Fluent theme follows Teams (default / dark / contrast, live through the host's theme-change
 * handler). In a plain browser the user picks it; `?theme=dark|contrast|light` wins (tests use it),
 * then the remembered choice, then the operating system's preference.
 *
 * Only the light theme is in the shell; dark and high contrast are loaded on demand
 * (`loadTheme`): app/main.tsx loads the starting theme before the first render, and a later switch
 * keeps the current theme until the new one has arrived.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { FluentProvider, teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { HostContext, TeamsTheme } from '../host/host';

export type ThemeName = 'light' | 'dark' | 'contrast';
export const THEME_NAMES: readonly ThemeName[] = ['light', 'dark', 'contrast'];
const STORAGE_KEY = 'tavoitteet.theme';

const FLUENT: Partial<Record<ThemeName, Theme>> = { light: teamsLightTheme };

/** Loads a Fluent theme (dark and contrast are a separate chunk); resolves at once when loaded. */
export async function loadTheme(name: ThemeName): Promise<Theme> {
  const have = FLUENT[name];
  if (have) return have;
  const m = await import('./themes-extra');
  FLUENT.dark = m.teamsDarkTheme;
  FLUENT.contrast = m.teamsHighContrastTheme;
  return FLUENT[name] as Theme;
}

export const fromTeamsTheme = (t: TeamsTheme | undefined): ThemeName => (t === 'dark' ? 'dark' : t === 'contrast' ? 'contrast' : 'light');

const isThemeName = (v: unknown): v is ThemeName => typeof v === 'string' && (THEME_NAMES as readonly string[]).includes(v);

/** The theme to start in: the host's in Teams, else the browser's choice (below). */
export function initialTheme(host: HostContext): ThemeName {
  return host.kind === 'teams' ? fromTeamsTheme(host.theme) : initialBrowserTheme();
}

export function initialBrowserTheme(win: Window = window): ThemeName {
  const param = new URLSearchParams(win.location.search).get('theme');
  if (param === 'default') return 'light';
  if (isThemeName(param)) return param;
  try {
    const stored = win.localStorage.getItem(STORAGE_KEY);
    if (isThemeName(stored)) return stored;
  } catch {
    // storage may be blocked (third-party iframe); the default is fine
  }
  if (win.matchMedia?.('(forced-colors: active)').matches) return 'contrast';
  if (win.matchMedia?.('(prefers-color-scheme: dark)').matches) return 'dark';
  return 'light';
}

interface ThemeState {
  theme: ThemeName;
  /** False inside Teams: the host decides. */
  switchable: boolean;
  setTheme(t: ThemeName): void;
}

const ThemeContext = createContext<ThemeState | null>(null);

export function ThemeProvider({ host, children }: { host: HostContext; children: ReactNode }) {
  const inTeams = host.kind === 'teams';
  const [theme, setThemeState] = useState<ThemeName>(() => initialTheme(host));
  // The theme on screen: the chosen one once its chunk has loaded (the light one is always there).
  const [shown, setShown] = useState<{ name: ThemeName; fluent: Theme }>(() => {
    const fluent = FLUENT[theme];
    return fluent ? { name: theme, fluent } : { name: 'light', fluent: teamsLightTheme };
  });

  useEffect(() => {
    let cancelled = false;
    loadTheme(theme).then(
      (fluent) => !cancelled && setShown({ name: theme, fluent }),
      () => undefined, // chunk failed to load (offline): stay in the theme on screen
    );
    return () => {
      cancelled = true;
    };
  }, [theme]);

  useEffect(() => host.onThemeChange((t) => setThemeState(fromTeamsTheme(t))), [host]);

  const setTheme = useCallback((t: ThemeName) => {
    setThemeState(t);
    try {
      window.localStorage.setItem(STORAGE_KEY, t);
    } catch {
      // not remembered; still applied
    }
  }, []);

  useEffect(() => {
    document.documentElement.dataset.theme = shown.name;
    document.documentElement.style.colorScheme = shown.name === 'light' ? 'light' : 'dark';
  }, [shown.name]);

  const value = useMemo(() => ({ theme, switchable: !inTeams, setTheme }), [theme, inTeams, setTheme]);
  return (
    <ThemeContext.Provider value={value}>
      <FluentProvider theme={shown.fluent} style={{ minHeight: '100vh' }} applyStylesToPortals>
        {children}
      </FluentProvider>
    </ThemeContext.Provider>
  );
}

export function useTheme(): ThemeState {
  const v = useContext(ThemeContext);
  if (!v) throw new Error('useTheme outside ThemeProvider');
  return v;
}
