import { z } from 'zod';

/** The three languages the product speaks. Finnish is the default for Finnish municipalities. */
export const LOCALES = ['fi', 'sv', 'en'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

/** Text shown to people in fi/sv/en. Finnish is always present; the others fall back to it. */
export const localizedTextSchema = z.object({
  fi: z.string().min(1, 'Finnish text is required'),
  sv: z.string().optional(),
  en: z.string().optional(),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export function pickText(text: LocalizedText, locale: Locale): string {
  return text[locale] || text.fi;
}

/** Maps any BCP-47 tag (Teams gives e.g. "fi-fi", "sv-SE", "en-us") to one of our locales. */
export function toLocale(tag: string | undefined | null, fallback: Locale = 'fi'): Locale {
  const lang = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(lang ?? '') ? (lang as Locale) : fallback;
}
