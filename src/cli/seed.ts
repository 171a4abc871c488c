import { config as loadDotenv } from 'dotenv';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importDataset } from '../commands';
import { buildDemoDataset } from '../demo';
import { buildServices, loadConfig } from '../server';
import { exitWithHelpIfAsked } from './help';

/**
 * `npm run seed [-- --reset]`: loads the demo dataset into the local emulator. With --reset the
 * emulator database is deleted first and rebuilt from scratch; without it, missing rows are added.
 * Works on the services alone: no HTTP server is started.
 */
exitWithHelpIfAsked(`Usage: npm run seed [-- --reset]

Loads the demo dataset (Vantaa's education division goals of 2021) into the local Graph emulator
under DATA_DIR (.data/ by default). Local mode only; a tenant is set up with npm run provision.

  --reset     delete the emulator database first and rebuild the demo from scratch
              (without it, only missing rows are added)
  --help, -h  this text`);
loadDotenv({ path: ['env/.env.local'], quiet: true });
const { values } = parseArgs({ options: { reset: { type: 'boolean', default: false } } });
const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
if (config.MODE !== 'local') {
  console.error('npm run seed works on the local emulator only (MODE=local); a tenant is filled with `npm run provision` and an import.');
  process.exit(2);
}
if (values.reset) {
  for (const f of ['graph.sqlite', 'graph.sqlite-wal', 'graph.sqlite-shm']) rmSync(join(config.DATA_DIR, f), { force: true });
  console.log(`Deleted the emulator database in ${config.DATA_DIR}`);
}
// A fresh database is provisioned and seeded by buildServices itself.
const services = await buildServices(config);
try {
  if (services.local?.seeded) {
    console.log(`Demo data ${values.reset ? 'rebuilt' : 'loaded'} in ${config.DATA_DIR}.`);
  } else {
    const report = await importDataset(services.ctx, buildDemoDataset());
    const counts = Object.entries(report.created).map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`Demo data checked; added: ${counts}.`);
  }
} finally {
  await services.close();
}
