import type { StatusLevel, StatusScale } from './schemas/status-scale';

export type { StatusLevel, StatusScale };

/**
 * Colour tokens, not colours: the tab maps them to Fluent palette tokens so Teams' dark and
 * high-contrast themes work, and status is always shown with its label too (never colour alone).
 */
export const STATUS_COLORS = ['green', 'lightGreen', 'yellow', 'orange', 'red', 'grey'] as const;
export type StatusColor = (typeof STATUS_COLORS)[number];

/** (a) Vantaa 2021: fully / partially / not realised. */
export const REALISATION_SCALE: StatusScale = {
  key: 'realisation',
  name: { fi: 'Toteutuminen', sv: 'Förverkligande', en: 'Realisation' },
  levels: [
    { value: 0, color: 'red', label: { fi: 'Ei toteudu', sv: 'Förverkligas inte', en: 'Not realised' } },
    { value: 1, color: 'yellow', label: { fi: 'Toteutuu osittain', sv: 'Förverkligas delvis', en: 'Partially realised' } },
    { value: 2, color: 'green', label: { fi: 'Toteutuu täysin', sv: 'Förverkligas helt', en: 'Fully realised' } },
  ],
};

/** (b) A smaller town's 0–2 assessment scale. */
export const LIKELIHOOD_SCALE: StatusScale = {
  key: 'likelihood-0-2',
  name: { fi: 'Arvio 0–2', sv: 'Bedömning 0–2', en: 'Assessment 0–2' },
  levels: [
    { value: 0, color: 'red', label: { fi: '0 – Ei toteudu', sv: '0 – Förverkligas inte', en: '0 – Will not be realised' } },
    { value: 1, color: 'yellow', label: { fi: '1 – Epävarma', sv: '1 – Osäkert', en: '1 – Uncertain' } },
    { value: 2, color: 'green', label: { fi: '2 – Todennäköinen tai toteutunut', sv: '2 – Sannolikt eller förverkligat', en: '2 – Likely or realised' } },
  ],
};

/** (c) Traffic light with "not started". */
export const TRAFFIC_LIGHT_SCALE: StatusScale = {
  key: 'traffic-light',
  name: { fi: 'Liikennevalo', sv: 'Trafikljus', en: 'Traffic light' },
  levels: [
    { value: 0, color: 'grey', label: { fi: 'Ei aloitettu', sv: 'Inte påbörjat', en: 'Not started' } },
    { value: 1, color: 'red', label: { fi: 'Ei etene', sv: 'Går inte framåt', en: 'Off track' } },
    { value: 2, color: 'orange', label: { fi: 'Riski', sv: 'Risk', en: 'At risk' } },
    { value: 3, color: 'green', label: { fi: 'Etenee suunnitellusti', sv: 'Enligt plan', en: 'On track' } },
  ],
};

export const BUILT_IN_SCALES: readonly StatusScale[] = [REALISATION_SCALE, LIKELIHOOD_SCALE, TRAFFIC_LIGHT_SCALE];

export function levelOf(scale: StatusScale, value: number): StatusLevel | undefined {
  return scale.levels.find((l) => l.value === value);
}

/** Levels ordered worst first, which is how dashboards sort. */
export function levelsWorstFirst(scale: StatusScale): StatusLevel[] {
  return [...scale.levels].sort((a, b) => a.value - b.value);
}
