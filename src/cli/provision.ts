import { config as loadDotenv } from 'dotenv';
import { describeProvisionReport, provisionLists } from '../graph';
import { buildServices, loadConfig } from '../server';

/**
 * `npm run provision`: creates the SharePoint lists of manifest/lists.ts on the configured site
 * (a tenant with MODE=tenant and env/.env filled in; locally, the emulator), then verifies them:
 * indexes on every column the app filters on (read back and used), unique key columns. What Graph
 * did not set is printed as the exact steps in SharePoint's list settings, and the exit status is
 * 1 until a rerun finds nothing left to do. `--json` prints the whole report as JSON instead.
 * Works on the services alone: no HTTP server is started.
 */
loadDotenv({ path: ['env/.env', 'env/.env.local'], quiet: true });
const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
const services = await buildServices(config);
try {
  const report = await provisionLists({ client: services.graph, siteId: services.siteId });
  console.log(process.argv.includes('--json') ? JSON.stringify(report, null, 2) : describeProvisionReport(report).join('\n'));
  if (!report.verified) process.exitCode = 1;
} finally {
  await services.close();
}
