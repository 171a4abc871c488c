import { ConfidentialClientApplication } from '@azure/msal-node';
import type { TenantConfig } from '../config';

/**
 * The server's app-only Graph token in a tenant (client credentials; the app has Sites.Selected
 * with write on the one site). MSAL caches and renews it.
 */
export function tenantAppToken(config: TenantConfig): () => Promise<string> {
  const cca = new ConfidentialClientApplication({
    auth: {
      clientId: config.AAD_CLIENT_ID,
      authority: `https://login.microsoftonline.com/${config.AAD_TENANT_ID}`,
      clientSecret: config.AAD_CLIENT_SECRET,
    },
  });
  return async () => {
    const r = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    if (!r?.accessToken) throw new Error('Entra ID returned no app token for Microsoft Graph');
    return r.accessToken;
  };
}
