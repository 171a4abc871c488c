/**
 * The user's language as a hook, plus formatting and localized-text picking in that language.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, pickText, toLocale, type Locale, type LocalizedText } from '../../domain/rules';
import { createFormat, type Format } from '../format';
import { rememberLanguage } from './index';

export function useLocale(): { locale: Locale; setLocale(l: Locale): void; locales: readonly Locale[] } {
  const { i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage ?? i18n.language, 'fi');
  const setLocale = useCallback(
    (l: Locale) => {
      rememberLanguage(l);
      void i18n.changeLanguage(l);
    },
    [i18n],
  );
  return { locale, setLocale, locales: LOCALES };
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
