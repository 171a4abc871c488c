import type { Locale } from '../domain';

/**
 * The report's own words in fi/sv/en. The report's language is chosen at export, independent of
 * the reader's UI, so these live beside the writers rather than in the tab's catalogs.
 */
export interface ReportStrings {
  documentKind: string;
  realisation: (period: string) => string;
  planPeriod: string;
  planStart: string;
  planEnd: string;
  generatedAt: string;
  goalCount: string;
  distribution: string;
  distributionAlt: (parts: string) => string;
  countHeader: string;
  goalsHeading: string;
  theme: string;
  themeCode: string;
  code: string;
  goal: string;
  description: string;
  indicator: string;
  baseline: string;
  baselineDate: string;
  target: string;
  targetDate: string;
  responsible: string;
  responsibleGroup: string;
  indicatorValue: string;
  indicatorValuePeriod: string;
  progress: (percent: string) => string;
  status: string;
  statusValue: string;
  unitStatus: (unit: string) => string;
  unitNarrative: (unit: string) => string;
  notReported: string;
  reportedFor: (period: string) => string;
  /** Said of a narrative written in another language than the report's ("suomeksi"). */
  writtenIn: (lang: Locale) => string;
  overallAssessment: string;
  noTheme: string;
  summarySheet: string;
  page: string;
  truncated: string;
}

const fi: ReportStrings = {
  documentKind: 'Tilannekatsaus',
  realisation: (p) => `Toteuma ${p}`,
  planPeriod: 'Suunnitelmakausi',
  planStart: 'Suunnitelmakausi alkaa',
  planEnd: 'Suunnitelmakausi päättyy',
  generatedAt: 'Laadittu',
  goalCount: 'Tavoitteita',
  distribution: 'Tavoitteet tilan mukaan',
  distributionAlt: (parts) => `Pylväskaavio tavoitteiden määrästä tilan mukaan: ${parts}.`,
  countHeader: 'Tavoitteita',
  goalsHeading: 'Tavoitteet',
  theme: 'Teema',
  themeCode: 'Teeman nro',
  code: 'Nro',
  goal: 'Tavoite',
  description: 'Kuvaus',
  indicator: 'Mittari',
  baseline: 'Lähtötaso',
  baselineDate: 'Lähtötason ajankohta',
  target: 'Tavoitetaso',
  targetDate: 'Tavoitetason ajankohta',
  responsible: 'Vastuuhenkilö(t)',
  responsibleGroup: 'Vastuutaho',
  indicatorValue: 'Mittarin arvo',
  indicatorValuePeriod: 'Arvon ajankohta',
  progress: (p) => `edistyminen tavoitteeseen ${p}`,
  status: 'Tila',
  statusValue: 'Tila (arvo)',
  unitStatus: (u) => `${u}: tila`,
  unitNarrative: (u) => `${u}: toteuma`,
  notReported: 'Ei raportoitu',
  reportedFor: (p) => `raportoitu ${p}`,
  writtenIn: (l) => ({ fi: 'suomeksi', sv: 'ruotsiksi', en: 'englanniksi' })[l],
  overallAssessment: 'Kokonaisarvio',
  noTheme: 'Ei teemaa',
  summarySheet: 'Yhteenveto',
  page: 'Sivu',
  truncated: '… [katkaistu Excelin solun enimmäispituuteen; koko teksti Word-raportissa]',
};

const sv: ReportStrings = {
  documentKind: 'Lägesrapport',
  realisation: (p) => `Genomförande ${p}`,
  planPeriod: 'Planperiod',
  planStart: 'Planperioden börjar',
  planEnd: 'Planperioden slutar',
  generatedAt: 'Upprättad',
  goalCount: 'Mål',
  distribution: 'Målen enligt status',
  distributionAlt: (parts) => `Stapeldiagram över antalet mål enligt status: ${parts}.`,
  countHeader: 'Antal mål',
  goalsHeading: 'Mål',
  theme: 'Tema',
  themeCode: 'Temats nr',
  code: 'Nr',
  goal: 'Mål',
  description: 'Beskrivning',
  indicator: 'Mätare',
  baseline: 'Utgångsläge',
  baselineDate: 'Utgångslägets tidpunkt',
  target: 'Målnivå',
  targetDate: 'Målnivåns tidpunkt',
  responsible: 'Ansvarsperson(er)',
  responsibleGroup: 'Ansvarig grupp',
  indicatorValue: 'Mätarens värde',
  indicatorValuePeriod: 'Värdets tidpunkt',
  progress: (p) => `framsteg mot målet ${p}`,
  status: 'Status',
  statusValue: 'Status (värde)',
  unitStatus: (u) => `${u}: status`,
  unitNarrative: (u) => `${u}: genomförande`,
  notReported: 'Inte rapporterat',
  reportedFor: (p) => `rapporterat ${p}`,
  writtenIn: (l) => ({ fi: 'på finska', sv: 'på svenska', en: 'på engelska' })[l],
  overallAssessment: 'Helhetsbedömning',
  noTheme: 'Inget tema',
  summarySheet: 'Sammanfattning',
  page: 'Sida',
  truncated: '… [avkortat till Excels maximala cellängd; hela texten i Word-rapporten]',
};

const en: ReportStrings = {
  documentKind: 'Status report',
  realisation: (p) => `Realisation ${p}`,
  planPeriod: 'Plan period',
  planStart: 'Plan period starts',
  planEnd: 'Plan period ends',
  generatedAt: 'Prepared',
  goalCount: 'Goals',
  distribution: 'Goals by status',
  distributionAlt: (parts) => `Column chart of the number of goals by status: ${parts}.`,
  countHeader: 'Goals',
  goalsHeading: 'Goals',
  theme: 'Theme',
  themeCode: 'Theme no.',
  code: 'No.',
  goal: 'Goal',
  description: 'Description',
  indicator: 'Indicator',
  baseline: 'Baseline',
  baselineDate: 'Baseline date',
  target: 'Target',
  targetDate: 'Target date',
  responsible: 'Responsible person(s)',
  responsibleGroup: 'Responsible group',
  indicatorValue: 'Indicator value',
  indicatorValuePeriod: 'Value as of',
  progress: (p) => `progress toward target ${p}`,
  status: 'Status',
  statusValue: 'Status (value)',
  unitStatus: (u) => `${u}: status`,
  unitNarrative: (u) => `${u}: realisation`,
  notReported: 'Not reported',
  reportedFor: (p) => `reported for ${p}`,
  writtenIn: (l) => ({ fi: 'in Finnish', sv: 'in Swedish', en: 'in English' })[l],
  overallAssessment: 'Overall assessment',
  noTheme: 'No theme',
  summarySheet: 'Summary',
  page: 'Page',
  truncated: '… [cut to Excel’s maximum cell length; the full text is in the Word report]',
};

const CATALOG: Record<Locale, ReportStrings> = { fi, sv, en };

export function stringsFor(lang: Locale): ReportStrings {
  return CATALOG[lang];
}

/** BCP-47 tags for document language metadata (Word's w:lang, xml:lang). */
export const LANGUAGE_TAGS: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
