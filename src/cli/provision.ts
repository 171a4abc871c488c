import { config as loadDotenv } from 'dotenv';
import { backfillDerivedColumns, describeProvisionReport, provisionLists } from '../graph';
import { buildServices, loadConfig } from '../server';
import { exitWithHelpIfAsked } from './help';

/**
 * `npm run provision`: creates the SharePoint lists of manifest/lists.ts on the configured site
 * (a tenant with MODE=tenant and env/.env filled in; locally, the emulator), then verifies them:
 * indexes on every column the app filters on (read back and used), unique key columns. What Graph
 * did not set is printed as the exact steps in SharePoint's list settings, and the exit status is
 * 1 until a rerun finds nothing left to do. Then it writes compound key columns (CheckIns.PlanPeriod)
 * on items from before they existed. `--json` prints the whole report as JSON instead.
 * Works on the services alone: no HTTP server is started.
 */
exitWithHelpIfAsked(`Usage: npm run provision [-- --json]

Creates the SharePoint lists of manifest/lists.ts on the configured site (MODE=tenant with env/.env
filled in; locally, the emulator) and verifies their indexes and unique columns. What Graph could not
set is printed as steps in the list settings; the exit status is 1 until a rerun verifies.

  --json      print the whole report as JSON
  --help, -h  this text`);
loadDotenv({ path: ['env/.env', 'env/.env.local'], quiet: true });
const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
const services = await buildServices(config);
try {
  const report = await provisionLists({ client: services.graph, siteId: services.siteId });
  // Items written before a compound key column existed get it now (docs/decisions/0008); idempotent.
  const backfill = await backfillDerivedColumns({ client: services.graph, siteId: services.siteId });
  const backfilled = backfill.lists.map((l) => `${l.list}.${l.column}: written on ${l.updated} older items${l.skipped ? `, ${l.skipped} changed meanwhile (run again)` : ''}`);
  console.log(process.argv.includes('--json') ? JSON.stringify({ ...report, backfill }, null, 2) : [...describeProvisionReport(report), ...backfilled].join('\n'));
  if (backfill.lists.some((l) => l.skipped > 0)) process.exitCode = 1;
  if (!report.verified) process.exitCode = 1;
} finally {
  await services.close();
}
