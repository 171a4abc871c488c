/**
 * Builds the package: fills the template, runs every check, and only when nothing is wrong writes
 * appPackage.<mode>.zip with manifest.json and the files it names (icons, translations) at the root.
 */
import { zipSync, type Zippable } from 'fflate';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkIcons } from './icons';
import { APP_PACKAGE_DIR, fillTemplate } from './manifest';
import { PackageError } from './problems';
import { checkTranslation, localizableStrings, validateManifest } from './validate';
import { resolveValues, type PackageMode, type TemplateValues } from './values';

export interface BuildOptions {
  mode: PackageMode;
  env: Record<string, string | undefined>;
  /** Where manifest.json and its files are read from (default appPackage/). */
  sourceDir?: string;
  /** Where the zip goes (default appPackage/build/). */
  outDir?: string;
}

export interface BuildResult {
  zipPath: string;
  files: string[];
  manifest: Record<string, unknown>;
  values: TemplateValues;
}

interface ManifestShape {
  icons?: { color?: string; outline?: string };
  localizationInfo?: { additionalLanguages?: { languageTag: string; file: string }[] };
}

/** A fixed timestamp keeps the zip byte-identical for identical inputs. */
const ZIP_TIME = new Date('2024-01-01T00:00:00Z');

/** Fills, validates and zips the app package. Throws PackageError with every problem found. */
export function buildPackage(opts: BuildOptions): BuildResult {
  const src = opts.sourceDir ?? APP_PACKAGE_DIR;
  const outDir = opts.outDir ?? join(src, 'build');
  const values = resolveValues(opts.mode, opts.env);
  const template = JSON.parse(readFileSync(join(src, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const manifest = fillTemplate(template, values);
  const problems = validateManifest(manifest);

  const shape = manifest as ManifestShape;
  const files: Zippable = { 'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) };
  /** A file the manifest names; it must sit at the package root. */
  const read = (rel: string | undefined, field: string): Uint8Array | undefined => {
    if (!rel) return undefined;
    if (rel.includes('/') || rel.includes('\\')) {
      problems.push(`manifest.json: ${field} must name a file at the package root (got "${rel}")`);
      return undefined;
    }
    try {
      return readFileSync(join(src, rel));
    } catch {
      problems.push(`manifest.json: ${field} names "${rel}", which is not in ${relative(process.cwd(), src) || '.'}`);
      return undefined;
    }
  };

  const colorName = shape.icons?.color;
  const outlineName = shape.icons?.outline;
  const color = read(colorName, '/icons/color');
  const outline = read(outlineName, '/icons/outline');
  if (color && outline) problems.push(...checkIcons(color, outline, { color: colorName!, outline: outlineName! }));
  if (color) files[colorName!] = color;
  if (outline) files[outlineName!] = outline;

  const localizable = localizableStrings(manifest);
  (shape.localizationInfo?.additionalLanguages ?? []).forEach((lang, i) => {
    const bytes = read(lang.file, `/localizationInfo/additionalLanguages/${i}/file`);
    if (!bytes) return;
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
    } catch (e) {
      problems.push(`${lang.file}: not valid JSON (${(e as Error).message})`);
      return;
    }
    problems.push(...checkTranslation(lang.file, lang.languageTag, json, localizable));
    files[lang.file] = bytes;
  });

  if (problems.length) throw new PackageError(problems);

  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${opts.mode}.zip`);
  writeFileSync(zipPath, zipSync(files, { level: 9, mtime: ZIP_TIME }));
  return { zipPath, files: Object.keys(files), manifest, values };
}
