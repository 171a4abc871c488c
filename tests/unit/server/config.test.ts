import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/server/config';

describe('configuration from the environment', () => {
  it('starts in local mode with defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ MODE: 'local', PORT: 3978, DATA_DIR: '.data' });
  });

  it('lets PORT override the port', () => {
    expect(loadConfig({ PORT: '4100' }).PORT).toBe(4100);
  });

  it('lists every missing tenant variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ MODE: 'tenant', AAD_TENANT_ID: 'not-a-guid' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['AAD_CLIENT_ID is missing', 'AAD_CLIENT_SECRET is missing', 'API_AUDIENCE is missing', 'SHAREPOINT_SITE_ID is missing', 'BOT_ID is missing', 'BOT_PASSWORD is missing', 'PUBLIC_URL is missing']) {
      expect(problems).toContain(name);
    }
    expect(problems).toContain('AAD_TENANT_ID:');
  });

  it('refuses a malformed APP_NOW with the variable named', () => {
    expect(() => loadConfig({ APP_NOW: 'yesterday' })).toThrow(/APP_NOW/);
  });
});
