/**
 * Teams: MSAL nested app authentication. The host (Teams, Outlook, microsoft365.com) brokers the
 * tokens, so there is no redirect and usually no prompt. Where the host offers no NAA channel we
 * fall back to a standard PublicClientApplication (popup). Flow per token: the active account (or
 * the one matching the Teams loginHint) → acquireTokenSilent → on InteractionRequiredAuthError,
 * acquireTokenPopup.
 */
import type { AccountInfo, IPublicClientApplication, PopupRequest, SilentRequest } from '@azure/msal-browser';
import type { TabConfig } from '../data/config';
import type { HostContext } from '../host/host';
import { AuthError, type Auth, type AuthUser } from './auth';

// Sites.Read.All reads the lists; User.ReadBasic.All lets an admin search the directory for people (src/tab/data/people.ts).
const GRAPH_SCOPES = ['https://graph.microsoft.com/Sites.Read.All', 'https://graph.microsoft.com/User.ReadBasic.All'];

/** Starts downloading MSAL now (alongside `/config.json`), so sign-in waits for the config only. */
export function preloadMsal(): void {
  void import('@azure/msal-browser').catch(() => undefined); // a failure shows in createTeamsAuth
}

export async function createTeamsAuth(config: TabConfig, host: HostContext): Promise<Auth> {
  if (!config.clientId || !config.tenantId || !config.apiScope) {
    throw new AuthError('The server configuration lacks clientId, tenantId or apiScope for Teams sign-in', 'failed');
  }
  const msal = await import('@azure/msal-browser');
  const configuration = {
    auth: {
      clientId: config.clientId,
      authority: `https://login.microsoftonline.com/${config.tenantId}`,
      redirectUri: `${window.location.origin}/`,
    },
    cache: { cacheLocation: 'localStorage' as const },
  };
  const useNaa = host.teams?.nestedAppAuth.isNAAChannelRecommended() ?? false;
  const pca: IPublicClientApplication = useNaa
    ? await msal.createNestablePublicClientApplication(configuration)
    : await msal.createStandardPublicClientApplication(configuration);

  const hint = host.user?.loginHint ?? host.user?.upn;
  const pickAccount = (): AccountInfo | null => {
    const active = pca.getActiveAccount();
    if (active) return active;
    const all = pca.getAllAccounts();
    const match =
      all.find((a) => (host.user?.id && a.localAccountId === host.user.id) || (hint && a.username.toLowerCase() === hint.toLowerCase())) ?? all[0] ?? null;
    if (match) pca.setActiveAccount(match);
    return match;
  };

  async function token(scopes: string[]): Promise<string> {
    const account = pickAccount();
    const silent: SilentRequest = { scopes, ...(account ? { account } : {}), ...(hint ? { loginHint: hint } : {}) };
    try {
      return (await pca.acquireTokenSilent(silent)).accessToken;
    } catch (e) {
      if (!(e instanceof msal.InteractionRequiredAuthError) && account) {
        throw new AuthError(`Sign-in failed: ${e instanceof Error ? e.message : String(e)}`, 'failed');
      }
      const popup: PopupRequest = { scopes, ...(hint ? { loginHint: hint } : {}) };
      try {
        const r = await pca.acquireTokenPopup(popup);
        if (r.account) pca.setActiveAccount(r.account);
        return r.accessToken;
      } catch (popupError) {
        throw new AuthError(`Sign-in needs your action: ${popupError instanceof Error ? popupError.message : String(popupError)}`, 'interactionRequired');
      }
    }
  }

  // Make sure we have an account (and so a user) before the app renders.
  await token([config.apiScope]);
  const account = pickAccount();
  const user: AuthUser | null = account
    ? { id: account.localAccountId || host.user?.id || '', upn: account.username, name: account.name ?? account.username }
    : null;

  return {
    mode: 'teams',
    user,
    getApiToken: () => token([config.apiScope as string]),
    getGraphToken: () => token(GRAPH_SCOPES),
    signOut() {
      pca.setActiveAccount(null);
    },
  };
}
