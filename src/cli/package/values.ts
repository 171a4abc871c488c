/**
 * The values of the manifest's `${{NAME}}` placeholders for a mode, from the settings.
 *
 * Local mode needs no settings: PUBLIC_URL is http://localhost:<PORT> and the ids are fixed local
 * values (not registered anywhere). Tenant mode needs PUBLIC_URL (https), TEAMS_APP_ID,
 * AAD_CLIENT_ID and BOT_ID, and takes API_AUDIENCE (default api://<domain>/<AAD_CLIENT_ID>).
 */
import { LOCAL_API_AUDIENCE, LOCAL_APP_ID } from '../../server/auth/local-issuer';
import { loadConfig, publicUrl } from '../../server/config';
import { PackageError } from './problems';

export type PackageMode = 'local' | 'tenant';

export type TemplateValues = Record<'TEAMS_APP_ID' | 'PUBLIC_URL' | 'PUBLIC_DOMAIN' | 'AAD_CLIENT_ID' | 'BOT_ID' | 'API_AUDIENCE', string>;

/**
 * Fixed ids for local packages, registered in no tenant: the Entra app id is the local issuer's
 * stand-in app; the bot id is any GUID (Agents Playground accepts every bot id).
 */
export const LOCAL_IDS = {
  AAD_CLIENT_ID: LOCAL_APP_ID,
  BOT_ID: '2f8e4b1c-9a3d-4e6f-b0c7-51d2a8e9f364',
} as const;

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

const nonEmpty = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

/**
 * The placeholder values for a mode. Settings from `env` are used only when they describe the
 * same mode (env MODE, default local), so `--mode local` next to a tenant env/.env still gives a
 * local package. Throws PackageError listing every missing or malformed setting.
 */
export function resolveValues(mode: PackageMode, env: Record<string, string | undefined>): TemplateValues {
  const envMode = env.MODE ?? 'local';
  const e = envMode === mode ? env : {};
  const problems: string[] = [];
  let values: Omit<TemplateValues, 'PUBLIC_DOMAIN'>;

  if (mode === 'local') {
    // Same defaults as the local server (TEAMS_APP_ID, PORT → PUBLIC_URL), from its own config code.
    const c = loadConfig({ MODE: 'local', PORT: nonEmpty(e.PORT), PUBLIC_URL: nonEmpty(e.PUBLIC_URL), TEAMS_APP_ID: nonEmpty(e.TEAMS_APP_ID) });
    values = {
      TEAMS_APP_ID: c.TEAMS_APP_ID,
      PUBLIC_URL: publicUrl(c, c.PORT),
      AAD_CLIENT_ID: nonEmpty(e.AAD_CLIENT_ID) ?? LOCAL_IDS.AAD_CLIENT_ID,
      BOT_ID: nonEmpty(e.BOT_ID) ?? LOCAL_IDS.BOT_ID,
      API_AUDIENCE: nonEmpty(e.API_AUDIENCE) ?? LOCAL_API_AUDIENCE,
    };
  } else {
    const need = (name: string): string => {
      const v = nonEmpty(e[name]);
      if (v === undefined) problems.push(`${name} is missing (needed for a tenant package; set it in env/.env next to MODE=tenant)`);
      return v ?? '';
    };
    const url = need('PUBLIC_URL').replace(/\/+$/, '');
    const clientId = need('AAD_CLIENT_ID');
    values = {
      TEAMS_APP_ID: need('TEAMS_APP_ID'),
      PUBLIC_URL: url,
      AAD_CLIENT_ID: clientId,
      BOT_ID: need('BOT_ID'),
      API_AUDIENCE: nonEmpty(e.API_AUDIENCE) ?? (url && clientId ? `api://${safeHost(url)}/${clientId}` : ''),
    };
    if (url && !url.startsWith('https://')) problems.push(`PUBLIC_URL must be an https:// URL in tenant mode (got ${url})`);
  }

  for (const name of ['TEAMS_APP_ID', 'AAD_CLIENT_ID', 'BOT_ID'] as const) {
    if (values[name] && !GUID.test(values[name])) problems.push(`${name} must be a GUID (got "${values[name]}")`);
  }
  for (const [name, v] of Object.entries(values)) {
    if (/[<>]/.test(v)) problems.push(`${name} still holds a sample placeholder ("${v}"): fill in the real value`);
  }
  if (values.PUBLIC_URL && !safeHost(values.PUBLIC_URL)) problems.push(`PUBLIC_URL is not a URL (got "${values.PUBLIC_URL}")`);
  else if (values.PUBLIC_URL && new URL(values.PUBLIC_URL).pathname !== '/') {
    problems.push(`PUBLIC_URL must be an origin without a path, since Teams' validDomains and the NAA redirect URI take the host only (got ${values.PUBLIC_URL})`);
  }
  if (values.API_AUDIENCE && !values.API_AUDIENCE.startsWith('api://')) problems.push(`API_AUDIENCE must start with api:// (got "${values.API_AUDIENCE}")`);
  if (problems.length) throw new PackageError(problems);
  return { ...values, PUBLIC_DOMAIN: safeHost(values.PUBLIC_URL) };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
