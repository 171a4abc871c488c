import type { Config } from './config';
import { listen, type ListenOptions, type RunningServer } from './listen';
import { buildServices, type BuildOptions } from './compose';

export type { RunningServer } from './listen';
export type { Services } from './compose';

/** Builds the services and serves them: what `npm start`, the e2e and integration harnesses run. */
export async function startServer(config: Config, opts: BuildOptions & ListenOptions = {}): Promise<RunningServer> {
  const services = await buildServices(config, opts);
  try {
    return await listen(services, opts);
  } catch (e) {
    await services.close();
    throw e;
  }
}
