import { BUILT_IN_SCALES, LIKELIHOOD_SCALE, REALISATION_SCALE, TRAFFIC_LIGHT_SCALE, type StatusColor, type StatusLevel, type StatusScale } from '..';
import { isBareNumber, normalize } from './text';

/**
 * Matching the status cells of a table to a plan's scale. A level matches by its number ("2"),
 * by its label in any language, with or without the "2 – " prefix, and, for the shipped scales,
 * by the other ways people write the same thing ("Genomförs delvis", "Osittain", "Partly").
 */
const ALIASES: Record<string, Record<number, string[]>> = {
  [REALISATION_SCALE.key]: {
    0: ['ei toteudu', 'ei toteutunut', 'ei ole toteutunut', 'genomförs inte', 'förverkligas inte', 'har inte förverkligats', 'not realised', 'not realized', 'not achieved'],
    1: ['osittain', 'toteutunut osittain', 'toteutuu osin', 'genomförs delvis', 'delvis', 'delvis förverkligat', 'partially', 'partly', 'partially realized', 'partly realised'],
    2: ['täysin', 'toteutunut', 'toteutunut täysin', 'toteutuu', 'genomförs helt', 'helt', 'förverkligat', 'fully', 'realised', 'realized', 'fully realized', 'achieved'],
  },
  [LIKELIHOOD_SCALE.key]: {
    0: ['ei toteudu', 'ei toteutune', 'förverkligas inte', 'will not be realized'],
    1: ['epävarma', 'ehkä', 'osäkert', 'kanske', 'uncertain', 'maybe'],
    2: ['todennäköinen', 'toteutunut', 'sannolikt', 'förverkligat', 'likely', 'realised', 'realized', 'likely or realized'],
  },
  [TRAFFIC_LIGHT_SCALE.key]: {
    0: ['harmaa', 'ei aloitettu', 'grå', 'grey', 'gray', 'not started'],
    1: ['punainen', 'röd', 'red', 'off track'],
    2: ['keltainen', 'oranssi', 'gul', 'orange', 'yellow', 'amber', 'at risk'],
    3: ['vihreä', 'grön', 'green', 'on track', 'etenee', 'aikataulussa'],
  },
};

function phrases(scale: StatusScale, level: StatusLevel): string[] {
  const labels = [level.label.fi, level.label.sv, level.label.en].filter((x): x is string => !!x);
  const out = new Set<string>();
  for (const l of labels) {
    out.add(normalize(l));
    // "2 – Todennäköinen tai toteutunut" is also written "Todennäköinen tai toteutunut".
    out.add(normalize(l.replace(/^\s*\d+\s*[–—:.-]\s*/, '')));
  }
  for (const a of ALIASES[scale.key]?.[level.value] ?? []) out.add(a);
  return [...out].filter(Boolean);
}

/** The level a status cell names on a scale, or undefined. */
export function matchStatus(scale: StatusScale, text: string, number?: number): number | undefined {
  const t = text.trim();
  if (!t && number === undefined) return undefined;
  const n = number ?? (isBareNumber(t) ? Number(t.replace(',', '.').replace('−', '-')) : undefined);
  if (n !== undefined) return scale.levels.some((l) => l.value === n) ? n : undefined;
  const norm = normalize(t);
  // "2 – todennäköinen": the leading number decides when it is on the scale.
  const lead = /^(\d)\s/.exec(norm);
  if (lead && scale.levels.some((l) => l.value === Number(lead[1]))) return Number(lead[1]);
  const hits = scale.levels.filter((l) => phrases(scale, l).includes(norm));
  return hits.length === 1 ? hits[0]?.value : undefined;
}

export interface StatusCellValue {
  row: number;
  text: string;
  number?: number;
}

export type ScaleChoice =
  | { source: 'plan' | 'built-in'; scale: StatusScale; unmatched: StatusCellValue[] }
  | { source: 'proposed'; scale: StatusScale; unmatched: StatusCellValue[] };

const spread = (n: number): StatusColor[] => {
  const ramp: StatusColor[] = ['red', 'orange', 'yellow', 'lightGreen', 'green'];
  if (n <= 1) return ['green'];
  return Array.from({ length: n }, (_, i) => ramp[Math.round((i * (ramp.length - 1)) / (n - 1))] ?? 'grey');
};

/**
 * A scale built from the values found, for a file whose statuses fit no existing scale. Numbers
 * keep their value (higher is better, as everywhere); texts are levels in the order they first
 * appear, which the admin checks in the preview and can edit in the plan afterwards.
 */
export function proposeScale(values: readonly StatusCellValue[]): StatusScale | undefined {
  const distinct: { text: string; number?: number }[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    const k = v.number !== undefined ? `#${v.number}` : normalize(v.text);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    distinct.push(v);
  }
  if (distinct.length < 2 || distinct.length > 10) return undefined;
  const numeric = distinct.every((v) => v.number !== undefined || isBareNumber(v.text));
  const levels: StatusLevel[] = numeric
    ? distinct
        .map((v) => v.number ?? Number(v.text.replace(',', '.')))
        .sort((a, b) => a - b)
        .map((n, i, all) => ({ value: n, label: { fi: String(n) }, color: spread(all.length)[i] ?? 'grey' }))
    : distinct.map((v, i) => ({ value: i, label: { fi: v.text.trim() }, color: spread(distinct.length)[i] ?? 'grey' }));
  if (levels.some((l) => !Number.isInteger(l.value) || l.value < 0 || l.value > 9)) return undefined;
  return { key: 'imported', name: { fi: 'Tuotu asteikko', sv: 'Importerad skala', en: 'Imported scale' }, levels };
}

/**
 * Which scale the file's statuses are read on: the plan's, when the plan exists (cells that fit
 * it not are reported); otherwise the first shipped scale that fits every value (a numbers-only
 * column prefers the 0–2 assessment); when some values fit a shipped scale, the rest are reported
 * against it; only when none fits does the preview propose a scale built from the values.
 */
export function chooseScale(values: readonly StatusCellValue[], planScale: StatusScale | undefined): ScaleChoice {
  const unmatchedOn = (s: StatusScale) => values.filter((v) => matchStatus(s, v.text, v.number) === undefined);
  if (planScale) return { source: 'plan', scale: planScale, unmatched: unmatchedOn(planScale) };
  const numeric = values.length > 0 && values.every((v) => v.number !== undefined || isBareNumber(v.text));
  const order = numeric ? [LIKELIHOOD_SCALE, TRAFFIC_LIGHT_SCALE, ...BUILT_IN_SCALES] : BUILT_IN_SCALES;
  let best: { scale: StatusScale; unmatched: StatusCellValue[] } | undefined;
  for (const s of order) {
    const unmatched = unmatchedOn(s);
    if (unmatched.length === 0) return { source: 'built-in', scale: s, unmatched: [] };
    if (!best || unmatched.length < best.unmatched.length) best = { scale: s, unmatched };
  }
  // Some values on a shipped scale and some not: the odd ones are mistakes to fix, not a new scale.
  if (best && best.unmatched.length < values.length) return { source: 'built-in', ...best };
  const proposed = proposeScale(values);
  if (proposed) return { source: 'proposed', scale: proposed, unmatched: [] };
  return { source: 'built-in', scale: REALISATION_SCALE, unmatched: unmatchedOn(REALISATION_SCALE) };
}
