import type { Actor, Goal, Group, Person, PersonRecord } from '../domain';
import type { Versioned } from '../ports';
import type { RoleDirectory } from './roles';

/**
 * The actor of a card action or message: Teams tells us only the Entra object id and display
 * name (`from.aadObjectId`, `from.name`). We look the person up where people are stored (group
 * members and owners, responsible persons, the People list, the role directory) to get the UPN
 * and name the lists use, and take the roles from the directory. Someone found nowhere is still
 * an actor — with no roles and no memberships, so the policy refuses them.
 */
export function resolveActor(
  from: { aadObjectId?: string; id: string; name?: string },
  data: { groups: readonly Group[]; goals: readonly Goal[]; people: readonly Versioned<PersonRecord>[] },
  roles: RoleDirectory,
): Actor | undefined {
  const id = from.aadObjectId;
  if (!id) return undefined;
  const found: Person | undefined =
    data.groups.flatMap((g) => [...g.members, ...g.owners]).find((p) => p.id === id) ??
    data.goals.flatMap((g) => g.responsiblePersons).find((p) => p.id === id) ??
    roles.known(id) ??
    personFromRecord(data.people.find((p) => p.value.key === id)?.value);
  return {
    id,
    upn: found?.upn ?? id,
    name: found?.name ?? from.name ?? id,
    roles: roles.rolesOf(id),
  };
}

function personFromRecord(r: PersonRecord | undefined): Person | undefined {
  return r ? { id: r.key, upn: r.upn ?? r.key, name: r.name } : undefined;
}
