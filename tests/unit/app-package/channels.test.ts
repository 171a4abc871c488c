import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TeamsManifestLatest } from '@microsoft/app-manifest';
import { describe, expect, it } from 'vitest';
import { APP_PACKAGE_DIR, fillTemplate } from '../../../src/cli/package/manifest';
import { validateManifest } from '../../../src/cli/package/validate';
import { resolveValues } from '../../../src/cli/package/values';

const template = JSON.parse(readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;

describe('private and shared channels', () => {
  it('the manifest declares tier1 channel features, which Teams needs to offer the app in private and shared channels', () => {
    const m = fillTemplate(structuredClone(template), resolveValues('local', { MODE: 'local' })) as unknown as TeamsManifestLatest & { supportsChannelFeatures?: string };
    expect(m.supportsChannelFeatures).toBe('tier1');
    // The app is installed in teams (bot and configurable tab): that is the scope the declaration is for.
    expect(m.bots?.[0]?.scopes).toContain('team');
    expect(m.configurableTabs?.[0]?.scopes).toContain('team');
    expect(validateManifest(m)).toEqual([]);
  });

  it('the bundled schema refuses a value it does not define, so the declaration is really checked', () => {
    const m = fillTemplate(structuredClone(template), resolveValues('local', { MODE: 'local' })) as unknown as TeamsManifestLatest;
    const problems = validateManifest({ ...m, supportsChannelFeatures: 'tier9' } as unknown as TeamsManifestLatest);
    expect(problems.join('\n')).toMatch(/supportsChannelFeatures/);
  });
});
