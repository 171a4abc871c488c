import { config as loadDotenv } from 'dotenv';
import { provisionLists } from '../graph';
import { buildServices, loadConfig } from '../server';

/**
 * `npm run provision`: creates the SharePoint lists of manifest/lists.ts on the configured site
 * (a tenant with MODE=tenant and env/.env filled in; locally, the emulator) and reports what it
 * did, including columns SharePoint did not index (create those indexes in list settings).
 * Works on the services alone: no HTTP server is started.
 */
loadDotenv({ path: ['env/.env', 'env/.env.local'], quiet: true });
const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
const services = await buildServices(config);
try {
  const result = await provisionLists({ client: services.graph, siteId: services.siteId });
  console.log(JSON.stringify(result, null, 2));
} finally {
  await services.close();
}
