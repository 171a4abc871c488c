import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_DIR, readCatalogs } from './helpers';

/** Every leaf key of a catalog as a dotted path; plural forms are reduced to their base key. */
function leafKeys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const LANGS = ['fi', 'sv', 'en'];

describe('i18n catalogs', () => {
  const catalogs = readCatalogs();

  it('has the three languages and the same namespaces in each', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...LANGS].sort());
    const fiNs = Object.keys(catalogs.fi ?? {}).sort();
    expect(fiNs.length).toBeGreaterThan(0);
    for (const lng of LANGS) expect(Object.keys(catalogs[lng] ?? {}).sort(), `namespaces of ${lng}`).toEqual(fiNs);
  });

  it('has every key of every namespace in every language', () => {
    const missing: string[] = [];
    const namespaces = new Set(LANGS.flatMap((l) => Object.keys(catalogs[l] ?? {})));
    for (const ns of namespaces) {
      const keysOf = (lng: string) => new Set(leafKeys(catalogs[lng]?.[ns]).map((k) => k.replace(PLURAL, '')));
      const all = new Set(LANGS.flatMap((l) => [...keysOf(l)]));
      for (const lng of LANGS) {
        const have = keysOf(lng);
        for (const k of all) if (!have.has(k)) missing.push(`${lng}/${ns}.json: ${k}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has no empty texts and keeps interpolation variables the same across languages', () => {
    const problems: string[] = [];
    for (const ns of Object.keys(catalogs.fi ?? {})) {
      const flat = (lng: string) => {
        const m = new Map<string, string>();
        const walk = (o: unknown, p: string) => {
          if (typeof o === 'string') m.set(p.replace(PLURAL, ''), (m.get(p.replace(PLURAL, '')) ?? '') + o);
          else if (Array.isArray(o)) o.forEach((v, i) => walk(v, `${p}[${i}]`));
          else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, p ? `${p}.${k}` : k);
        };
        walk(catalogs[lng]?.[ns], '');
        return m;
      };
      const vars = (s: string) => [...new Set([...s.matchAll(/\{\{(\w+)\}\}/g)].map((x) => x[1]))].sort().join(',');
      const fi = flat('fi');
      for (const lng of LANGS) {
        for (const [k, v] of flat(lng)) {
          if (v.trim() === '') problems.push(`${lng}/${ns}: ${k} is empty`);
          const base = fi.get(k);
          if (base !== undefined && vars(base) !== vars(v)) problems.push(`${lng}/${ns}: ${k} uses {{${vars(v)}}} but fi uses {{${vars(base)}}}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('finds every key the tab code uses with t() in the catalogs', () => {
    // Literal keys only: t('ns:key') or t('key') inside a component using useTranslation('ns').
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f)) files.push(p);
      }
    };
    walk(join(CATALOG_DIR, '..'));
    const fi = catalogs.fi ?? {};
    const has = (ns: string, key: string) => {
      const keys = new Set(leafKeys(fi[ns]).map((k) => k.replace(PLURAL, '')));
      return keys.has(key) || [...keys].some((k) => k.startsWith(`${key}.`));
    };
    const missing: string[] = [];
    for (const file of files) {
      const src = readFileSync(file, 'utf8');
      const ns = /useTranslation\('(\w+)'\)/.exec(src)?.[1] ?? 'common';
      for (const m of src.matchAll(/\bt\('([A-Za-z0-9_.:]+)'/g)) {
        const raw = m[1] as string;
        const [n, k] = raw.includes(':') ? (raw.split(':') as [string, string]) : [ns, raw];
        if (!has(n, k) && !has('common', k)) missing.push(`${file.slice(CATALOG_DIR.length - 4)}: ${raw}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
