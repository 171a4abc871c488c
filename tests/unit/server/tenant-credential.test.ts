import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactVerify, decodeProtectedHeader, importX509 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type TenantConfig } from '../../../src/server/config';
import { msalAuthOptions, tenantAppToken, tenantCredential, type AppTokenOptions } from '../../../src/server/auth/tenant-app-token';

/**
 * The app-only credential: exactly one of a secret or a certificate, and with a certificate the
 * token request MSAL builds carries a client assertion signed by the certificate's key. Entra ID is
 * answered in memory through MSAL's network client: nothing leaves the machine. Keys and
 * certificates are generated here (openssl), never committed.
 */
const TENANT = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CLIENT = '8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e';
const tenantEnv = {
  MODE: 'tenant',
  AAD_TENANT_ID: TENANT,
  AAD_CLIENT_ID: CLIENT,
  API_AUDIENCE: `api://tavoitteet.example.fi/${CLIENT}`,
  SHAREPOINT_SITE_ID: 'contoso.sharepoint.com,1,2',
  BOT_ID: '9c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f',
  BOT_PASSWORD: 'bot-password-not-used',
  PUBLIC_URL: 'https://tavoitteet.example.fi',
};

let dir: string;
let pemPath: string; // certificate + unencrypted PKCS#8 key
let certPem: string;
let encryptedPath: string; // certificate + encrypted key
let otherKeyPath: string; // certificate + a key that is not its own
let keyOnlyPath: string;

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { stdio: 'pipe' });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tavoitteet-cert-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=tavoitteet-test');
  certPem = readFileSync(cert, 'utf8');
  pemPath = join(dir, 'app.pem');
  writeFileSync(pemPath, readFileSync(key, 'utf8') + certPem);
  const encKey = join(dir, 'key.enc.pem');
  openssl('pkcs8', '-topk8', '-in', key, '-out', encKey, '-passout', 'pass:kunta-2026');
  encryptedPath = join(dir, 'app.enc.pem');
  writeFileSync(encryptedPath, certPem + readFileSync(encKey, 'utf8'));
  const other = join(dir, 'other.pem');
  openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', other);
  otherKeyPath = join(dir, 'mismatch.pem');
  writeFileSync(otherKeyPath, certPem + readFileSync(other, 'utf8'));
  keyOnlyPath = join(dir, 'key-only.pem');
  writeFileSync(keyOnlyPath, readFileSync(key, 'utf8'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

function credentialProblems(config: TenantConfig): string[] {
  try {
    tenantCredential(config);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

const tenantConfig = (extra: Record<string, string>) => loadConfig({ ...tenantEnv, ...extra }) as TenantConfig;

describe('tenant credential settings', () => {
  it('accepts a client secret alone', () => {
    expect(problems({ ...tenantEnv, AAD_CLIENT_SECRET: 's3cret' })).toEqual([]);
  });

  it('accepts a certificate file alone', () => {
    expect(problems({ ...tenantEnv, AAD_CLIENT_CERTIFICATE_PATH: '/etc/tavoitteet/app.pem' })).toEqual([]);
  });

  it('refuses neither a secret nor a certificate, naming both choices', () => {
    expect(problems(tenantEnv)).toEqual(['AAD_CLIENT_SECRET is missing (set exactly one of AAD_CLIENT_SECRET or AAD_CLIENT_CERTIFICATE_PATH)']);
  });

  it('refuses a secret and a certificate together', () => {
    const p = problems({ ...tenantEnv, AAD_CLIENT_SECRET: 's3cret', AAD_CLIENT_CERTIFICATE_PATH: '/etc/tavoitteet/app.pem' });
    expect(p).toEqual(['AAD_CLIENT_CERTIFICATE_PATH: both a secret and a certificate are set: set exactly one of AAD_CLIENT_SECRET or AAD_CLIENT_CERTIFICATE_PATH']);
  });

  it('refuses a certificate password without a certificate', () => {
    expect(problems({ ...tenantEnv, AAD_CLIENT_SECRET: 's3cret', AAD_CLIENT_CERTIFICATE_PASSWORD: 'x' })).toEqual([
      'AAD_CLIENT_CERTIFICATE_PASSWORD: is set without AAD_CLIENT_CERTIFICATE_PATH',
    ]);
  });

  it('lists the credential problem together with every other missing variable', () => {
    const p = problems({ MODE: 'tenant' }).join('\n');
    expect(p).toContain('AAD_CLIENT_SECRET is missing (set exactly one of AAD_CLIENT_SECRET or AAD_CLIENT_CERTIFICATE_PATH)');
    expect(p).toContain('BOT_ID is missing');
  });

  it('reads the certificate file: thumbprint from the certificate, key as PKCS#8', () => {
    const c = tenantCredential(tenantConfig({ AAD_CLIENT_CERTIFICATE_PATH: pemPath }));
    const der = new X509Certificate(certPem).raw;
    expect(c).toMatchObject({ kind: 'certificate', thumbprintSha256: createHash('sha256').update(der).digest('hex').toUpperCase() });
    expect(c.kind === 'certificate' && c.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(c.kind === 'certificate' && c.notAfter.getTime()).toBeGreaterThan(Date.now());
  });

  it('decrypts an encrypted key with AAD_CLIENT_CERTIFICATE_PASSWORD, and says the password is missing without it', () => {
    expect(tenantCredential(tenantConfig({ AAD_CLIENT_CERTIFICATE_PATH: encryptedPath, AAD_CLIENT_CERTIFICATE_PASSWORD: 'kunta-2026' })).kind).toBe('certificate');
    expect(credentialProblems(tenantConfig({ AAD_CLIENT_CERTIFICATE_PATH: encryptedPath }))).toEqual([
      `AAD_CLIENT_CERTIFICATE_PASSWORD is missing (the private key in ${encryptedPath} is encrypted)`,
    ]);
    expect(credentialProblems(tenantConfig({ AAD_CLIENT_CERTIFICATE_PATH: encryptedPath, AAD_CLIENT_CERTIFICATE_PASSWORD: 'wrong' }))[0]).toMatch(
      /^AAD_CLIENT_CERTIFICATE_PATH: the private key in .* cannot be read/,
    );
  });

  it('refuses a file that cannot be read, one without the certificate, and a key that is not the certificate\'s', () => {
    expect(credentialProblems(tenantConfig({ AAD_CLIENT_CERTIFICATE_PATH: join(dir, 'absent.pem') }))).toEqual([
      `AAD_CLIENT_CERTIFICATE_PATH: cannot read ${join(dir, 'absent.pem')} (ENOENT)`,
    ]);
    expect(credentialProblems(tenantConfig({ AAD_CLIENT_CERTIFICATE_PATH: keyOnlyPath }))[0]).toMatch(/holds no "BEGIN CERTIFICATE" block/);
    expect(credentialProblems(tenantConfig({ AAD_CLIENT_CERTIFICATE_PATH: otherKeyPath }))).toEqual([
      `AAD_CLIENT_CERTIFICATE_PATH: the private key in ${otherKeyPath} does not belong to its certificate (CN=tavoitteet-test)`,
    ]);
  });

  it('gives MSAL a certificate and no secret, or a secret and no certificate', () => {
    const cert = msalAuthOptions(tenantConfig({ AAD_CLIENT_CERTIFICATE_PATH: pemPath }));
    expect(cert.clientSecret).toBeUndefined();
    expect(cert.clientCertificate?.thumbprintSha256).toMatch(/^[0-9A-F]{64}$/);
    expect(cert.authority).toBe(`https://login.microsoftonline.com/${TENANT}`);
    const secret = msalAuthOptions(tenantConfig({ AAD_CLIENT_SECRET: 's3cret' }));
    expect(secret).toMatchObject({ clientId: CLIENT, clientSecret: 's3cret' });
    expect(secret.clientCertificate).toBeUndefined();
  });
});

/** Entra ID's endpoints, answered in memory; records each token request's form fields. */
function fakeEntra() {
  const tokenRequests: { url: string; form: URLSearchParams }[] = [];
  const gets: string[] = [];
  const authority = `https://login.microsoftonline.com/${TENANT}`;
  const networkClient: NonNullable<AppTokenOptions['networkClient']> = {
    async sendGetRequestAsync<T>(url: string) {
      gets.push(url);
      const body = url.includes('openid-configuration')
        ? {
            token_endpoint: `${authority}/oauth2/v2.0/token`,
            issuer: `${authority}/v2.0`,
            authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
            end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
            jwks_uri: `${authority}/discovery/v2.0/keys`,
          }
        : {
            tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
            'api-version': '1.1',
            metadata: [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com', 'login.windows.net', 'sts.windows.net'] }],
          };
      return { headers: {}, body: body as T, status: 200 };
    },
    async sendPostRequestAsync<T>(url: string, options?: { body?: string }) {
      tokenRequests.push({ url, form: new URLSearchParams(options?.body ?? '') });
      return { headers: {}, body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: `graph-token-${tokenRequests.length}` } as T, status: 200 };
    },
  };
  return { networkClient, tokenRequests, gets };
}

describe('the app token request', () => {
  it('with a certificate carries a client assertion signed by its key, for this app, to the token endpoint', async () => {
    const entra = fakeEntra();
    const getToken = tenantAppToken(tenantConfig({ AAD_CLIENT_CERTIFICATE_PATH: pemPath }), { networkClient: entra.networkClient });
    expect(await getToken()).toBe('graph-token-1');
    expect(entra.tokenRequests).toHaveLength(1);
    const { url, form } = entra.tokenRequests[0]!;
    const tokenEndpoint = `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`;
    expect(url.split('?')[0]).toBe(tokenEndpoint);
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('scope')).toContain('https://graph.microsoft.com/.default');
    expect(form.get('client_secret')).toBeNull();
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');

    const assertion = form.get('client_assertion')!;
    const header = decodeProtectedHeader(assertion);
    const thumbprint = createHash('sha256').update(new X509Certificate(certPem).raw).digest('base64url');
    expect(header['x5t#S256']).toBe(thumbprint);
    expect(header.alg).toBe('PS256');
    // Verifying with the certificate's public key proves the private key in the file signed it.
    const { payload } = await compactVerify(assertion, await importX509(certPem, String(header.alg)));
    const claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: CLIENT, sub: CLIENT, aud: tokenEndpoint });
    expect(typeof claims.exp).toBe('number');
    expect(typeof claims.jti).toBe('string');
    // No request went anywhere but the tenant's own authority.
    expect(entra.gets.every((g) => g.startsWith('https://login.microsoftonline.com/'))).toBe(true);
  });

  it('with a secret sends the secret and no assertion', async () => {
    const entra = fakeEntra();
    await tenantAppToken(tenantConfig({ AAD_CLIENT_SECRET: 's3cret' }), { networkClient: entra.networkClient })();
    const form = entra.tokenRequests[0]!.form;
    expect(form.get('client_secret')).toBe('s3cret');
    expect(form.get('client_assertion')).toBeNull();
  });

  it('fails at start-up, not at the first Graph call, when the certificate file is wrong', () => {
    expect(() => tenantAppToken(tenantConfig({ AAD_CLIENT_CERTIFICATE_PATH: keyOnlyPath }))).toThrow(ConfigError);
  });
});
