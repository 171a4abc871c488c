import { config as loadDotenv } from 'dotenv';
import { loadConfig } from '../server/config';
import { startServer } from '../server/create-server';
import { provisionLists } from '../graph';

/**
 * `npm run provision`: creates the SharePoint lists of manifest/lists.ts on the configured site
 * (a tenant with MODE=tenant and env/.env filled in; locally, the emulator) and reports what it
 * did, including columns SharePoint did not index (create those indexes in list settings).
 */
loadDotenv({ path: ['env/.env', 'env/.env.local'], quiet: true });
const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
const server = await startServer(config);
try {
  const result = await provisionLists({ client: server.services.graph, siteId: server.services.siteId });
  console.log(JSON.stringify(result, null, 2));
} finally {
  await server.close();
}
