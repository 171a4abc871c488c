import type { Config } from './config';
import { checkLocalHost, listen, type ListenOptions, type RunningServer } from './listen';
import { hostOf } from './config';
import { createLogger } from './logger';
import { buildServices, type BuildOptions } from './compose';

export type { RunningServer } from './listen';
export type { Services } from './compose';

/** Builds the services and serves them: what `npm start`, the e2e and integration harnesses run. */
export async function startServer(config: Config, opts: BuildOptions & ListenOptions = {}): Promise<RunningServer> {
  // Before anything is built: a refused HOST must not leave a data folder behind.
  checkLocalHost(config, opts.host ?? hostOf(config), { ...createLogger('silent'), warn: () => undefined });
  const services = await buildServices(config, opts);
  try {
    return await listen(services, opts);
  } catch (e) {
    await services.close();
    throw e;
  }
}
