import type { Actor, Person } from './schemas/person';

/**
 * A person as stored in the lists: Entra object id + UPN + display name, so that reads need no
 * extra round trips to resolve people. `Actor` is the authenticated caller of a command.
 */
export type { Actor, Person };

export const ROLES = ['admin', 'leader'] as const;
export type Role = (typeof ROLES)[number];
