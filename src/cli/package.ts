/**
 * `npm run package [-- --mode local|tenant] [-- --out <dir>]`: builds the Teams app package.
 *
 * Reads env/.env then env/.env.local (dotenv: a variable already set wins, so the process
 * environment beats env/.env, which beats env/.env.local), fills the `${{NAME}}` placeholders of
 * appPackage/manifest.json, validates the manifest and the sv/en localization files against the
 * Teams JSON schemas bundled with @microsoft/app-manifest (offline), checks the icons, and writes
 * appPackage/build/appPackage.<mode>.zip with manifest.json, sv.json, en.json, color.png and
 * outline.png at the zip's root. Exits 1 with one line per problem, each naming the bad field.
 *
 * Local mode needs no settings: PUBLIC_URL is http://localhost:<PORT> and the ids are fixed local
 * values (not registered anywhere). Tenant mode needs PUBLIC_URL (https), TEAMS_APP_ID,
 * AAD_CLIENT_ID and BOT_ID, and takes API_AUDIENCE (default api://<domain>/<AAD_CLIENT_ID>).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { config as loadDotenv } from 'dotenv';
import { zipSync, type Zippable } from 'fflate';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inflateSync } from 'node:zlib';
import { LOCAL_API_AUDIENCE, LOCAL_APP_ID } from '../server/auth/local-issuer';
import { loadConfig, publicUrl } from '../server/config';

/** The Teams manifest schema version the template targets: the newest GA one @microsoft/app-manifest bundles. */
export const MANIFEST_VERSION = '1.30';
export type PackageMode = 'local' | 'tenant';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const APP_PACKAGE_DIR = join(repoRoot, 'appPackage');

/**
 * Fixed ids for local packages, registered in no tenant: the Entra app id is the local issuer's
 * stand-in app; the bot id is any GUID (Agents Playground accepts every bot id).
 */
export const LOCAL_IDS = {
  AAD_CLIENT_ID: LOCAL_APP_ID,
  BOT_ID: '2f8e4b1c-9a3d-4e6f-b0c7-51d2a8e9f364',
} as const;

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams app package was not built:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageError';
  }
}

// --- placeholder values ----------------------------------------------------------------------

export type TemplateValues = Record<'TEAMS_APP_ID' | 'PUBLIC_URL' | 'PUBLIC_DOMAIN' | 'AAD_CLIENT_ID' | 'BOT_ID' | 'API_AUDIENCE', string>;

const nonEmpty = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

/**
 * The placeholder values for a mode. Settings from `env` are used only when they describe the
 * same mode (env MODE, default local), so `--mode local` next to a tenant env/.env still gives a
 * local package. Throws PackageError listing every missing or malformed setting.
 */
export function resolveValues(mode: PackageMode, env: Record<string, string | undefined>): TemplateValues {
  const envMode = env.MODE ?? 'local';
  const e = envMode === mode ? env : {};
  const problems: string[] = [];
  let values: Omit<TemplateValues, 'PUBLIC_DOMAIN'>;

  if (mode === 'local') {
    // Same defaults as the local server (TEAMS_APP_ID, PORT → PUBLIC_URL), from its own config code.
    const c = loadConfig({ MODE: 'local', PORT: nonEmpty(e.PORT), PUBLIC_URL: nonEmpty(e.PUBLIC_URL), TEAMS_APP_ID: nonEmpty(e.TEAMS_APP_ID) });
    values = {
      TEAMS_APP_ID: c.TEAMS_APP_ID,
      PUBLIC_URL: publicUrl(c, c.PORT),
      AAD_CLIENT_ID: nonEmpty(e.AAD_CLIENT_ID) ?? LOCAL_IDS.AAD_CLIENT_ID,
      BOT_ID: nonEmpty(e.BOT_ID) ?? LOCAL_IDS.BOT_ID,
      API_AUDIENCE: nonEmpty(e.API_AUDIENCE) ?? LOCAL_API_AUDIENCE,
    };
  } else {
    const need = (name: string): string => {
      const v = nonEmpty(e[name]);
      if (v === undefined) problems.push(`${name} is missing (needed for a tenant package; set it in env/.env next to MODE=tenant)`);
      return v ?? '';
    };
    const url = need('PUBLIC_URL').replace(/\/+$/, '');
    const clientId = need('AAD_CLIENT_ID');
    values = {
      TEAMS_APP_ID: need('TEAMS_APP_ID'),
      PUBLIC_URL: url,
      AAD_CLIENT_ID: clientId,
      BOT_ID: need('BOT_ID'),
      API_AUDIENCE: nonEmpty(e.API_AUDIENCE) ?? (url && clientId ? `api://${safeHost(url)}/${clientId}` : ''),
    };
    if (url && !url.startsWith('https://')) problems.push(`PUBLIC_URL must be an https:// URL in tenant mode (got ${url})`);
  }

  for (const name of ['TEAMS_APP_ID', 'AAD_CLIENT_ID', 'BOT_ID'] as const) {
    if (values[name] && !GUID.test(values[name])) problems.push(`${name} must be a GUID (got "${values[name]}")`);
  }
  for (const [name, v] of Object.entries(values)) {
    if (/[<>]/.test(v)) problems.push(`${name} still holds a sample placeholder ("${v}"): fill in the real value`);
  }
  if (values.PUBLIC_URL && !safeHost(values.PUBLIC_URL)) problems.push(`PUBLIC_URL is not a URL (got "${values.PUBLIC_URL}")`);
  else if (values.PUBLIC_URL && new URL(values.PUBLIC_URL).pathname !== '/') {
    problems.push(`PUBLIC_URL must be an origin without a path, since Teams' validDomains and the NAA redirect URI take the host only (got ${values.PUBLIC_URL})`);
  }
  if (values.API_AUDIENCE && !values.API_AUDIENCE.startsWith('api://')) problems.push(`API_AUDIENCE must start with api:// (got "${values.API_AUDIENCE}")`);
  if (problems.length) throw new PackageError(problems);
  return { ...values, PUBLIC_DOMAIN: safeHost(values.PUBLIC_URL) };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

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

// --- schema validation -----------------------------------------------------------------------

const requireFromHere = createRequire(import.meta.url);

export function schemaFile(name: 'MicrosoftTeams.schema.json' | 'MicrosoftTeams.Localization.schema.json'): string {
  const pkgDir = dirname(requireFromHere.resolve('@microsoft/app-manifest/package.json'));
  return join(pkgDir, 'build', 'json-schemas', 'teams', `v${MANIFEST_VERSION}`, name);
}

const validators = new Map<string, ValidateFunction>();

/**
 * The bundled Teams schemas declare draft-04. They use no keyword whose meaning changed after
 * draft-04 (checked below: no boolean exclusiveMinimum/Maximum, no `id` as a schema id), so Ajv's
 * default dialect validates them faithfully once the `$schema` marker is set aside.
 */
function validatorFor(file: string): ValidateFunction {
  let v = validators.get(file);
  if (v) return v;
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const text = JSON.stringify(schema);
  if (/"exclusive(Minimum|Maximum)":(true|false)/.test(text)) {
    throw new Error(`${file} uses draft-04 boolean exclusiveMinimum/Maximum, which Ajv's default dialect reads differently`);
  }
  const { $schema: _dialect, ...body } = schema;
  // unicodeRegExp off: the localization schema has patterns (`\b…\b]`) that are invalid under the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  v = ajv.compile(body);
  validators.set(file, v);
  return v;
}

function describe(fileLabel: string, e: ErrorObject): string {
  const at = e.instancePath || '/';
  switch (e.keyword) {
    case 'required':
      return `${fileLabel}: required field "${(e.params as { missingProperty: string }).missingProperty}" is missing at ${at}`;
    case 'additionalProperties':
      return `${fileLabel}: ${at} has a field the schema does not allow: "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'enum':
      return `${fileLabel}: ${at} must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
    default:
      return `${fileLabel}: ${at} ${e.message ?? 'is invalid'}`;
  }
}

function run(file: string, label: string, data: unknown): string[] {
  const validate = validatorFor(file);
  if (validate(data)) return [];
  const seen = new Set<string>();
  return (validate.errors ?? []).map((e) => describe(label, e)).filter((m) => !seen.has(m) && Boolean(seen.add(m)));
}

/** Problems of a filled manifest against the Teams schema (empty = valid). */
export function validateManifest(manifest: unknown): string[] {
  return run(schemaFile('MicrosoftTeams.schema.json'), 'manifest.json', manifest);
}

/** Problems of a localization file against the Teams localization schema (empty = valid). */
export function validateLocalization(fileName: string, json: unknown): string[] {
  return run(schemaFile('MicrosoftTeams.Localization.schema.json'), fileName, json);
}

// --- localizable strings ---------------------------------------------------------------------

/**
 * Every localizable string of a manifest as localization-file keys (`name.short`,
 * `staticTabs[0].name`, …), found by matching each string's path against the keys and key
 * patterns the bundled localization schema allows.
 */
export function localizableStrings(manifest: unknown): Map<string, string> {
  const schema = JSON.parse(readFileSync(schemaFile('MicrosoftTeams.Localization.schema.json'), 'utf8')) as {
    properties: Record<string, unknown>;
    patternProperties: Record<string, unknown>;
  };
  const exact = new Set(Object.keys(schema.properties).filter((k) => k !== '$schema' && k !== 'localizationKeys'));
  const patterns = Object.keys(schema.patternProperties).map((p) => new RegExp(p));
  const out = new Map<string, string>();
  const walk = (v: unknown, key: string): void => {
    if (typeof v === 'string') {
      if (exact.has(key) || patterns.some((re) => re.test(key))) out.set(key, v);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${key}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, key ? `${key}.${k}` : k);
  };
  walk(manifest, '');
  return out;
}

// --- icons -----------------------------------------------------------------------------------

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width, height and pixel format from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function readPngInfo(buf: Uint8Array): PngInfo {
  const b = Buffer.from(buf);
  if (b.length < 33 || !b.subarray(0, 8).equals(PNG_SIGNATURE) || b.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), bitDepth: b[24] as number, colorType: b[25] as number };
}

/** RGBA pixels of an 8-bit, non-interlaced RGBA PNG (all five filter types), for the outline check. */
export function decodeRgba(buf: Uint8Array): Uint8Array {
  const b = Buffer.from(buf);
  const { width, height, bitDepth, colorType } = readPngInfo(b);
  if (bitDepth !== 8 || colorType !== 6 || b[28] !== 0) throw new Error('only 8-bit RGBA, non-interlaced PNGs are decoded');
  const idat: Buffer[] = [];
  for (let off = 8; off + 8 <= b.length; ) {
    const len = b.readUInt32BE(off);
    if (b.toString('ascii', off + 4, off + 8) === 'IDAT') idat.push(b.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const cur = raw[y * (stride + 1) + 1 + x] as number;
      const a = x >= 4 ? (out[y * stride + x - 4] as number) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] as number) : 0;
      const c = x >= 4 && y > 0 ? (out[(y - 1) * stride + x - 4] as number) : 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = up;
      else if (filter === 3) pred = (a + up) >> 1;
      else if (filter === 4) {
        const p = a + up - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - up), pc = Math.abs(p - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      }
      out[y * stride + x] = (cur + pred) & 0xff;
    }
  }
  return out;
}

/** Problems with the two icons: Teams wants color 192×192 and outline 32×32, white on transparent. */
export function checkIcons(color: Uint8Array, outline: Uint8Array, names = { color: 'color.png', outline: 'outline.png' }): string[] {
  const problems: string[] = [];
  const size = (buf: Uint8Array, name: string, want: number): PngInfo | undefined => {
    try {
      const info = readPngInfo(buf);
      if (info.width !== want || info.height !== want) {
        problems.push(`icons: ${name} is ${info.width}×${info.height}; Teams needs ${want}×${want}`);
      }
      return info;
    } catch (e) {
      problems.push(`icons: ${name} ${(e as Error).message}`);
      return undefined;
    }
  };
  size(color, names.color, 192);
  const info = size(outline, names.outline, 32);
  if (info && info.colorType !== 6 && info.colorType !== 4) {
    problems.push(`icons: ${names.outline} has no alpha channel; the outline icon must be white on a transparent background`);
  } else if (info && info.colorType === 6 && info.bitDepth === 8) {
    const px = decodeRgba(outline);
    for (let i = 0; i < px.length; i += 4) {
      const [r, g, b, a] = [px[i], px[i + 1], px[i + 2], px[i + 3]] as number[];
      if ((a as number) > 0 && ((r as number) < 250 || (g as number) < 250 || (b as number) < 250)) {
        const p = i / 4;
        problems.push(`icons: ${names.outline} has a non-white pixel at (${p % info.width}, ${Math.floor(p / info.width)}); the outline icon must be white on transparent`);
        break;
      }
    }
  }
  return problems;
}

// --- build -----------------------------------------------------------------------------------

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

/** Fills, validates and zips the app package. Throws PackageError with every problem found. */
export function buildPackage(opts: BuildOptions): BuildResult {
  const src = opts.sourceDir ?? APP_PACKAGE_DIR;
  const outDir = opts.outDir ?? join(src, 'build');
  const values = resolveValues(opts.mode, opts.env);
  const template = JSON.parse(readFileSync(join(src, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const manifest = fillTemplate(template, values);
  const problems = validateManifest(manifest);

  const shape = manifest as ManifestShape;
  const files: Zippable = { 'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`) };
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

  const color = read(shape.icons?.color, '/icons/color');
  const outline = read(shape.icons?.outline, '/icons/outline');
  if (color && outline) problems.push(...checkIcons(color, outline, { color: shape.icons?.color as string, outline: shape.icons?.outline as string }));
  if (color) files[shape.icons?.color as string] = color;
  if (outline) files[shape.icons?.outline as string] = outline;

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
    problems.push(...validateLocalization(lang.file, json));
    for (const key of localizable.keys()) {
      if (!(key in json)) problems.push(`${lang.file}: no ${lang.languageTag} translation for "${key}"`);
    }
    for (const key of Object.keys(json)) {
      if (key !== '$schema' && key !== 'localizationKeys' && !localizable.has(key)) {
        problems.push(`${lang.file}: "${key}" translates nothing in manifest.json`);
      }
    }
    files[lang.file] = bytes;
  });

  if (problems.length) throw new PackageError(problems);

  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${opts.mode}.zip`);
  // A fixed timestamp keeps the zip byte-identical for identical inputs.
  writeFileSync(zipPath, zipSync(files, { level: 9, mtime: new Date('2024-01-01T00:00:00Z') }));
  return { zipPath, files: Object.keys(files), manifest, values };
}

function strToU8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** Reads env/.env then env/.env.local into a copy of process.env (earlier sources win). */
export function readEnv(root = repoRoot): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  loadDotenv({ path: [join(root, 'env/.env'), join(root, 'env/.env.local')], processEnv: env as Record<string, string>, quiet: true });
  return env;
}

function main(): void {
  const { values: args } = parseArgs({ options: { mode: { type: 'string' }, out: { type: 'string' } } });
  const env = readEnv();
  const mode = args.mode ?? env.MODE ?? 'local';
  if (mode !== 'local' && mode !== 'tenant') {
    console.error(`--mode must be local or tenant (got "${mode}")`);
    process.exit(2);
  }
  if (args.mode && (env.MODE ?? 'local') !== mode) {
    console.log(`Note: the environment and env/ files are set up for MODE=${env.MODE ?? 'local'}, so their settings are not used for this ${mode} package.`);
  }
  try {
    const r = buildPackage({ mode, env, ...(args.out ? { outDir: resolve(args.out) } : {}) });
    console.log(`Wrote ${relative(process.cwd(), r.zipPath)} (Teams manifest v${MANIFEST_VERSION}, ${mode} mode)`);
    console.log(`  files: ${r.files.join(', ')}`);
    console.log(`  app id ${r.values.TEAMS_APP_ID}, bot ${r.values.BOT_ID}, Entra app ${r.values.AAD_CLIENT_ID}`);
    console.log(`  tabs at ${r.values.PUBLIC_URL}, API audience ${r.values.API_AUDIENCE}`);
    console.log('  manifest and sv/en localization validated against the bundled schemas; icon sizes checked.');
  } catch (e) {
    if (e instanceof PackageError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
