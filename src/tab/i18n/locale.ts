/**
 * The user's language as a hook, plus formatting and localized-text picking in that language.
 */
import type { i18n as I18n, TFunction } from 'i18next';
import { createContext, createElement, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { LOCALES, pickText, toLocale, type Locale, type LocalizedText } from '../../domain/rules';
import { createFormat, type Format } from '../format';
import { rememberLanguage } from './index';

export interface LocaleValue {
  locale: Locale;
  setLocale(l: Locale): void;
  locales: readonly Locale[];
  /** The common namespace's texts in that language. */
  t: TFunction;
}

const LocaleContext = createContext<LocaleValue | undefined>(undefined);

/**
 * The tab's i18next instance for `useTranslation`, and its language followed once for the whole
 * tab. Each `useTranslation` copies the i18n instance and listens for language changes on its own:
 * a table's every cell and status chip asking for it made ~2,400 of them on a 100-row dashboard,
 * ~30 ms of its first render; `useLocale` and what builds on it (`useText`, `useFormat`, status
 * chips) read this one instead.
 */
export function LanguageProvider({ i18n, children }: { i18n: I18n; children: ReactNode }): ReactNode {
  return createElement(I18nextProvider, { i18n }, createElement(FollowLanguage, null, children));
}

function FollowLanguage({ children }: { children: ReactNode }): ReactNode {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage ?? i18n.language, 'fi');
  const setLocale = useCallback(
    (l: Locale) => {
      rememberLanguage(l);
      void i18n.changeLanguage(l);
    },
    [i18n],
  );
  const value = useMemo(() => ({ locale, setLocale, locales: LOCALES, t }), [locale, setLocale, t]);
  return createElement(LocaleContext.Provider, { value }, children);
}

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale needs a LanguageProvider above it');
  return value;
}

// One Format per language for the whole tab: its Intl formatters (time zone included) cost a few
// milliseconds each to build, and every row of a table asking for its own added up to ~50 ms a view.
const formats = new Map<Locale, Format>();

export function useFormat(): Format {
  const { locale } = useLocale();
  let f = formats.get(locale);
  if (!f) formats.set(locale, (f = createFormat(locale)));
  return f;
}

/** Picks the user's language from a fi/sv/en text (Finnish when the translation is missing). */
export function useText(): (text: LocalizedText | undefined) => string {
  const { locale } = useLocale();
  return useCallback((text) => (text ? pickText(text, locale) : ''), [locale]);
}
