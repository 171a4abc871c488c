import type { Actor } from './person';
import type { Goal } from './goal';
import { isMember, type Group } from './organisation';

/**
 * Who may do what. The same rules run for the command API, the bot's card actions and the tab
 * (which only uses them to hide actions; the server decides).
 */

export function isAdmin(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.includes('admin');
}

export function isLeader(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.includes('leader');
}

/** Responsible persons, members of a responsible group, and admins may check in on a goal. */
export function canCheckIn(actor: Actor, goal: Pick<Goal, 'responsiblePersons' | 'responsibleGroupKeys'>, groups: readonly Group[]): boolean {
  if (isAdmin(actor)) return true;
  if (goal.responsiblePersons.some((p) => p.id === actor.id)) return true;
  return groups.some((g) => goal.responsibleGroupKeys.includes(g.key) && isMember(g, actor.id));
}

/** Only admins set up plans, themes, goals, groups and units. */
export function canEditPlanning(actor: Pick<Actor, 'roles'>): boolean {
  return isAdmin(actor);
}

/** Leaders record review notes (admins too, as they run the meetings' set-up). */
export function canWriteReview(actor: Pick<Actor, 'roles'>): boolean {
  return isLeader(actor) || isAdmin(actor);
}

/** Admins and the group's owners link a Teams channel to a development group. */
export function canLinkChannel(actor: Actor, group: Group): boolean {
  return isAdmin(actor) || group.owners.some((o) => o.id === actor.id);
}

/** Goals a person is involved in: responsible for, or in a responsible group of. Admins see only their own here. */
export function isInvolved(personId: string, goal: Pick<Goal, 'responsiblePersons' | 'responsibleGroupKeys'>, groups: readonly Group[]): boolean {
  if (goal.responsiblePersons.some((p) => p.id === personId)) return true;
  return groups.some((g) => goal.responsibleGroupKeys.includes(g.key) && isMember(g, personId));
}
