import { z } from 'zod';
import { STATUS_COLORS } from '../status-scale';
import { localizedTextSchema } from './localized';

export const statusColorSchema = z.enum(STATUS_COLORS);

export const statusLevelSchema = z.object({
  /** Higher is better. Roll-ups take the worst (lowest) value. */
  value: z.number().int().min(0).max(9),
  label: localizedTextSchema,
  color: statusColorSchema,
});
export type StatusLevel = z.infer<typeof statusLevelSchema>;

export const statusScaleSchema = z
  .object({
    key: z.string().min(1),
    name: localizedTextSchema,
    levels: z.array(statusLevelSchema).min(2, 'A status scale needs at least two levels'),
  })
  .superRefine((scale, ctx) => {
    const values = scale.levels.map((l) => l.value);
    if (new Set(values).size !== values.length) {
      ctx.addIssue({ code: 'custom', path: ['levels'], message: 'Status level values must be unique' });
    }
  });
export type StatusScale = z.infer<typeof statusScaleSchema>;
