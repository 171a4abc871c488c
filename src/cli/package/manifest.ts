/** Where the manifest template lives, which schema version it targets, and how it is filled. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PackageError } from './problems';

/** The Teams manifest schema version the template targets: the newest GA one @microsoft/app-manifest bundles. */
export const MANIFEST_VERSION = '1.30';

export const APP_PACKAGE_DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '../../..'), 'appPackage');

/** Replaces `${{NAME}}` in every string of a JSON value; unknown names are errors naming the JSON path. */
export function fillTemplate<T>(template: T, values: Record<string, string>): T {
  const problems: string[] = [];
  const walk = (v: unknown, path: string): unknown => {
    if (typeof v === 'string') {
      return v.replace(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => {
        const value = values[name];
        if (value === undefined) {
          problems.push(`${path || '/'}: no value for placeholder ${whole}`);
          return whole;
        }
        return value;
      });
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}/${i}`));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, `${path}/${k}`)]));
    return v;
  };
  const out = walk(template, '') as T;
  if (problems.length) throw new PackageError(problems);
  return out;
}
