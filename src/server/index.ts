/** The composition root: `buildServices` wires the app without a port, `listen` serves it. */
export { buildServices, type BuildOptions, type LocalServices, type Services } from './compose';
export { listen, type ListenOptions, type RunningServer } from './listen';
export { startServer } from './create-server';
export { ConfigError, loadConfig, type Config, type LocalConfig, type TenantConfig } from './config';
