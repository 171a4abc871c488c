import { z } from 'zod';
import { localizedTextSchema } from './localized';
import { keySchema } from './plan';

export const themeSchema = z.object({
  key: keySchema,
  planKey: keySchema,
  parentKey: keySchema.optional(),
  /** Display code such as "1", "1.2" or "A.3". */
  code: z.string().min(1).max(16),
  order: z.number().int(),
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
});
export type Theme = z.infer<typeof themeSchema>;
