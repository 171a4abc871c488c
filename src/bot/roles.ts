import { z } from 'zod';
import type { Role } from '../domain';

/**
 * Who is an admin or a leader for the bot. Card actions carry only the user's Entra object id
 * (`from.aadObjectId`), not a token with roles, so the bot keeps a directory:
 * - tenant mode: `BOT_ADMIN_IDS` and `BOT_LEADER_IDS`, comma-separated Entra object ids, parsed
 *   with zod at start-up (a malformed id fails fast, naming the variable);
 * - local mode: the demo users' roles (src/demo DEMO_USERS), the same people the tab lets you pick.
 * Leaders receive the digest; admins may link any channel and check in on any goal.
 */
export interface RoleDirectory {
  rolesOf(personId: string): Role[];
  leaders(): string[];
  /** People the directory knows by name (demo users), for resolving a card's actor. */
  known(personId: string): { id: string; upn: string; name: string } | undefined;
}

const idList = z
  .string()
  .optional()
  .transform((s) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.string().uuid('must be Entra object ids (GUIDs), comma-separated')));

export const roleEnvSchema = z.object({ BOT_ADMIN_IDS: idList, BOT_LEADER_IDS: idList });

export function roleDirectoryFromEnv(env: Record<string, string | undefined>): RoleDirectory {
  const r = roleEnvSchema.safeParse(env);
  if (!r.success) throw new Error(`Invalid bot role settings: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const admins = new Set(r.data.BOT_ADMIN_IDS);
  const leaders = new Set(r.data.BOT_LEADER_IDS);
  return {
    rolesOf: (id) => [...(admins.has(id) ? (['admin'] as const) : []), ...(leaders.has(id) ? (['leader'] as const) : [])],
    leaders: () => [...leaders],
    known: () => undefined,
  };
}

export function roleDirectoryFromUsers(users: readonly { id: string; upn: string; name: string; roles: readonly Role[] }[]): RoleDirectory {
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    rolesOf: (id) => [...(byId.get(id)?.roles ?? [])],
    leaders: () => users.filter((u) => u.roles.includes('leader')).map((u) => u.id),
    known: (id) => {
      const u = byId.get(id);
      return u ? { id: u.id, upn: u.upn, name: u.name } : undefined;
    },
  };
}
