/**
 * The manifest and its localization files checked against the Teams JSON schemas bundled with
 * @microsoft/app-manifest (offline), with one message per problem naming the file and the field.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MANIFEST_VERSION } from './manifest';

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

/** Problems of one translation file: the schema, plus every localizable string translated and nothing else. */
export function checkTranslation(file: string, languageTag: string, json: Record<string, unknown>, localizable: Map<string, string>): string[] {
  const problems = validateLocalization(file, json);
  for (const key of localizable.keys()) {
    if (!(key in json)) problems.push(`${file}: no ${languageTag} translation for "${key}"`);
  }
  for (const key of Object.keys(json)) {
    if (key !== '$schema' && key !== 'localizationKeys' && !localizable.has(key)) {
      problems.push(`${file}: "${key}" translates nothing in manifest.json`);
    }
  }
  return problems;
}
