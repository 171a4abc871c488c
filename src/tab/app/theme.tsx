/**
 * The Fluent theme follows Teams (default / dark / contrast, live through the host's theme-change
 * handler). In a plain browser the user picks it; `?theme=dark|contrast|light` wins (tests use it),
 * then the remembered choice, then the operating system's preference.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { FluentProvider, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { HostContext, TeamsTheme } from './host';

export type ThemeName = 'light' | 'dark' | 'contrast';
export const THEME_NAMES: readonly ThemeName[] = ['light', 'dark', 'contrast'];
const STORAGE_KEY = 'tavoitteet.theme';

const FLUENT: Record<ThemeName, Theme> = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

export const fromTeamsTheme = (t: TeamsTheme | undefined): ThemeName => (t === 'dark' ? 'dark' : t === 'contrast' ? 'contrast' : 'light');

const isThemeName = (v: unknown): v is ThemeName => typeof v === 'string' && (THEME_NAMES as readonly string[]).includes(v);

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
  const [theme, setThemeState] = useState<ThemeName>(() => (inTeams ? fromTeamsTheme(host.theme) : initialBrowserTheme()));

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
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme === 'light' ? 'light' : 'dark';
  }, [theme]);

  const value = useMemo(() => ({ theme, switchable: !inTeams, setTheme }), [theme, inTeams, setTheme]);
  return (
    <ThemeContext.Provider value={value}>
      <FluentProvider theme={FLUENT[theme]} style={{ minHeight: '100vh' }} applyStylesToPortals>
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
