import {
  goalSchema,
  keySchema,
  NARRATIVE_MAX,
  reportingPeriods,
  type Goal,
  type Group,
  type Indicator,
  type Locale,
  type LocalizedText,
  type Measure,
  type Person,
  type Plan,
  type StatusScale,
  type Theme,
  type Unit,
} from '..';
import { isColumnTarget, recogniseHeader, type ColumnTarget, type HeaderTime, type ImportField } from './headers';
import { chooseScale, matchStatus, type StatusCellValue } from './status';
import { groupCore, parentCode, splitGroups, splitNumbering, splitPersonsCell } from './structure';
import { cellText, columnLetter, pickSheet, type Table, type TableCell } from './table';
import { normalize, parseQuantity, slug, stableHash } from './text';

/**
 * From a decoded table to what an import would create: the plan, its themes and goals, the
 * groups and units it needs, and a check-in per realization. Pure: the command reads what exists,
 * calls this, shows the result (preview) or writes it (apply). Keys are derived from the plan key
 * and the content (codes, or titles when there are none), so the same file maps to the same keys
 * every time and a second import finds everything in place.
 */

export interface ImportExisting {
  /** The plan named by --plan, when it exists. */
  plan?: Plan;
  groups: readonly Group[];
  units: readonly Unit[];
  /** People the site knows (group members and owners, people who installed the app, goals' responsible persons). */
  people: readonly Person[];
}

export interface ImportOptions {
  planKey: string;
  /** 1-based number or name; the first sheet with content by default. */
  sheet?: string | number;
  /** Header text → field (or `ignore`), for headers not recognised or recognised wrongly. Header text compares normalized. */
  mapping?: Record<string, string>;
  /** Reporting period of the realization column when its header names none (YYYY-MM). */
  period?: string;
  /** Title of a new plan; by default the title rows above the header, or the sheet's name. */
  title?: string;
  /** Period of a new plan; by default the years the headers name. */
  periodStart?: string;
  periodEnd?: string;
}

export type ProblemCode =
  | 'no-sheet'
  | 'empty-sheet'
  | 'no-header-row'
  | 'missing-column'
  | 'unmapped-header'
  | 'unknown-mapping'
  | 'duplicate-column'
  | 'formula-without-value'
  | 'formula-value-used'
  | 'status-no-fit'
  | 'scale-proposed'
  | 'duplicate-goal-code'
  | 'duplicate-goal'
  | 'invalid-key'
  | 'invalid-goal'
  | 'narrative-too-long'
  | 'realization-without-status'
  | 'no-period'
  | 'period-outside-plan'
  | 'no-plan-period'
  | 'no-indicator'
  | 'ambiguous-person'
  | 'row-not-understood'
  | 'plan-archived';

export interface ImportProblem {
  severity: 'error' | 'warning';
  code: ProblemCode;
  /** 1-based sheet row, when the problem is in one row. */
  row?: number;
  /** Column letter ("C") and its header, when the problem is in one column. */
  column?: string;
  header?: string;
  /** Values for the message in the user's language (the tab's catalogs use the code and these). */
  values?: Record<string, string | number>;
  /** The problem in English, for the command line and logs. */
  message: string;
}

export interface ImportColumn {
  column: number;
  letter: string;
  header: string;
  /** The field this column is read as; undefined = not understood and not mapped. */
  field?: ColumnTarget;
  /** How it got its field: recognised from the header, mapped by the admin, or neither. */
  how: 'recognised' | 'mapped' | 'unmapped';
  time: HeaderTime;
}

export interface ImportRow {
  row: number;
  kind: 'title' | 'header' | 'theme' | 'goal' | 'continuation' | 'blank' | 'unknown';
  text: string;
  themeKey?: string;
  goalKey?: string;
  code?: string;
  /** The status the row's assessment maps to, on the chosen scale. */
  status?: number;
  /** Key of the check-in this row's realization becomes. */
  checkInKey?: string;
}

/** A check-in the import writes; the command adds author and time. */
export interface ImportCheckIn {
  key: string;
  submissionId: string;
  goalKey: string;
  planKey: string;
  period: string;
  status: number;
  narrative: string;
  row: number;
  /** The service area reported on (a re-imported report's per-area status); none = the goal as a whole. */
  unit?: string;
  language?: Locale;
  indicatorValue?: number;
}

export interface ImportDraft {
  /** `reimport`: the report's own data sheet (reimport.ts), whose goals are taken whole; else a table read by its headers. */
  source?: 'table' | 'reimport';
  sheet: string;
  sheets: string[];
  headerRow?: number;
  columns: ImportColumn[];
  /** The language the headers are written in (most recognised synonyms). */
  locale: Locale;
  plan: Plan;
  planIsNew: boolean;
  scale: { source: 'plan' | 'built-in' | 'proposed'; scale: StatusScale };
  period?: string;
  themes: Theme[];
  goals: Goal[];
  /** Groups the file names that do not exist yet; created first. */
  newGroups: Group[];
  newUnits: Unit[];
  checkIns: ImportCheckIn[];
  rows: ImportRow[];
  problems: ImportProblem[];
}

const clampKey = (s: string, max: number) => s.slice(0, max).replace(/[-._]+$/, '');

function localized(text: string, locale: Locale): LocalizedText {
  return locale === 'fi' ? { fi: text } : { fi: text, [locale]: text };
}

interface Context {
  problems: ImportProblem[];
  columns: ImportColumn[];
}

function problem(ctx: Context, p: Omit<ImportProblem, 'header'> & { col?: number }): void {
  const { col, ...rest } = p;
  const c = col !== undefined ? ctx.columns.find((x) => x.column === col) : undefined;
  ctx.problems.push({ ...rest, ...(c ? { column: c.letter, header: c.header } : {}) });
}

/** Maps the admin's overrides by normalized header text. */
function normalizedMapping(mapping: Record<string, string> | undefined): Map<string, string> {
  return new Map(Object.entries(mapping ?? {}).map(([h, f]) => [normalize(h), f.trim()]));
}

function readColumns(header: readonly TableCell[], mapping: Map<string, string>): ImportColumn[] {
  const cols: ImportColumn[] = [];
  header.forEach((cell, i) => {
    const text = cell.text.replace(/\s+/g, ' ').trim();
    if (!text) return;
    const rec = recogniseHeader(text);
    const given = mapping.get(normalize(text));
    const base = { column: i + 1, letter: columnLetter(i + 1), header: text, time: rec.time };
    if (given !== undefined && isColumnTarget(given)) cols.push({ ...base, field: given, how: 'mapped' });
    else if (rec.field) cols.push({ ...base, field: rec.field, how: 'recognised' });
    else cols.push({ ...base, how: 'unmapped' });
  });
  return cols;
}

function findHeaderRow(rows: readonly (readonly TableCell[])[], mapping: Map<string, string>): number | undefined {
  const limit = Math.min(rows.length, 30);
  for (let r = 0; r < limit; r++) {
    const all = readColumns(rows[r] ?? [], mapping);
    const fields = new Set(all.filter((c) => c.field && c.field !== 'ignore').map((c) => c.field));
    // A title row such as "Toimialan tavoitteet" names one known word; a header row names two, or the goal column among others.
    if (fields.size >= 2 || (fields.has('title') && all.length >= 2)) return r;
  }
  return undefined;
}

function headerLocale(cols: readonly ImportColumn[]): Locale {
  const votes: Record<Locale, number> = { fi: 0, sv: 0, en: 0 };
  for (const c of cols) {
    if (c.how !== 'recognised') continue;
    const loc = recogniseHeader(c.header).locale;
    if (loc) votes[loc] += 1;
  }
  return (Object.entries(votes) as [Locale, number][]).sort((a, b) => b[1] - a[1] || (a[0] === 'fi' ? -1 : 1))[0]?.[0] ?? 'fi';
}

interface GoalRowCells {
  row: number;
  get(field: ImportField): string;
  col(field: ImportField): number | undefined;
  cell(field: ImportField): TableCell | undefined;
}

const END_OF_YEAR = (year: number) => `${year}-12-31`;

function measure(text: string, date: string | undefined): Measure & { unit?: string } {
  if (!text) return date ? { date } : {};
  const q = parseQuantity(text);
  return { ...(q ? { value: q.value } : {}), text, ...(date ? { date } : {}), ...(q?.unit ? { unit: q.unit } : {}) };
}

/** Builds the draft. Never throws for anything in the file: every problem is listed with its row and column. */
export function mapTable(table: Table, existing: ImportExisting, options: ImportOptions): ImportDraft {
  const sheets = table.sheets.map((s) => s.name);
  const mappingEarly = normalizedMapping(options.mapping);
  // Without a choice, the first sheet that has a goal table (workbooks often open with an info sheet).
  const sheet =
    options.sheet === undefined || options.sheet === ''
      ? (table.sheets.find((s) => findHeaderRow(s.rows, mappingEarly) !== undefined) ?? pickSheet(table))
      : pickSheet(table, options.sheet);
  const ctx: Context = { problems: [], columns: [] };
  const planKey = options.planKey;
  const P = clampKey(planKey, 36);
  const emptyPlan = (): Plan =>
    existing.plan ?? {
      key: planKey,
      title: { fi: options.title ?? planKey },
      periodStart: options.periodStart ?? '',
      periodEnd: options.periodEnd ?? '',
      cadence: 'monthly',
      statusScale: chooseScale([], undefined).scale,
      units: [],
      reminders: { reminderDay: 20, dueDay: 5, escalationDays: 2, digestDays: 3, sendHour: 9, nonReportingMonths: [7] },
      language: 'fi',
    };
  const draft = (over: Partial<ImportDraft>): ImportDraft => ({
    sheet: sheet?.name ?? '',
    sheets,
    columns: ctx.columns,
    locale: 'fi',
    plan: emptyPlan(),
    planIsNew: !existing.plan,
    scale: { source: existing.plan ? 'plan' : 'built-in', scale: emptyPlan().statusScale },
    themes: [],
    goals: [],
    newGroups: [],
    newUnits: [],
    checkIns: [],
    rows: [],
    problems: ctx.problems,
    ...over,
  });

  if (!sheet) {
    problem(ctx, { severity: 'error', code: 'no-sheet', values: { sheet: String(options.sheet ?? ''), sheets: sheets.join(', ') }, message: `No sheet ${String(options.sheet)}; the file has: ${sheets.join(', ')}` });
    return draft({});
  }
  const rows = sheet.rows;
  if (!rows.some((r) => r.some((c) => c.text.trim() !== '' || c.formula))) {
    problem(ctx, { severity: 'error', code: 'empty-sheet', values: { sheet: sheet.name }, message: `Sheet "${sheet.name}" is empty` });
    return draft({});
  }

  if (existing.plan?.archivedAt) {
    problem(ctx, { severity: 'error', code: 'plan-archived', values: { plan: existing.plan.key }, message: `Plan ${existing.plan.key} is archived and read-only: restore it, or import into a new plan` });
  }
  const mapping = mappingEarly;
  for (const [h, f] of mapping) {
    if (!isColumnTarget(f)) problem(ctx, { severity: 'error', code: 'unknown-mapping', values: { header: h, field: f }, message: `--map ${h}=${f}: ${f} is not a field (use one of key, code, theme, title, description, indicator, baseline, target, measureUnit, persons, groups, units, realization, status, ignore)` });
  }
  const headerIdx = findHeaderRow(rows, mapping);
  if (headerIdx === undefined) {
    problem(ctx, { severity: 'error', code: 'no-header-row', values: { sheet: sheet.name }, message: `No header row found in sheet "${sheet.name}": no row names the goal column (Tavoite / Mål / Goal) or two other known columns` });
    return draft({});
  }
  ctx.columns = readColumns(rows[headerIdx] ?? [], mapping);
  const columns = ctx.columns;
  const locale = headerLocale(columns);
  const out: ImportRow[] = [];

  // Every column has a field or is named as a problem: nothing in the file is dropped silently.
  for (const c of columns) {
    if (c.how === 'unmapped') {
      problem(ctx, { severity: 'error', code: 'unmapped-header', col: c.column, values: { header: c.header }, message: `Column ${c.letter} "${c.header}" is not recognised: map it to a field or to ignore (--map "${c.header}=field")` });
    }
  }
  const byField = new Map<ImportField, ImportColumn>();
  for (const c of columns) {
    if (!c.field || c.field === 'ignore') continue;
    const prev = byField.get(c.field);
    if (prev) {
      problem(ctx, { severity: 'error', code: 'duplicate-column', col: c.column, values: { header: c.header, other: prev.header, field: c.field }, message: `Columns ${prev.letter} "${prev.header}" and ${c.letter} "${c.header}" are both read as ${c.field}: map one of them to another field or to ignore` });
      continue;
    }
    byField.set(c.field, c);
  }
  if (!byField.has('title')) {
    problem(ctx, { severity: 'error', code: 'missing-column', values: { field: 'title', headers: columns.map((c) => c.header).join(', ') }, message: `The goal column is missing (Tavoite / Mål / Goal); the header row ${headerIdx + 1} has: ${columns.map((c) => c.header).join(', ')}` });
  }
  if (!byField.has('indicator') && byField.has('title')) {
    problem(ctx, { severity: 'warning', code: 'no-indicator', values: {}, message: 'No indicator column (Mittari / Mätare / Indicator): each goal is measured by its own title until an admin edits it' });
  }

  // Title rows above the header name the plan ("Kasvatus ja oppiminen", "Toimialan tavoitteet").
  const titleLines: string[] = [];
  for (let r = 0; r < headerIdx; r++) {
    const texts = (rows[r] ?? []).map((c) => c.text.trim()).filter(Boolean);
    if (texts.length > 0) {
      titleLines.push(texts.join(' '));
      out.push({ row: r + 1, kind: 'title', text: texts.join(' ') });
    }
  }
  out.push({ row: headerIdx + 1, kind: 'header', text: columns.map((c) => c.header).join(' | ') });

  const timeOf = (f: ImportField) => byField.get(f)?.time ?? {};
  const fileYears = [timeOf('realization').year, timeOf('status').year, timeOf('target').year].filter((y): y is number => y !== undefined);
  const headerPeriod = timeOf('realization').period ?? timeOf('status').period;
  const period = options.period ?? headerPeriod;
  const tertial = !!(timeOf('realization').monthRange || timeOf('status').monthRange);

  // The plan: the existing one, or a new one from the file's title rows and years.
  let plan: Plan;
  const planIsNew = !existing.plan;
  if (existing.plan) {
    plan = { ...existing.plan, units: [...existing.plan.units] };
  } else {
    const start = options.periodStart ?? (fileYears.length ? `${Math.min(...fileYears)}-01-01` : undefined);
    const end = options.periodEnd ?? (fileYears.length ? END_OF_YEAR(Math.max(...fileYears)) : undefined);
    if (!start || !end) {
      problem(ctx, { severity: 'error', code: 'no-plan-period', values: {}, message: 'The headers name no year for the new plan: give its period (--start YYYY-MM-DD --end YYYY-MM-DD)' });
    }
    const title = options.title ?? (titleLines.length ? titleLines.join(' – ') : sheet.name);
    plan = { ...emptyPlan(), title: localized(title.slice(0, 200), locale), periodStart: start ?? '', periodEnd: end ?? '', cadence: tertial ? 'tertial' : 'monthly', language: locale };
  }

  // Pass 1: classify rows, collect status cells for choosing the scale.
  interface Pending {
    row: number;
    cells: GoalRowCells;
    themeKey: string;
    out: ImportRow;
    extra: Partial<Record<ImportField, string[]>>;
  }
  const pending: Pending[] = [];
  const themes: Theme[] = [];
  const themeByCode = new Map<string, Theme>();
  const themeByKey = new Map<string, Theme>();
  let currentTheme: Theme | undefined;
  const siblingsCount = new Map<string | undefined, number>();

  const addTheme = (text: string, row: number): Theme => {
    const { code: given, title } = splitNumbering(text);
    const parent = given ? (() => {
      for (let pc = parentCode(given); pc; pc = parentCode(pc)) {
        const t = themeByCode.get(pc);
        if (t) return t;
      }
      return undefined;
    })() : undefined;
    const key = given ? `${P}-t-${slug(given, 16) || stableHash(given, 6)}` : `${P}-t-${stableHash(normalize(title), 8)}`;
    const known = themeByKey.get(key);
    if (known) return known;
    const order = (siblingsCount.get(parent?.key) ?? 0) + 1;
    siblingsCount.set(parent?.key, order);
    const code = given ?? String(themes.filter((t) => !t.parentKey).length + 1);
    const theme: Theme = { key, planKey, ...(parent ? { parentKey: parent.key } : {}), code: code.slice(0, 16), order, title: localized((title || text).slice(0, 300), locale) };
    themes.push(theme);
    themeByKey.set(key, theme);
    themeByCode.set(code, theme);
    out.push({ row, kind: 'theme', text, themeKey: key, code });
    return theme;
  };
  const defaultTheme = (): Theme => addTheme(titleLines[titleLines.length - 1] ?? plan.title.fi, headerIdx + 1);

  const titleCol = byField.get('title')?.column;
  const themeCol = byField.get('theme')?.column;
  for (let r = headerIdx + 1; r < rows.length; r++) {
    const raw = rows[r] ?? [];
    const rowNo = r + 1;
    const filled = raw.map((c, i) => ({ c, i: i + 1 })).filter(({ c }) => c.text.trim() !== '' || c.formula !== undefined);
    if (filled.length === 0) continue;
    for (const { c, i } of filled) {
      if (c.formula === undefined) continue;
      if (c.text.trim() === '') problem(ctx, { severity: 'error', code: 'formula-without-value', row: rowNo, col: i, values: { cell: `${columnLetter(i)}${rowNo}`, formula: c.formula }, message: `Cell ${columnLetter(i)}${rowNo} holds a formula (=${c.formula}) with no saved value: open the file in Excel, save it, or paste the values` });
      else problem(ctx, { severity: 'warning', code: 'formula-value-used', row: rowNo, col: i, values: { cell: `${columnLetter(i)}${rowNo}`, formula: c.formula, value: c.text }, message: `Cell ${columnLetter(i)}${rowNo} holds a formula (=${c.formula}); its saved value "${c.text}" is imported` });
    }
    const texts = new Set(filled.map(({ c }) => c.text.trim()));
    const titleText = titleCol ? cellText(raw, titleCol) : '';
    const onlyOne = texts.size === 1;
    const firstCol = filled[0]?.i;
    const headingLike = onlyOne && (firstCol === 1 || firstCol === titleCol || firstCol === themeCol || splitNumbering([...texts][0] ?? '').code !== undefined || filled.every(({ c }) => c.bold));
    if (headingLike) {
      currentTheme = addTheme([...texts][0] ?? '', rowNo);
      continue;
    }
    const get = (f: ImportField) => {
      const col = byField.get(f)?.column;
      return col ? cellText(raw, col) : '';
    };
    const cells: GoalRowCells = { row: rowNo, get, col: (f) => byField.get(f)?.column, cell: (f) => raw[(byField.get(f)?.column ?? 0) - 1] };
    if (themeCol) {
      const t = get('theme');
      if (t) currentTheme = addTheme(t, rowNo);
    }
    if (!titleText) {
      // A goal's cells that spill onto the next row (a table pasted from Word): append to the goal above.
      const prev = pending[pending.length - 1];
      if (prev && (!themeCol || !get('theme'))) {
        for (const f of byField.keys()) {
          const v = get(f);
          if (v && f !== 'theme') (prev.extra[f] ??= []).push(v);
        }
        out.push({ row: rowNo, kind: 'continuation', text: [...texts].join(' | ').slice(0, 200), ...(prev.out.goalKey ? { goalKey: prev.out.goalKey } : {}) });
      } else if (!themeCol || !get('theme')) {
        problem(ctx, { severity: 'warning', code: 'row-not-understood', row: rowNo, values: { text: [...texts].join(' | ').slice(0, 120) }, message: `Row ${rowNo} has no goal and is not a heading; it is left out: ${[...texts].join(' | ').slice(0, 120)}` });
        out.push({ row: rowNo, kind: 'unknown', text: [...texts].join(' | ').slice(0, 200) });
      }
      continue;
    }
    const theme = currentTheme ?? (currentTheme = defaultTheme());
    const o: ImportRow = { row: rowNo, kind: 'goal', text: titleText, themeKey: theme.key };
    out.push(o);
    pending.push({ row: rowNo, cells, themeKey: theme.key, out: o, extra: {} });
  }

  const full = (p: Pending, f: ImportField) => [p.cells.get(f), ...(p.extra[f] ?? [])].filter(Boolean).join('\n\n');

  // The scale: from all status cells at once, so one odd value shows as a problem, not a new scale.
  const statusCells: StatusCellValue[] = pending
    .map((p) => {
      const c = p.cells.cell('status');
      const text = full(p, 'status').replace(/\s+/g, ' ').trim();
      return { row: p.row, text, ...(c?.number !== undefined ? { number: c.number } : {}) };
    })
    .filter((v) => v.text !== '' || v.number !== undefined);
  const choice = chooseScale(statusCells, existing.plan?.statusScale);
  if (planIsNew) plan.statusScale = choice.scale;
  if (choice.source === 'proposed') {
    const labels = choice.scale.levels.map((l) => `${l.value} = ${l.label.fi}`).join(', ');
    problem(ctx, { severity: 'warning', code: 'scale-proposed', col: byField.get('status')?.column, values: { levels: labels }, message: `The statuses fit none of the shipped scales; the new plan gets a scale built from them (worst first as found: ${labels}); check the order before confirming` });
  }
  const scaleLabels = choice.scale.levels.map((l) => l.label[locale] ?? l.label.fi).join(' / ');
  for (const u of choice.unmatched) {
    problem(ctx, { severity: 'error', code: 'status-no-fit', row: u.row, col: byField.get('status')?.column, values: { value: u.text, scale: scaleLabels }, message: `Row ${u.row}: status "${u.text}" fits no level of the scale ${choice.scale.name.fi} (${scaleLabels})` });
  }

  // Pass 2: goals, people, groups, units, check-ins.
  const groupsKnown = [...existing.groups];
  const newGroups: Group[] = [];
  const findGroup = (name: string): Group | undefined => {
    const n = normalize(name);
    const core = groupCore(name);
    const all = [...groupsKnown, ...newGroups];
    return (
      all.find((g) => normalize(g.key) === n || [g.name.fi, g.name.sv, g.name.en].some((x) => x && normalize(x) === n)) ??
      (core ? all.find((g) => [g.name.fi, g.name.sv, g.name.en].some((x) => x && groupCore(x) === core)) : undefined)
    );
  };
  const unitsKnown = [...existing.units];
  const newUnits: Unit[] = [];
  const findUnit = (name: string): Unit | undefined => {
    const n = normalize(name);
    return [...unitsKnown, ...newUnits].find((u) => normalize(u.key) === n || [u.name.fi, u.name.sv, u.name.en].some((x) => x && normalize(x) === n));
  };
  const peopleByName = new Map<string, Person[]>();
  for (const p of existing.people) {
    const k = normalize(p.name);
    const list = peopleByName.get(k) ?? [];
    if (!list.some((x) => x.id === p.id)) list.push(p);
    peopleByName.set(k, list);
  }
  const person = (name: string, row: number): Person => {
    const matches = peopleByName.get(normalize(name)) ?? [];
    if (matches.length === 1 && matches[0]) return matches[0];
    if (matches.length > 1) {
      problem(ctx, { severity: 'warning', code: 'ambiguous-person', row, col: byField.get('persons')?.column, values: { name, count: matches.length }, message: `Row ${row}: ${matches.length} people are called ${name}; kept as a name until an admin picks one` });
    }
    // Kept as a name: an id no sign-in ever has, so it grants nothing until an admin links the real person.
    const id = `name:${slug(name, 60) || stableHash(name)}`;
    return { id, upn: id, name };
  };

  const goals: Goal[] = [];
  const seenCodes = new Map<string, number>();
  const seenKeys = new Map<string, number>();
  const checkIns: ImportCheckIn[] = [];
  let realizationWithoutPeriod = 0;
  const reporting = plan.periodStart && plan.periodEnd ? reportingPeriods(plan) : [];
  if (period && plan.periodStart && !reporting.includes(period)) {
    problem(ctx, { severity: 'error', code: 'period-outside-plan', col: byField.get('realization')?.column, values: { period, plan: plan.key }, message: `The file's period ${period} is not a reporting period of plan ${plan.key} (${plan.periodStart}–${plan.periodEnd}, ${plan.cadence})` });
  }

  for (const p of pending) {
    const row = p.row;
    const { code: numbered, title: strippedTitle } = splitNumbering(p.cells.get('title'));
    const code = (p.cells.get('code') || numbered || '').slice(0, 16);
    const title = (p.cells.get('code') ? p.cells.get('title') : strippedTitle).replace(/\s+/g, ' ').trim();
    const given = p.cells.get('key');
    let key: string;
    if (given) {
      if (!keySchema.safeParse(given).success) {
        problem(ctx, { severity: 'error', code: 'invalid-key', row, col: p.cells.col('key'), values: { key: given }, message: `Row ${row}: key "${given}" may use only letters, digits, dot, dash and underscore (at most 64)` });
      }
      key = given;
    } else {
      const basis = code ? `${p.themeKey}|code|${normalize(code)}` : `${p.themeKey}|title|${normalize(title)}`;
      key = `${P}-${code ? `${slug(code, 10)}-` : ''}${stableHash(basis, 8)}`;
    }
    if (code) {
      const codeKey = `${p.themeKey}|${normalize(code)}`;
      const first = seenCodes.get(codeKey);
      if (first !== undefined) {
        problem(ctx, { severity: 'error', code: 'duplicate-goal-code', row, col: p.cells.col('code') ?? p.cells.col('title'), values: { code, first, theme: themeByKey.get(p.themeKey)?.code ?? '' }, message: `Row ${row}: goal code ${code} is used already on row ${first} in the same theme; codes must be unique within a theme` });
        continue;
      }
      seenCodes.set(codeKey, row);
    }
    const firstKey = seenKeys.get(key);
    if (firstKey !== undefined) {
      problem(ctx, { severity: 'error', code: 'duplicate-goal', row, values: { first: firstKey, key }, message: `Row ${row} repeats the goal on row ${firstKey} (same ${given ? 'key' : 'theme and title'})` });
      continue;
    }
    seenKeys.set(key, row);
    p.out.goalKey = key;
    if (code) p.out.code = code;

    const { persons: personNames, groups: groupsInPersons } = splitPersonsCell(full(p, 'persons'));
    const groupNames = [...groupsInPersons, ...splitGroups(full(p, 'groups'))];
    const groupKeys: string[] = [];
    for (const name of groupNames) {
      let g = findGroup(name);
      if (!g) {
        const base = slug(name, 48) || `ryhma-${stableHash(name, 6)}`;
        let k = base;
        for (let i = 2; [...groupsKnown, ...newGroups].some((x) => x.key === k); i++) k = `${base}-${i}`;
        g = { key: k, name: localized(name.slice(0, 200), locale), members: [], owners: [] };
        newGroups.push(g);
      }
      if (!groupKeys.includes(g.key)) groupKeys.push(g.key);
    }
    const unitKeys: string[] = [];
    for (const name of splitGroups(full(p, 'units'))) {
      let u = findUnit(name);
      if (!u) {
        const k = (slug(name, 24) || stableHash(name, 6)).toUpperCase();
        u = { key: k, name: localized(name.slice(0, 200), locale), order: unitsKnown.length + newUnits.length };
        newUnits.push(u);
      }
      if (!unitKeys.includes(u.key)) unitKeys.push(u.key);
      if (!plan.units.includes(u.key)) plan.units.push(u.key);
    }
    const persons: Person[] = [];
    for (const n of personNames) {
      const pp = person(n, row);
      if (!persons.some((x) => x.id === pp.id)) persons.push(pp);
    }

    const targetYear = timeOf('target').year;
    const baseline = measure(full(p, 'baseline'), timeOf('baseline').date ?? (timeOf('baseline').year ? END_OF_YEAR(timeOf('baseline').year as number) : undefined));
    const target = measure(full(p, 'target'), timeOf('target').date ?? (targetYear ? END_OF_YEAR(targetYear) : undefined));
    const indicatorText = full(p, 'indicator').replace(/\s+/g, ' ').trim();
    if (!indicatorText && byField.has('indicator')) {
      problem(ctx, { severity: 'warning', code: 'no-indicator', row, col: p.cells.col('indicator'), values: {}, message: `Row ${row}: no indicator; the goal is measured by its title until an admin edits it` });
    }
    const measureUnit = full(p, 'measureUnit') || target.unit || baseline.unit;
    const quantitative = target.value !== undefined && (baseline.value !== undefined || !baseline.text);
    const indicator: Indicator = quantitative
      ? { text: indicatorText || title, kind: 'quantitative', ...(measureUnit ? { unit: measureUnit.slice(0, 32) } : {}), direction: baseline.value !== undefined && (target.value ?? 0) < baseline.value ? 'decrease' : 'increase' }
      : { text: indicatorText || title, kind: 'qualitative' };
    const { unit: _bu, ...baselineMeasure } = baseline;
    const { unit: _tu, ...targetMeasure } = target;
    const description = full(p, 'description');
    const goal: Goal = {
      key,
      planKey,
      themeKey: p.themeKey,
      code,
      title,
      ...(description ? { description } : {}),
      indicator,
      baseline: baselineMeasure,
      target: targetMeasure,
      responsiblePersons: persons,
      responsibleGroupKeys: groupKeys,
      units: unitKeys,
      summary: {},
    };
    const parsed = goalSchema.safeParse(goal);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const field = String(i.path[0] ?? '');
        const col = field === 'title' ? p.cells.col('title') : field === 'indicator' ? p.cells.col('indicator') : undefined;
        problem(ctx, { severity: 'error', code: 'invalid-goal', row, col, values: { field: i.path.join('.'), reason: i.message }, message: `Row ${row}: ${i.path.join('.')}: ${i.message}` });
      }
    }
    goals.push(goal);

    // The realization and assessment become the check-in of the file's period.
    const narrative = full(p, 'realization').trim();
    const statusText = full(p, 'status').replace(/\s+/g, ' ').trim();
    const statusCell = p.cells.cell('status');
    const status = statusText || statusCell?.number !== undefined ? matchStatus(choice.scale, statusText, statusCell?.number) : undefined;
    if (status !== undefined) p.out.status = status;
    if (!statusText && statusCell?.number === undefined) {
      if (narrative) problem(ctx, { severity: 'warning', code: 'realization-without-status', row, col: p.cells.col('status') ?? p.cells.col('realization'), values: {}, message: `Row ${row}: a realization without a status is not imported as a check-in (a check-in needs a status)` });
      continue;
    }
    if (status === undefined) continue; // reported above as status-no-fit
    if (!period) {
      realizationWithoutPeriod += 1;
      continue;
    }
    const text = narrative || statusText;
    if (text.length > NARRATIVE_MAX) {
      problem(ctx, { severity: 'error', code: 'narrative-too-long', row, col: p.cells.col('realization'), values: { length: text.length, max: NARRATIVE_MAX }, message: `Row ${row}: the realization has ${text.length} characters; a check-in holds at most ${NARRATIVE_MAX}` });
      continue;
    }
    const h = stableHash(`${key}|${period}|${status}|${text}`, 16);
    const ci: ImportCheckIn = { key: `ci-imp-${h}`, submissionId: `import:${h}`, goalKey: key, planKey, period, status, narrative: text, row };
    checkIns.push(ci);
    p.out.checkInKey = ci.key;
  }
  if (realizationWithoutPeriod > 0) {
    problem(ctx, { severity: 'error', code: 'no-period', col: byField.get('realization')?.column ?? byField.get('status')?.column, values: { count: realizationWithoutPeriod }, message: `${realizationWithoutPeriod} rows have a status but the headers name no period for it (e.g. "Toteuma 8/2021"): give it (--period YYYY-MM)` });
  }

  out.sort((a, b) => a.row - b.row);
  return draft({
    headerRow: headerIdx + 1,
    locale,
    plan,
    planIsNew,
    scale: { source: choice.source, scale: choice.scale },
    ...(period ? { period } : {}),
    themes,
    goals,
    newGroups,
    newUnits,
    checkIns,
    rows: out,
  });
}

/** Whether the draft may be written: no problem of severity error. */
export function isApplicable(draft: Pick<ImportDraft, 'problems'>): boolean {
  return !draft.problems.some((p) => p.severity === 'error');
}
