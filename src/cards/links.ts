/** Where a card's "open" buttons go: the goal in the Teams tab, and the same page in a plain browser. */
export interface LinkTargets {
  /** Teams app id (manifest id). */
  teamsAppId: string;
  /** entityId of the personal (static) tab that shows goals. */
  tabEntityId: string;
  /** Public base URL of the app server, without a trailing slash. */
  publicUrl: string;
}

/** Teams deep link to the goal in the tab; the tab reads `subEntityId` ("goal:<key>") from its context. */
export function teamsGoalLink(l: LinkTargets, goalKey: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: `goal:${goalKey}` }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(l.teamsAppId)}/${encodeURIComponent(l.tabEntityId)}?context=${context}`;
}

export function browserGoalLink(l: LinkTargets, goalKey: string): string {
  return `${l.publicUrl}/goals/${encodeURIComponent(goalKey)}`;
}

export function dashboardLink(l: LinkTargets, planKey: string, period: string): string {
  return `${l.publicUrl}/dashboard?plan=${encodeURIComponent(planKey)}&period=${encodeURIComponent(period)}`;
}

/**
 * The MRI Teams uses for a user in `refresh.userIds`, derived from the Entra object id we store
 * for every person (unconfirmed format detail; see docs/decisions/0001-bot-sdk.md).
 */
export function teamsUserMri(aadObjectId: string): string {
  return `8:orgid:${aadObjectId}`;
}

/** Teams refreshes user-specific views automatically for at most 60 listed users. */
export const MAX_REFRESH_USERS = 60;
