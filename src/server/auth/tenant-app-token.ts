import { ConfidentialClientApplication, type Configuration, type NodeAuthOptions } from '@azure/msal-node';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError, type TenantConfig } from '../config';

/**
 * The server's app-only Graph token in a tenant (client credentials; the app has Sites.Selected
 * with write on the one site). MSAL caches and renews it.
 *
 * The app proves who it is with a client secret or — what municipal security policies usually ask
 * for — a certificate: MSAL then signs a client assertion (PS256, header `x5t#S256` = the certificate's
 * SHA-256 thumbprint) with the private key, and no shared secret exists. The config allows exactly
 * one of the two (config.ts); docs/decisions/0007-deployment.md says why not managed identity yet.
 */
export type TenantCredential =
  | { kind: 'secret'; clientSecret: string }
  | { kind: 'certificate'; path: string; thumbprintSha256: string; privateKey: string; notAfter: Date };

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/g;

/**
 * Reads the configured credential. A certificate comes from one PEM file holding the certificate
 * and its private key (PKCS#8 or PKCS#1, encrypted with AAD_CLIENT_CERTIFICATE_PASSWORD or not); the
 * thumbprint is computed from the certificate, so it cannot disagree with it. Every problem is a
 * ConfigError naming the variable, at start-up, not at the first Graph call.
 */
export function tenantCredential(config: TenantConfig): TenantCredential {
  const path = config.AAD_CLIENT_CERTIFICATE_PATH;
  if (path === undefined) {
    if (config.AAD_CLIENT_SECRET === undefined) throw new ConfigError(['AAD_CLIENT_SECRET is missing (set exactly one of AAD_CLIENT_SECRET or AAD_CLIENT_CERTIFICATE_PATH)']);
    return { kind: 'secret', clientSecret: config.AAD_CLIENT_SECRET };
  }
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError([`AAD_CLIENT_CERTIFICATE_PATH: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`]);
  }
  const blocks = [...pem.matchAll(PEM_BLOCK)].map((m) => ({ label: m[1]!, text: m[0] }));
  const certBlock = blocks.find((b) => b.label === 'CERTIFICATE');
  const keyBlock = blocks.find((b) => b.label.endsWith('PRIVATE KEY'));
  const problems: string[] = [];
  if (!certBlock) problems.push(`AAD_CLIENT_CERTIFICATE_PATH: ${path} holds no "BEGIN CERTIFICATE" block (put the certificate and its private key in the one PEM file)`);
  if (!keyBlock) problems.push(`AAD_CLIENT_CERTIFICATE_PATH: ${path} holds no private key block ("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY" or "BEGIN ENCRYPTED PRIVATE KEY")`);
  if (problems.length) throw new ConfigError(problems);

  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certBlock!.text);
  } catch (e) {
    throw new ConfigError([`AAD_CLIENT_CERTIFICATE_PATH: the certificate in ${path} cannot be read (${(e as Error).message})`]);
  }
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey({ key: keyBlock!.text, format: 'pem', ...(config.AAD_CLIENT_CERTIFICATE_PASSWORD ? { passphrase: config.AAD_CLIENT_CERTIFICATE_PASSWORD } : {}) });
  } catch (e) {
    const encrypted = keyBlock!.label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type: 4,ENCRYPTED/.test(keyBlock!.text);
    throw new ConfigError([
      encrypted && !config.AAD_CLIENT_CERTIFICATE_PASSWORD
        ? `AAD_CLIENT_CERTIFICATE_PASSWORD is missing (the private key in ${path} is encrypted)`
        : `AAD_CLIENT_CERTIFICATE_PATH: the private key in ${path} cannot be read (${(e as Error).message})`,
    ]);
  }
  if (key.asymmetricKeyType !== 'rsa') {
    // MSAL signs the assertion with RSA-PSS (PS256); an EC key would fail at the first token request.
    throw new ConfigError([`AAD_CLIENT_CERTIFICATE_PATH: the key in ${path} is ${key.asymmetricKeyType}; Entra ID client assertions need an RSA key`]);
  }
  if (!cert.checkPrivateKey(key)) {
    throw new ConfigError([`AAD_CLIENT_CERTIFICATE_PATH: the private key in ${path} does not belong to its certificate (${cert.subject})`]);
  }
  return {
    kind: 'certificate',
    path,
    thumbprintSha256: cert.fingerprint256.replace(/:/g, ''),
    // MSAL wants an unencrypted PKCS#8 PEM string; it stays in memory only.
    privateKey: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    notAfter: new Date(cert.validTo),
  };
}

/** The MSAL auth options for the credential (the token request signs with the certificate or sends the secret). */
export function msalAuthOptions(config: TenantConfig, credential: TenantCredential = tenantCredential(config)): NodeAuthOptions {
  const auth: NodeAuthOptions = { clientId: config.AAD_CLIENT_ID, authority: `https://login.microsoftonline.com/${config.AAD_TENANT_ID}` };
  return credential.kind === 'secret'
    ? { ...auth, clientSecret: credential.clientSecret }
    : { ...auth, clientCertificate: { thumbprintSha256: credential.thumbprintSha256, privateKey: credential.privateKey } };
}

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface AppTokenOptions {
  /** MSAL's HTTP client (tests answer Entra ID's endpoints in memory; default: MSAL's own). */
  networkClient?: NonNullable<Configuration['system']>['networkClient'];
  /** Told once at start-up which credential is in use (and when a certificate expires). */
  onCredential?: (credential: TenantCredential) => void;
}

export function tenantAppToken(config: TenantConfig, options: AppTokenOptions = {}): () => Promise<string> {
  const credential = tenantCredential(config);
  options.onCredential?.(credential);
  const cca = new ConfidentialClientApplication({
    auth: msalAuthOptions(config, credential),
    ...(options.networkClient ? { system: { networkClient: options.networkClient } } : {}),
  });
  return async () => {
    const r = await cca.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
    if (!r?.accessToken) throw new Error('Entra ID returned no app token for Microsoft Graph');
    return r.accessToken;
  };
}
