import type { LocalizedText } from './schemas/localized';

export type { LocalizedText };

/** The three languages the product speaks. Finnish is the default for Finnish municipalities. */
export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function pickText(text: LocalizedText, locale: Locale): string {
  return text[locale] || text.fi;
}

/** Maps any BCP-47 tag (Teams gives e.g. "fi-fi", "sv-SE", "en-us") to one of our locales. */
export function toLocale(tag: string | undefined | null, fallback: Locale = 'fi'): Locale {
  const lang = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(lang ?? '') ? (lang as Locale) : fallback;
}
