/**
 * One auth interface, two implementations: Teams (MSAL nested app auth) and local (the demo-user
 * picker with tokens from the local issuer). Views and the data layer only see this interface.
 */
export interface AuthUser {
  /** Entra object id (local: the demo user's id). */
  id: string;
  upn: string;
  name: string;
}

export interface Auth {
  readonly mode: 'teams' | 'local';
  /** The signed-in user, or null when the local picker is showing. */
  readonly user: AuthUser | null;
  /** A token for the command API (`/api/*`). */
  getApiToken(): Promise<string>;
  /** A delegated token for Graph reads (SharePoint trims what the user may not see). */
  getGraphToken(): Promise<string>;
  /** Local: back to the picker. Teams: forgets the cached account (Teams itself keeps the session). */
  signOut(): void;
}

export class AuthError extends Error {
  constructor(
    message: string,
    readonly reason: 'signedOut' | 'interactionRequired' | 'failed',
  ) {
    super(message);
    this.name = 'AuthError';
  }
}
