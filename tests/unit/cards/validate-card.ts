import { createRequire } from 'node:module';

/**
 * Validates a card the way a 1.5 host would read it, with the official `adaptivecards` package:
 * parse with 1.5 as the target version (unknown element/action types, properties of later
 * versions and invalid values are reported as parse events), then the library's own property
 * validation (duplicate ids, missing required properties), then a round trip: every property we
 * wrote must survive `toJSON`, so a misspelt or unsupported property cannot pass silently.
 * (The package's ESM build has extensionless imports Node cannot load; its UMD build works.)
 */
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

// Properties the renderer library does not model but Teams reads (documented host extensions).
const HOST_EXTENSIONS = new Set(['msteams', '$schema']);

export function validateCard(json: unknown): string[] {
  const problems: string[] = [];
  const c = json as { type?: string; version?: string };
  if (c.type !== 'AdaptiveCard') problems.push('type must be AdaptiveCard');
  if (c.version !== '1.5') problems.push(`version must be 1.5, was ${String(c.version)}`);
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, ctx);
  for (let i = 0; i < ctx.eventCount; i++) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  const v = card.validateProperties();
  for (const e of v.validationEvents) problems.push(`validate: ${e.message}`);
  const round = card.toJSON(new AC.SerializationContext(AC.Versions.v1_5));
  problems.push(...lost(json, round, ''));
  return problems;
}

function lost(a: unknown, b: unknown, path: string): string[] {
  if (a === null || typeof a !== 'object') return [];
  if (Array.isArray(a)) {
    if (!Array.isArray(b)) return [`${path}: array lost`];
    return a.flatMap((x, i) => lost(x, b[i], `${path}[${i}]`));
  }
  const out: string[] = [];
  const bo = (b ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(a as Record<string, unknown>)) {
    if (HOST_EXTENSIONS.has(k) || v === undefined) continue;
    // `data` of actions is free-form and kept as is; `isVisible: true` and similar defaults are dropped by toJSON.
    if (!(k in bo)) {
      if (isDefault(k, v)) continue;
      out.push(`${path}.${k}: not a 1.5 property here (dropped by the parser)`);
      continue;
    }
    if (k === 'data') continue;
    out.push(...lost(v, bo[k], `${path}.${k}`));
  }
  return out;
}

const DEFAULTS: Record<string, unknown[]> = {
  wrap: [false],
  isVisible: [true],
  separator: [false],
  spacing: ['Default'],
  isSubtle: [false],
  weight: ['Default'],
  size: ['Default'],
  color: ['Default'],
  style: ['default', 'compact', 'Default'],
  isMultiline: [false],
  isRequired: [false],
  associatedInputs: ['auto'],
};
function isDefault(k: string, v: unknown): boolean {
  return (DEFAULTS[k] ?? []).includes(v);
}

export function expectValidCard(json: unknown): void {
  const problems = validateCard(json);
  if (problems.length) throw new Error(`Card is not valid Adaptive Card 1.5:\n  ${problems.join('\n  ')}\n${JSON.stringify(json, null, 1).slice(0, 2000)}`);
}
