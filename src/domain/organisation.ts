import type { ConversationRef, Group, PersonRecord, Unit } from './schemas/organisation';

/**
 * The organisation: reporting units (service areas, e.g. VAKA), development groups
 * (kehittämisryhmät) with their Teams channel, and people who installed the app personally.
 */
export type { ConversationRef, Group, PersonRecord, Unit };

export function isMember(group: Group, personId: string): boolean {
  return group.members.some((m) => m.id === personId) || group.owners.some((o) => o.id === personId);
}
