import { itemNotFound } from './errors.js';
import type { Env, EmuRequest } from './context.js';
import { readQuery } from './odata-query.js';

const SITE_HOST = 'localhost';

export function siteIdOf(env: Env): string {
  return `${SITE_HOST},${env.store.siteCollectionId},${env.store.webId}`;
}

export const siteWebUrl = (): string => `https://${SITE_HOST}/sites/tavoitteet`;

/** `root` and the full composite id both address the one local site. */
export function resolveSite(env: Env, key: string): string {
  const id = siteIdOf(env);
  if (key === 'root' || key.toLowerCase() === id.toLowerCase()) return id;
  throw itemNotFound(`Requested site could not be found: '${key}'.`);
}

export function siteResource(env: Env, req: EmuRequest): Record<string, unknown> {
  readQuery(req.query, [], 'a site');
  const created = new Date(0).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    '@odata.context': `${req.serviceRoot}/$metadata#sites/$entity`,
    createdDateTime: created,
    description: 'Local SharePoint site served by the Graph emulator',
    id: siteIdOf(env),
    lastModifiedDateTime: created,
    name: 'tavoitteet',
    webUrl: siteWebUrl(),
    displayName: 'Tavoitteet (local)',
    root: {},
    siteCollection: { hostname: SITE_HOST },
  };
}
