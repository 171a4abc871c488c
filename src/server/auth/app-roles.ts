import type { Role } from '../../domain';

/**
 * The Entra ID app roles of the app registration (`Goals.Admin`, `Goals.Leader`) and what they
 * mean to us. One table for both paths: the API reads them from the token's `roles` claim, the bot
 * from the service principal's app role assignments (docs/decisions/0004).
 */
const APP_ROLES: Record<string, Role> = { admin: 'admin', 'goals.admin': 'admin', leader: 'leader', 'goals.leader': 'leader' };

/** The role an app role value stands for (case-insensitive), or undefined for any other value. */
export function roleOfAppRole(value: unknown): Role | undefined {
  return typeof value === 'string' ? APP_ROLES[value.toLowerCase()] : undefined;
}
