import { z } from 'zod';
import { LOCALES } from '../localized';

export const localeSchema = z.enum(LOCALES);

/** Text shown to people in fi/sv/en. Finnish is always present; the others fall back to it. */
export const localizedTextSchema = z.object({
  fi: z.string().min(1, 'Finnish text is required'),
  sv: z.string().optional(),
  en: z.string().optional(),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;
