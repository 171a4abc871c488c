import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_PACKAGE_DIR, fillTemplate } from '../../../src/cli/package/manifest';
import { localizableStrings, validateLocalization } from '../../../src/cli/package/validate';
import { resolveValues } from '../../../src/cli/package/values';

const read = (f: string) => JSON.parse(readFileSync(join(APP_PACKAGE_DIR, f), 'utf8')) as Record<string, unknown>;
const manifest = fillTemplate(read('manifest.json'), resolveValues('local', { MODE: 'local' }));
const strings = localizableStrings(manifest);
const languages = [
  { tag: 'sv-se', file: 'sv.json' },
  { tag: 'en-us', file: 'en.json' },
];

describe('localization', () => {
  it('Finnish is the default language and the manifest lists sv-se and en-us', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'fi-fi',
      additionalLanguages: languages.map((l) => ({ languageTag: l.tag, file: l.file })),
    });
  });

  it('finds the localizable strings of the manifest from the localization schema', () => {
    expect([...strings.keys()].sort()).toEqual(
      [
        'name.short',
        'name.full',
        'description.short',
        'description.full',
        'staticTabs[0].name',
        'staticTabs[1].name',
        ...[0, 1].flatMap((l) => [0, 1].flatMap((c) => [`bots[0].commandLists[${l}].commands[${c}].title`, `bots[0].commandLists[${l}].commands[${c}].description`])),
      ].sort(),
    );
    expect(strings.get('staticTabs[0].name')).toBe('Omat tavoitteet');
  });

  for (const { file } of languages) {
    describe(file, () => {
      const json = read(file);
      const keys = Object.keys(json).filter((k) => k !== '$schema');

      it('validates against the bundled localization schema', () => {
        expect(validateLocalization(file, json)).toEqual([]);
      });

      it('covers every localizable string of the manifest, and nothing else', () => {
        expect(keys.sort()).toEqual([...strings.keys()].sort());
      });

      it('translates the prose (command names stay what the bot understands)', () => {
        for (const [key, fi] of strings) {
          const value = json[key] as string;
          expect(value.trim(), key).not.toBe('');
          if (key.endsWith('.title')) expect(value, key).toBe(fi);
          else expect(value, key).not.toBe(fi);
        }
      });
    });
  }

  it('the schema catches a too-long translation and names the key', () => {
    const bad = { ...read('sv.json'), 'name.short': 'Uppföljning av strategiska mål' + '!' };
    expect(validateLocalization('sv.json', bad)).toEqual(['sv.json: /name.short must NOT have more than 30 characters']);
  });
});
