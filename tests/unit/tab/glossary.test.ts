import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_DIR, readCatalogs } from './helpers';

interface Concept {
  fi: string;
  sv: string;
  en: string;
  avoid: Record<'fi' | 'sv' | 'en', string[]>;
}
const glossary = JSON.parse(readFileSync(join(CATALOG_DIR, 'glossary.json'), 'utf8')) as { concepts: Record<string, Concept> };
const catalogs = readCatalogs();

/** Every string of a catalog tree with its dotted key. */
function strings(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

// Import and report catalogs belong to their own features' engineers and follow the glossary there.
const OWN = (ns: string) => ns !== 'report' && !ns.startsWith('import') && ns !== 'adminImport';

describe('glossary: one term per concept per language', () => {
  for (const [concept, c] of Object.entries(glossary.concepts)) {
    for (const lng of ['fi', 'sv', 'en'] as const) {
      it(`${lng}: no catalog calls the ${concept} by another word (${c.avoid[lng].join(', ') || 'none listed'})`, () => {
        const found: string[] = [];
        for (const [ns, tree] of Object.entries(catalogs[lng] ?? {})) {
          if (!OWN(ns)) continue;
          for (const [key, text] of strings(tree)) {
            for (const word of c.avoid[lng]) if (new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'u').test(text)) found.push(`${ns}:${key} “${text}”`);
          }
        }
        expect(found).toEqual([]);
      });
    }
  }

  it('names the colour theme with the appearance term, not the strategic theme', () => {
    for (const lng of ['fi', 'sv', 'en'] as const) {
      const choose = (catalogs[lng]?.common as { theme: { choose: string } }).theme.choose;
      expect(choose.toLowerCase()).toContain(glossary.concepts.appearance?.[lng]);
    }
  });
});
