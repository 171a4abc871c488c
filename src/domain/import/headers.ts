import type { Locale } from '..';
import { normalize } from './text';

/** What a column of a goal table can hold. `ignore` is the admin's way of saying "not this one". */
export const IMPORT_FIELDS = [
  'key',
  'code',
  'theme',
  'title',
  'description',
  'indicator',
  'baseline',
  'target',
  'measureUnit',
  'persons',
  'groups',
  'units',
  'realization',
  'status',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ColumnTarget = ImportField | 'ignore';

/**
 * Header synonyms as people write them, normalized (lower case, punctuation as spaces). A header
 * matches when, after taking out a period or year, it equals a synonym or begins or ends with one.
 */
const SYNONYMS: Record<ImportField, Partial<Record<Locale, string[]>>> = {
  key: { fi: ['avain', 'tunniste'], sv: ['nyckel'], en: ['key', 'id'] },
  code: { fi: ['koodi', 'numero', 'nro', 'tunnus'], sv: ['kod', 'nummer', 'nr'], en: ['code', 'number', 'no'] },
  theme: {
    fi: ['teema', 'strateginen teema', 'osa alue', 'osaalue', 'toimenpidekokonaisuus', 'painopiste', 'painopistealue', 'tulosalue', 'kokonaisuus'],
    sv: ['tema', 'delområde', 'strategiskt tema', 'fokusområde', 'resultatområde', 'åtgärdspaket'],
    en: ['theme', 'strategic theme', 'focus area', 'result area', 'area', 'action package'],
  },
  title: {
    fi: ['tavoite', 'toimialan tavoite', 'tavoitteet', 'tavoitteen nimi', 'tulostavoite'],
    sv: ['mål', 'målsättning', 'sektorns mål'],
    en: ['goal', 'goals', 'objective', 'objectives'],
  },
  description: { fi: ['kuvaus', 'selite', 'perustelu'], sv: ['beskrivning'], en: ['description', 'details'] },
  indicator: {
    fi: ['mittari', 'mittarit', 'arviointikriteeri', 'mittari seuranta ja toimenpiteet'],
    sv: ['mätare', 'indikator', 'indikatorer'],
    en: ['indicator', 'indicators', 'measure', 'metric', 'kpi'],
  },
  baseline: { fi: ['lähtötaso', 'lähtötilanne', 'nykytila'], sv: ['utgångsläge', 'utgångsnivå', 'nuläge'], en: ['baseline', 'starting point'] },
  target: { fi: ['tavoitetaso', 'tavoitearvo', 'tavoitetila'], sv: ['målnivå', 'målvärde'], en: ['target', 'target level', 'target value'] },
  measureUnit: { fi: ['mittayksikkö', 'yksikkö mittari'], sv: ['måttenhet', 'mätenhet'], en: ['unit of measure', 'measurement unit', 'measure unit'] },
  persons: {
    fi: ['vastuuhenkilö', 'vastuuhenkilöt', 'vastuuhenkilö t', 'vastuuhenkilö it', 'vastuussa', 'vastaava'],
    sv: ['ansvarsperson', 'ansvarspersoner', 'ansvarsperson er', 'ansvarig', 'ansvariga'],
    en: ['responsible', 'responsible person', 'responsible persons', 'owner', 'owners'],
  },
  groups: {
    fi: ['vastuutaho', 'vastuutahot', 'vastuuryhmä', 'kehittämisryhmä', 'vastuullinen kehittämisryhmä'],
    sv: ['ansvarig grupp', 'ansvariga grupper', 'utvecklingsgrupp', 'ansvarig utvecklingsgrupp'],
    en: ['responsible group', 'responsible groups', 'group', 'development group'],
  },
  units: {
    fi: ['yksikkö', 'yksiköt', 'palvelualue', 'palvelualueet', 'raportoiva yksikkö'],
    sv: ['enhet', 'enheter', 'serviceområde', 'serviceområden'],
    en: ['unit', 'units', 'service area', 'service areas', 'reporting unit'],
  },
  realization: {
    fi: ['toteuma', 'toteutuminen', 'edistyminen', 'tilannekatsaus', 'tilanne', 'toteutus'],
    sv: ['uppföljning', 'förverkligande', 'genomförande', 'lägesrapport', 'framsteg'],
    en: ['realization', 'realisation', 'progress', 'status update', 'follow up'],
  },
  status: {
    fi: ['tila', 'arvio', 'arvio toteumasta', 'arviointi', 'tilannearvio', 'arvio 0 2'],
    sv: ['status', 'bedömning', 'läge'],
    en: ['status', 'assessment', 'rating', 'rag'],
  },
};

/** What a header says about time: "Toteuma 8/2021" a period, "Lähtötaso v:n 2019 loppu" a date. */
export interface HeaderTime {
  /** YYYY-MM: "8/2021", "1–8/2021" (a tertial ends in its last month), "08/2021". */
  period?: string;
  /** YYYY-MM-DD: the end of a year ("2019 loppu", "end of 2019", "slutet av 2019", "31.12.2019"). */
  date?: string;
  year?: number;
  /** "1–8/2021": a range of months, as tertial reports say. */
  monthRange?: boolean;
}

export interface RecognisedHeader {
  field?: ImportField;
  locale?: Locale;
  time: HeaderTime;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Takes a period, date or year out of a header and returns what is left. */
export function headerTime(header: string): { rest: string; time: HeaderTime } {
  let rest = header;
  const time: HeaderTime = {};
  const take = (re: RegExp, f: (m: RegExpExecArray) => void) => {
    const m = re.exec(rest);
    if (m) {
      f(m);
      rest = rest.slice(0, m.index) + ' ' + rest.slice(m.index + m[0].length);
    }
  };
  take(/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/, (m) => {
    time.date = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
    time.year = Number(m[3]);
  });
  take(/\b(?:(\d{1,2})\s*[–—-]\s*)?(\d{1,2})\s*\/\s*(\d{4})\b/, (m) => {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) {
      time.period = `${m[3]}-${pad(month)}`;
      time.year = Number(m[3]);
      if (m[1]) time.monthRange = true;
    }
  });
  take(/\b(?:v\s*:\s*n\s+|vuoden\s+|end of\s+|slutet av\s+|utgången av\s+)?((?:19|20)\d{2})(?:\s+(loppu|lopussa|lopulla|end|slut))?\b/i, (m) => {
    time.year ??= Number(m[1]);
    const endWords = /v\s*:\s*n|vuoden|end of|slutet av|utgången av/i.test(m[0]) || m[2];
    if (endWords) time.date ??= `${m[1]}-12-31`;
  });
  return { rest, time };
}

const ALL: { field: ImportField; locale: Locale; phrase: string }[] = Object.entries(SYNONYMS).flatMap(([field, byLocale]) =>
  Object.entries(byLocale).flatMap(([locale, phrases]) => phrases.map((phrase) => ({ field: field as ImportField, locale: locale as Locale, phrase }))),
);

/** Recognises a column header in Finnish, Swedish or English; `field` is undefined when nothing fits. */
export function recogniseHeader(header: string): RecognisedHeader {
  const { rest, time } = headerTime(header);
  const text = normalize(rest);
  if (!text) return { time };
  const exact = ALL.find((s) => s.phrase === text);
  if (exact) return { field: exact.field, locale: exact.locale, time };
  // "Toimialan tavoite", "Mittari, seuranta ja toimenpiteet": a known phrase at either end, longest first.
  const edge = ALL.filter((s) => text.startsWith(`${s.phrase} `) || text.endsWith(` ${s.phrase}`)).sort((a, b) => b.phrase.length - a.phrase.length);
  const best = edge[0];
  if (best && edge.every((e) => e.field === best.field || e.phrase.length < best.phrase.length)) return { field: best.field, locale: best.locale, time };
  return { time };
}

/** Whether a user-given target (from --map or the mapping form) is a field name. */
export function isColumnTarget(v: string): v is ColumnTarget {
  return v === 'ignore' || (IMPORT_FIELDS as readonly string[]).includes(v);
}
