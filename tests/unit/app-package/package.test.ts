import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TeamsManifestLatest } from '@microsoft/app-manifest';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_PACKAGE_DIR } from '../../../src/cli/package/manifest';
import { PackageError } from '../../../src/cli/package/problems';
import { validateManifest } from '../../../src/cli/package/validate';
import { buildPackage } from '../../../src/cli/package/zip';

const tmp = mkdtempSync(join(tmpdir(), 'app-package-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FILES = ['color.png', 'en.json', 'manifest.json', 'outline.png', 'sv.json'];

describe('buildPackage', () => {
  it('writes appPackage.local.zip with the five files at the root', () => {
    const out = join(tmp, 'out');
    const r = buildPackage({ mode: 'local', env: { MODE: 'local' }, outDir: out });
    expect(r.zipPath).toBe(join(out, 'appPackage.local.zip'));
    const zip = unzipSync(readFileSync(r.zipPath));
    expect(Object.keys(zip).sort()).toEqual(FILES);

    const manifest = JSON.parse(new TextDecoder().decode(zip['manifest.json'])) as Record<string, unknown>;
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(validateManifest(manifest)).toEqual([]);
    for (const f of ['color.png', 'outline.png', 'sv.json', 'en.json']) {
      expect(Buffer.compare(Buffer.from(zip[f] as Uint8Array), readFileSync(join(APP_PACKAGE_DIR, f))), f).toBe(0);
    }
  });

  it('is reproducible: the same inputs give the same bytes', () => {
    const a = buildPackage({ mode: 'local', env: { MODE: 'local' }, outDir: join(tmp, 'a') });
    const b = buildPackage({ mode: 'local', env: { MODE: 'local' }, outDir: join(tmp, 'b') });
    expect(Buffer.compare(readFileSync(a.zipPath), readFileSync(b.zipPath))).toBe(0);
  });

  it('names the bad field and writes no zip when the manifest is invalid', () => {
    const src = join(tmp, 'broken');
    cpSync(APP_PACKAGE_DIR, src, { recursive: true, filter: (p) => !p.includes('build') });
    const { developer: _dropped, ...m } = JSON.parse(readFileSync(join(src, 'manifest.json'), 'utf8')) as TeamsManifestLatest;
    const [tab] = m.configurableTabs ?? [];
    writeFileSync(join(src, 'manifest.json'), JSON.stringify({ ...m, configurableTabs: [{ ...tab, scopes: ['personal'] }] }));
    rmSync(join(src, 'en.json'));
    const out = join(tmp, 'broken-out');

    let error: unknown;
    try {
      buildPackage({ mode: 'local', env: { MODE: 'local' }, sourceDir: src, outDir: out });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackageError);
    const problems = (error as PackageError).problems;
    expect(problems).toContain('manifest.json: required field "developer" is missing at /');
    expect(problems.join('\n')).toMatch(/\/configurableTabs\/0\/scopes\/0 must be one of \["team","groupChat"\]/);
    expect(problems.join('\n')).toMatch(/\/localizationInfo\/additionalLanguages\/1\/file names "en.json", which is not in/);
    expect((error as Error).message).toMatch(/^The Teams app package was not built:/);
    expect(existsSync(join(out, 'appPackage.local.zip'))).toBe(false);
  });

  it('refuses a translation file that misses a string of the manifest', () => {
    const src = join(tmp, 'untranslated');
    cpSync(APP_PACKAGE_DIR, src, { recursive: true, filter: (p) => !p.includes('build') });
    const sv = JSON.parse(readFileSync(join(src, 'sv.json'), 'utf8')) as Record<string, string>;
    delete sv['staticTabs[1].name'];
    sv['staticTabs[5].name'] = 'Extra';
    writeFileSync(join(src, 'sv.json'), JSON.stringify(sv));
    expect(() => buildPackage({ mode: 'local', env: { MODE: 'local' }, sourceDir: src, outDir: join(tmp, 'x') })).toThrow(
      /sv.json: no sv-se translation for "staticTabs\[1\].name"[\s\S]*sv.json: "staticTabs\[5\].name" translates nothing in manifest.json/,
    );
  });
});
