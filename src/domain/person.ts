import { z } from 'zod';

/**
 * A person as stored in the lists: Entra object id + UPN + display name, so that
 * reads need no extra round trips to resolve people.
 */
export const personSchema = z.object({
  id: z.string().min(1),
  upn: z.string().min(1),
  name: z.string().min(1),
});
export type Person = z.infer<typeof personSchema>;

export const ROLES = ['admin', 'leader'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** The authenticated caller of a command (from a validated token or a card invoke). */
export const actorSchema = personSchema.extend({ roles: z.array(roleSchema).default([]) });
export type Actor = z.infer<typeof actorSchema>;
