import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig } from './config';
import { startServer } from './create-server';

/** `npm start`: local mode by default (env/.env.local), a tenant when MODE=tenant and its settings are present. */
loadDotenv({ path: ['env/.env', 'env/.env.local'], quiet: true });

try {
  const config = loadConfig(process.env);
  const server = await startServer(config);
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
