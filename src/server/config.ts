import { z } from 'zod';

/**
 * Configuration from the environment, validated once at start-up. Every missing or malformed
 * variable is listed in one error so an operator fixes them all at once.
 */
const base = z.object({
  MODE: z.enum(['local', 'tenant']).default('local'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Default: 127.0.0.1 in local mode (its token endpoint mints admin tokens for anyone), 0.0.0.0 in a tenant. */
  HOST: z.string().min(1).optional(),
  /** Public base URL of this server (used in deep links and cards). Defaults to http://localhost:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Local mode: the instant the app's clock starts at (then runs on in real time), so the 2021 demo plan is live. */
  APP_NOW: z.string().datetime({ offset: true }).optional(),
  DATA_DIR: z.string().default('.data'),
  /** Teams app id (manifest id), for deep links. */
  TEAMS_APP_ID: z.string().default('0e4a5b8c-3c4f-4a52-9d51-6f5e4f3a2b10'),
  /** How many server instances send for this app at most (scale-out): each keeps to 1/N of the app's send budget (scale-out.ts). */
  SCALE_OUT_INSTANCES: z.coerce.number().int().min(1).max(30).default(1),
  /** Proactive sends per second for the whole app, all instances together: Teams allows 30–50 per app per tenant. */
  TEAMS_APP_SENDS_PER_SECOND: z.coerce.number().int().min(1).max(50).default(30),
  /** Origins (scheme://host[:port], comma-separated) whose pages may call the API from another origin. Default: none. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean))
    .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'each origin is scheme://host[:port]'))),
  /** Commands one signed-in user may send per minute (a meeting, an import and a busy editor stay far below). */
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Requests per minute from one address to anything unauthenticated (local endpoints, refused tokens). */
  RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  /** Proxy hops in front of the server whose X-Forwarded-For to trust (Azure App Service: 1). Default 0. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Minutes between passes that recompute goal summaries from CheckIns (also one at every start); 0 = only at start. */
  SUMMARY_RECONCILE_MINUTES: z.coerce.number().min(0).default(15),
});

const local = base.extend({
  MODE: z.literal('local'),
  /** Fault injection in the emulator: rate 0..1 of 429/503 answers. */
  EMULATOR_FAULT_RATE: z.coerce.number().min(0).max(1).default(0),
  /**
   * SharePoint's application throttling in the emulator: resource units per minute the app may
   * spend (0 = off, the default). A tenant of 5,001–15,000 licences has about 3,750; load tests
   * and `npm run bench` turn it on so they meet 429s as a municipality's tenant would.
   */
  EMULATOR_RESOURCE_UNITS_PER_MINUTE: z.coerce.number().int().min(0).default(0),
  /**
   * Local mode on a non-loopback HOST: only with this set to exactly `expose-demo-tokens-to-the-network`,
   * because anyone who reaches the port can mint an admin token. Logged as a warning at every start.
   */
  LOCAL_ALLOW_NETWORK: z.literal('expose-demo-tokens-to-the-network').optional(),
});

const tenant = base.extend({
  MODE: z.literal('tenant'),
  AAD_TENANT_ID: z.string().uuid(),
  AAD_CLIENT_ID: z.string().uuid(),
  /** App-only Graph credential: exactly one of a client secret or a certificate (see tenantCredential). */
  AAD_CLIENT_SECRET: z.string().min(1).optional(),
  /** A PEM file holding the certificate and its private key (the certificate uploaded to the app registration). */
  AAD_CLIENT_CERTIFICATE_PATH: z.string().min(1).optional(),
  /** Passphrase of an encrypted private key in that file. */
  AAD_CLIENT_CERTIFICATE_PASSWORD: z.string().min(1).optional(),
  /** The API audience of tab tokens, e.g. api://tavoitteet.example.fi/<client id>. */
  API_AUDIENCE: z.string().min(1),
  SHAREPOINT_SITE_ID: z.string().min(1),
  GRAPH_BASE_URL: z.string().url().default('https://graph.microsoft.com/v1.0/'),
  BOT_ID: z.string().uuid(),
  BOT_PASSWORD: z.string().min(1),
  PUBLIC_URL: z.string().url(),
});

const CREDENTIAL_CHOICE = 'set exactly one of AAD_CLIENT_SECRET or AAD_CLIENT_CERTIFICATE_PATH';

export const configSchema = z.discriminatedUnion('MODE', [local, tenant]).superRefine(
  (c, ctx) => {
    if (c.MODE !== 'tenant') return;
    const secret = c.AAD_CLIENT_SECRET !== undefined;
    const certificate = c.AAD_CLIENT_CERTIFICATE_PATH !== undefined;
    if (secret && certificate) ctx.addIssue({ code: 'custom', path: ['AAD_CLIENT_CERTIFICATE_PATH'], message: `both a secret and a certificate are set: ${CREDENTIAL_CHOICE}` });
    if (!secret && !certificate) ctx.addIssue({ code: 'custom', path: ['AAD_CLIENT_SECRET'], message: CREDENTIAL_CHOICE });
    if (c.AAD_CLIENT_CERTIFICATE_PASSWORD !== undefined && !certificate) {
      ctx.addIssue({ code: 'custom', path: ['AAD_CLIENT_CERTIFICATE_PASSWORD'], message: 'is set without AAD_CLIENT_CERTIFICATE_PATH' });
    }
  },
  // Also when other variables are wrong, so one start lists every problem.
  { when: () => true },
);
export type Config = z.infer<typeof configSchema>;
export type LocalConfig = z.infer<typeof local>;
export type TenantConfig = z.infer<typeof tenant>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const withMode = { ...env, MODE: env.MODE ?? 'local' };
  const r = configSchema.safeParse(withMode);
  if (!r.success) {
    throw new ConfigError(
      r.error.issues.map((i) => {
        const name = i.path.join('.') || 'MODE';
        return env[name] === undefined ? `${name} is missing (${i.message})` : `${name}: ${i.message}`;
      }),
    );
  }
  return r.data;
}

/** Where the server binds: HOST, else loopback in local mode and every interface in a tenant. */
export function hostOf(config: Config): string {
  return config.HOST ?? (config.MODE === 'local' ? '127.0.0.1' : '0.0.0.0');
}

/** Whether a host name or address is this machine's loopback (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

export function publicUrl(config: Config, port: number): string {
  return (config.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
}
