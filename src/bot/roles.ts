import type { Role } from '../domain';

/**
 * Who is an admin or a leader for the bot. Card actions carry only the user's Entra object id
 * (`from.aadObjectId`), not a token with roles, so the bot asks a directory. Its one source is the
 * same as the API's (docs/decisions/0004): the app's Entra app role assignments in a tenant
 * (`Goals.Admin`, `Goals.Leader`, read through Microsoft Graph by the composition root), and in
 * local mode the demo users whose roles the local token issuer mints.
 * Leaders receive the digest; admins may link any channel and check in on any goal.
 */
export interface RoleDirectory {
  rolesOf(personId: string): Role[];
  leaders(): string[];
  /** People the directory knows by name (demo users), for resolving a card's actor. */
  known(personId: string): { id: string; upn: string; name: string } | undefined;
}

/**
 * Where the bot gets its directory: `current()` answers the directory as of now. A tenant's
 * assignments change while the bot runs, so the source may re-read them (with a short cache);
 * each activity and each reminder run works on one directory from start to end.
 */
export interface RoleSource {
  current(): Promise<RoleDirectory>;
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

/** A directory from person id → roles, with no names (a tenant's app role assignments). */
export function roleDirectoryFromAssignments(rolesById: ReadonlyMap<string, readonly Role[]>): RoleDirectory {
  return {
    rolesOf: (id) => [...(rolesById.get(id) ?? [])],
    leaders: () => [...rolesById].filter(([, roles]) => roles.includes('leader')).map(([id]) => id),
    known: () => undefined,
  };
}

/** A source whose directory never changes (local mode's demo users, tests). */
export function fixedRoleSource(directory: RoleDirectory): RoleSource {
  return { current: async () => directory };
}
