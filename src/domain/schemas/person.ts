import { z } from 'zod';
import { ROLES } from '../person';

export const personSchema = z.object({
  id: z.string().min(1),
  upn: z.string().min(1),
  name: z.string().min(1),
});
export type Person = z.infer<typeof personSchema>;

export const roleSchema = z.enum(ROLES);

/** The authenticated caller of a command (from a validated token or a card invoke). */
export const actorSchema = personSchema.extend({ roles: z.array(roleSchema).default([]) });
export type Actor = z.infer<typeof actorSchema>;
