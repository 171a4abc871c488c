import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig } from './config';
import { startServer } from './create-server';
import { sendQueueFor } from './scale-out';

/** `npm start`: local mode by default (env/.env.local), a tenant when MODE=tenant and its settings are present. */
loadDotenv({ path: ['env/.env', 'env/.env.local'], quiet: true });

try {
  const config = loadConfig(process.env);
  // Each instance sends within its share of Teams' per-app limit (SCALE_OUT_INSTANCES).
  const server = await startServer(config, { bot: { queue: sendQueueFor(config) } });
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(2);
  }
  console.error(e);
  process.exit(1);
}
