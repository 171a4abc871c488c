/**
 * The user's language as a hook, plus formatting and localized-text picking in that language.
 */
import { useCallback, useMemo } from 'react';
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

export function useFormat(): Format {
  const { locale } = useLocale();
  return useMemo(() => createFormat(locale), [locale]);
}

/** Picks the user's language from a fi/sv/en text (Finnish when the translation is missing). */
export function useText(): (text: LocalizedText | undefined) => string {
  const { locale } = useLocale();
  return useCallback((text) => (text ? pickText(text, locale) : ''), [locale]);
}
