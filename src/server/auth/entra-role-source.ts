import { z } from 'zod';
import type { Role } from '../../domain';
import type { GraphClient } from '../../graph';
import type { Logger } from '../../ports';
import { roleDirectoryFromAssignments, type RoleDirectory, type RoleSource } from '../../bot';
import { roleOfAppRole } from './app-roles';

/**
 * The bot's roles in a tenant, from the same place the API's come from: the app role assignments
 * of the app's service principal in Entra ID (docs/decisions/0004). Read with the server's app-only
 * Graph token, which needs `Application.Read.All` (service principal and its assignments) and
 * `GroupMember.Read.All` (members of groups that were assigned a role):
 *
 *   GET /servicePrincipals(appId='{appId}')?$select=id,appRoles
 *   GET /servicePrincipals/{id}/appRoleAssignedTo            users, groups, service principals
 *   GET /groups/{id}/members/microsoft.graph.user            direct members only, as Entra assigns
 *
 * A group assignment counts for the group's direct members (nested groups are not assigned, which
 * is also what ends up in the token's `roles` claim). Answers are cached for `ttlSeconds`; when a
 * refresh fails the last directory stays in use (and the failure is logged) rather than turning
 * every admin into nobody.
 */
export interface EntraRoleSourceOptions {
  graph: GraphClient;
  /** The app registration that defines Goals.Admin / Goals.Leader (the API's client id). */
  appId: string;
  log: Logger;
  /** How long one read of the assignments is used. Default 300 s. */
  ttlSeconds?: number;
  /** Milliseconds clock (tests). */
  now?: () => number;
}

const page = <T extends z.ZodTypeAny>(item: T) => z.object({ value: z.array(item), '@odata.nextLink': z.string().optional() });

const servicePrincipalSchema = z.object({
  id: z.string().min(1),
  appRoles: z.array(z.object({ id: z.string(), value: z.string().nullable().optional(), isEnabled: z.boolean().default(true) })).default([]),
});
const assignmentsSchema = page(z.object({ appRoleId: z.string(), principalId: z.string(), principalType: z.string().nullable().optional() }));
const membersSchema = page(z.object({ id: z.string() }));

/** After a failed refresh, wait this long before trying Graph again (the stale directory is used meanwhile). */
const RETRY_AFTER_FAILURE_MS = 30_000;

export function entraRoleSource(o: EntraRoleSourceOptions): RoleSource {
  const ttlMs = (o.ttlSeconds ?? 300) * 1000;
  const now = o.now ?? Date.now;
  let cached: { directory: RoleDirectory; until: number } | undefined;
  let loading: Promise<RoleDirectory> | undefined;

  async function readAll<T>(schema: z.ZodType<{ value: T[]; '@odata.nextLink'?: string | undefined }>, first: string, what: string): Promise<T[]> {
    const out: T[] = [];
    for (let next: string | undefined = first; next; ) {
      const parsed = schema.safeParse(await o.graph.get(next));
      if (!parsed.success) throw new Error(`Unexpected answer from Microsoft Graph for ${what}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      out.push(...parsed.data.value);
      next = parsed.data['@odata.nextLink'];
    }
    return out;
  }

  async function load(): Promise<RoleDirectory> {
    const sp = servicePrincipalSchema.safeParse(await o.graph.get(`/servicePrincipals(appId='${encodeURIComponent(o.appId)}')?$select=id,appRoles`));
    if (!sp.success) throw new Error(`Unexpected answer from Microsoft Graph for the service principal of ${o.appId}`);
    const roleOfId = new Map<string, Role>();
    for (const r of sp.data.appRoles) {
      const role = r.isEnabled ? roleOfAppRole(r.value) : undefined;
      if (role) roleOfId.set(r.id, role);
    }
    const assignments = await readAll(
      assignmentsSchema,
      `/servicePrincipals/${encodeURIComponent(sp.data.id)}/appRoleAssignedTo?$select=appRoleId,principalId,principalType&$top=999`,
      'app role assignments',
    );
    const rolesById = new Map<string, Set<Role>>();
    const grant = (personId: string, role: Role) => rolesById.set(personId, (rolesById.get(personId) ?? new Set<Role>()).add(role));
    const groupRoles = new Map<string, Set<Role>>();
    for (const a of assignments) {
      const role = roleOfId.get(a.appRoleId);
      if (!role) continue;
      if (a.principalType === 'User') grant(a.principalId, role);
      else if (a.principalType === 'Group') groupRoles.set(a.principalId, (groupRoles.get(a.principalId) ?? new Set<Role>()).add(role));
      // Service principals (other apps) hold no person's role.
    }
    await Promise.all(
      [...groupRoles].map(async ([groupId, roles]) => {
        const members = await readAll(membersSchema, `/groups/${encodeURIComponent(groupId)}/members/microsoft.graph.user?$select=id&$top=999`, `the members of group ${groupId}`);
        for (const m of members) for (const role of roles) grant(m.id, role);
      }),
    );
    return roleDirectoryFromAssignments(new Map([...rolesById].map(([id, roles]) => [id, [...roles].sort()])));
  }

  return {
    current() {
      if (cached && now() < cached.until) return Promise.resolve(cached.directory);
      loading ??= load()
        .then((directory) => {
          cached = { directory, until: now() + ttlMs };
          return directory;
        })
        .catch((e: unknown) => {
          if (!cached) throw e;
          o.log.warn('Could not refresh the app role assignments from Microsoft Graph; using the last ones read', e instanceof Error ? e.message : e);
          cached = { directory: cached.directory, until: now() + RETRY_AFTER_FAILURE_MS };
          return cached.directory;
        })
        .finally(() => {
          loading = undefined;
        });
      return loading;
    },
  };
}
