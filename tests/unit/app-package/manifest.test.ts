import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TeamsManifestLatest } from '@microsoft/app-manifest';
import { describe, expect, it } from 'vitest';
import { APP_PACKAGE_DIR, fillTemplate, MANIFEST_VERSION } from '../../../src/cli/package/manifest';
import { PackageError } from '../../../src/cli/package/problems';
import { validateManifest } from '../../../src/cli/package/validate';
import { LOCAL_IDS, resolveValues } from '../../../src/cli/package/values';

const template = JSON.parse(readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const localManifest = () => fillTemplate(structuredClone(template), resolveValues('local', { MODE: 'local' })) as unknown as TeamsManifestLatest;

const tenantEnv = {
  MODE: 'tenant',
  PUBLIC_URL: 'https://tavoitteet.jarvenranta.fi/',
  TEAMS_APP_ID: '3a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  AAD_CLIENT_ID: '4b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e',
  BOT_ID: '5c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f',
};

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof PackageError) return e.problems;
    throw e;
  }
  throw new Error('expected a PackageError');
}

describe('manifest template', () => {
  it('targets the schema version the packager validates against', () => {
    expect(template.manifestVersion).toBe(MANIFEST_VERSION);
    expect(template.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
  });

  it('filled with local values validates against the bundled schema', () => {
    const m = localManifest();
    expect(validateManifest(m)).toEqual([]);
    expect(JSON.stringify(m)).not.toContain('${{');
    expect(m.id).toBe('0e4a5b8c-3c4f-4a52-9d51-6f5e4f3a2b10');
    expect(m.staticTabs?.[0]).toMatchObject({ name: 'Omat tavoitteet', contentUrl: 'http://localhost:3978/?inTeams=1', scopes: ['personal'] });
    expect(m.configurableTabs?.[0]?.configurationUrl).toBe('http://localhost:3978/config?inTeams=1');
    expect(m.bots?.[0]?.botId).toBe(LOCAL_IDS.BOT_ID);
    expect(m.validDomains).toEqual(['localhost:3978']);
    expect(m.webApplicationInfo).toMatchObject({ id: LOCAL_IDS.AAD_CLIENT_ID, resource: 'api://localhost/tavoitteet' });
    expect(m.webApplicationInfo?.nestedAppAuthInfo?.[0]).toEqual({
      redirectUri: 'brk-multihub://localhost:3978',
      scopes: ['api://localhost/tavoitteet/access_as_user'],
    });
  });

  it('filled with tenant values validates and derives the domain and API audience', () => {
    const m = fillTemplate(structuredClone(template), resolveValues('tenant', tenantEnv)) as unknown as TeamsManifestLatest;
    expect(validateManifest(m)).toEqual([]);
    expect(m.developer.privacyUrl).toBe('https://tavoitteet.jarvenranta.fi/privacy');
    expect(m.validDomains).toEqual(['tavoitteet.jarvenranta.fi']);
    expect(m.webApplicationInfo?.resource).toBe(`api://tavoitteet.jarvenranta.fi/${tenantEnv.AAD_CLIENT_ID}`);
    expect(m.webApplicationInfo?.nestedAppAuthInfo?.[0]?.redirectUri).toBe('brk-multihub://tavoitteet.jarvenranta.fi');
  });

  it('declares the meeting-stage RSC permissions as delegated', () => {
    const m = localManifest();
    expect(m.authorization?.permissions?.resourceSpecific).toEqual([
      { name: 'ChannelMeetingStage.Write.Group', type: 'Delegated' },
      { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
    ]);
    expect(m.devicePermissions).toBeUndefined();
  });

  it('a manifest missing a required field fails with a message naming it', () => {
    const { accentColor: _dropped, ...m } = localManifest();
    const { privacyUrl: _alsoDropped, ...developer } = m.developer;
    const problems = validateManifest({ ...m, developer });
    expect(problems).toContain('manifest.json: required field "accentColor" is missing at /');
    expect(problems).toContain('manifest.json: required field "privacyUrl" is missing at /developer');
  });

  it('names the field for too-long strings, bad ids and unknown fields', () => {
    const m = localManifest();
    const [bot] = m.bots ?? [];
    const [tab, ...tabs] = m.staticTabs ?? [];
    const broken = {
      ...m,
      name: { ...m.name, short: 'Tavoitteet ja mittarit kasvatukselle' },
      bots: [{ ...bot, botId: 'not-a-guid' }],
      staticTabs: [{ ...tab, colour: 'blue' }, ...tabs],
    };
    const problems = validateManifest(broken).join('\n');
    expect(problems).toMatch(/\/name\/short must NOT have more than 30 characters/);
    expect(problems).toMatch(/\/bots\/0\/botId must match pattern/);
    expect(problems).toMatch(/\/staticTabs\/0 has a field the schema does not allow: "colour"/);
  });
});

describe('placeholder values', () => {
  it('lists every missing tenant setting at once', () => {
    expect(problemsOf(() => resolveValues('tenant', { MODE: 'tenant' }))).toEqual([
      expect.stringContaining('PUBLIC_URL is missing'),
      expect.stringContaining('AAD_CLIENT_ID is missing'),
      expect.stringContaining('TEAMS_APP_ID is missing'),
      expect.stringContaining('BOT_ID is missing'),
    ]);
  });

  it('refuses http, non-GUID ids and values still holding the sample placeholder', () => {
    const problems = problemsOf(() =>
      resolveValues('tenant', { ...tenantEnv, PUBLIC_URL: 'http://tavoitteet.jarvenranta.fi', BOT_ID: 'bot', API_AUDIENCE: 'api://tavoitteet.example.fi/<AAD_CLIENT_ID>' }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('PUBLIC_URL must be an https:// URL'),
        expect.stringContaining('BOT_ID must be a GUID'),
        expect.stringContaining('API_AUDIENCE still holds a sample placeholder'),
      ]),
    );
  });

  it('builds a local package from local defaults even when the env describes a tenant', () => {
    const v = resolveValues('local', { ...tenantEnv });
    expect(v.PUBLIC_URL).toBe('http://localhost:3978');
    expect(v.TEAMS_APP_ID).toBe('0e4a5b8c-3c4f-4a52-9d51-6f5e4f3a2b10');
  });

  it('takes PORT into the local PUBLIC_URL', () => {
    expect(resolveValues('local', { MODE: 'local', PORT: '4000' })).toMatchObject({ PUBLIC_URL: 'http://localhost:4000', PUBLIC_DOMAIN: 'localhost:4000' });
  });

  it('names the JSON path of an unknown placeholder', () => {
    expect(problemsOf(() => fillTemplate({ bots: [{ botId: '${{BOTID}}' }] }, { BOT_ID: 'x' }))).toEqual(['/bots/0/botId: no value for placeholder ${{BOTID}}']);
  });
});
