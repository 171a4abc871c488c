/**
 * The board report as pure data: what a Word, Excel or CSV writer prints, decided once here. A
 * report shows a plan as of a snapshot period ("toteuma 8/2021"): each unit's latest check-in at or
 * before that period (`summaryAsOf`, the same replay the dashboard uses for a past period), the
 * goal's overall status by `overallStatus`, and every text in the report's language, each marked
 * with the language it is actually in so a document can say where it fell back to Finnish.
 */
import {
  OVERALL,
  compareCodes,
  goalIndicatorValue,
  goalTexts,
  indicatorValuesAsOf,
  inLanguage,
  levelOf,
  levelsWorstFirst,
  orderThemes,
  overallStatus,
  parsePeriod,
  progressOf,
  reportingSlots,
  summaryAsOf,
  type CheckIn,
  type Goal,
  type Group,
  type Indicator,
  type Locale,
  type LocalizedText,
  type Measure,
  type Period,
  type Plan,
  type Progress,
  type StatusColor,
  type StatusScale,
  type Theme,
  type Unit,
} from './index';

/** A text with the language it is written in (which differs from the report's on a fallback). */
export interface ReportText {
  text: string;
  lang: Locale;
}

export interface ReportLevel {
  value: number;
  label: string;
  color: StatusColor;
}

export interface ReportStatus {
  value: number;
  /** The scale's label in the report's language, or the bare number for a value not on the scale. */
  label: string;
  color: StatusColor | undefined;
}

export interface ReportMeasure {
  text: ReportText | undefined;
  value: number | undefined;
  date: string | undefined;
}

export interface ReportCell {
  /** Unit key, or OVERALL for a goal that reports as a whole or an overall assessment. */
  unit: string;
  /** The unit's short code as reports prefix narratives ("VAKA"); empty for OVERALL. */
  code: string;
  name: ReportText | undefined;
  status: ReportStatus | undefined;
  /** The period the status was reported for: earlier than the snapshot when the unit missed it. */
  reportedFor: Period | undefined;
  stale: boolean;
  narrative: ReportText | undefined;
  indicatorValue: number | undefined;
  author: string | undefined;
  submittedAt: string | undefined;
}

export interface ReportIndicator {
  text: ReportText;
  kind: Indicator['kind'];
  unit: string | undefined;
  direction: Indicator['direction'];
  /** The latest indicator value at or before the snapshot, when the goal has one value to show. */
  value: number | undefined;
  valuePeriod: Period | undefined;
  progress: Progress | undefined;
}

export interface ReportGoal {
  key: string;
  code: string;
  title: ReportText;
  description: ReportText | undefined;
  indicator: ReportIndicator;
  baseline: ReportMeasure;
  target: ReportMeasure;
  responsiblePersons: string[];
  responsibleGroups: ReportText[];
  /** One cell per reporting unit in the plan's unit order, then an overall assessment if there is one. */
  cells: ReportCell[];
  overall: (ReportStatus & { period: Period; computed: boolean }) | undefined;
}

export interface ReportSection {
  /** Undefined for goals whose theme is missing (a hand-edited list): they still print, last. */
  theme: { key: string; code: string; title: ReportText; depth: number } | undefined;
  goals: ReportGoal[];
}

export interface StatusCountRow {
  /** Undefined for goals with nothing reported by the snapshot. */
  status: ReportStatus | undefined;
  count: number;
}

export interface BoardReport {
  lang: Locale;
  plan: { key: string; title: ReportText; periodStart: string; periodEnd: string };
  period: Period;
  generatedAt: string;
  scale: { name: ReportText; levels: ReportLevel[] };
  /** Unit columns in the plan's order (after a unit filter, just that one). */
  units: { key: string; name: ReportText }[];
  /** Themes in reading order; a theme with no goals under it (after filters) is left out, a parent of one with goals is kept. */
  sections: ReportSection[];
  /** Goals per overall status, worst first, then values off the scale, then not reported. */
  counts: StatusCountRow[];
  goalCount: number;
}

export interface ReportFilter {
  /** A theme and everything under it. */
  theme?: string;
  group?: string;
  unit?: string;
  /** An overall status value, or 'none' for goals with nothing reported. */
  status?: string;
}

export interface ReportInput {
  plan: Plan;
  themes: readonly Theme[];
  goals: readonly Goal[];
  groups: readonly Group[];
  units: readonly Unit[];
  /** The plan's check-ins; those after the snapshot period are ignored. */
  checkIns: readonly CheckIn[];
  period: Period;
  lang: Locale;
  /** When the report was made (ISO instant), passed in: the domain reads no clock. */
  generatedAt: string;
  filter?: ReportFilter;
}

/** A localized text in `lang`, falling back to Finnish; a plain string is Finnish (texts written before goals were bilingual). */
export function localize(text: LocalizedText | string, lang: Locale): ReportText {
  return typeof text === 'string' ? { text, lang: 'fi' } : inLanguage(text, lang);
}

function optionalText(text: LocalizedText | string | undefined, lang: Locale): ReportText | undefined {
  if (text === undefined || text === '') return undefined;
  return localize(text, lang);
}

export function reportStatus(scale: StatusScale, value: number, lang: Locale): ReportStatus {
  const level = levelOf(scale, value);
  return level ? { value, label: localize(level.label, lang).text, color: level.color } : { value, label: String(value), color: undefined };
}

/** "8/2021", the way Finnish board reports name a snapshot ("Toteuma 8/2021"). */
export function periodLabel(p: Period): string {
  const { year, month } = parsePeriod(p);
  return `${month}/${year}`;
}

/** A theme and every theme below it, so choosing "1" also reports the goals under "1.2". */
export function themeAndDescendants(themes: readonly Pick<Theme, 'key' | 'parentKey'>[], key: string): Set<string> {
  const out = new Set([key]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of themes) {
      if (t.parentKey && out.has(t.parentKey) && !out.has(t.key)) {
        out.add(t.key);
        grew = true;
      }
    }
  }
  return out;
}

function depthOf(theme: Theme, byKey: ReadonlyMap<string, Theme>): number {
  let depth = 0;
  const seen = new Set([theme.key]);
  for (let p = theme.parentKey; p && byKey.has(p) && !seen.has(p); p = byKey.get(p)?.parentKey) {
    seen.add(p);
    depth++;
  }
  return depth;
}

function measure(m: Measure, text: LocalizedText | undefined, lang: Locale): ReportMeasure {
  return { text: optionalText(text, lang), value: m.value, date: m.date };
}

export function buildReport(input: ReportInput): BoardReport {
  const { plan, lang, period, filter = {} } = input;
  const scale = plan.statusScale;
  const unitByKey = new Map(input.units.map((u) => [u.key, u]));
  const groupByKey = new Map(input.groups.map((g) => [g.key, g]));
  const themes = orderThemes(input.themes.filter((t) => t.planKey === plan.key));
  const themeByKey = new Map(themes.map((t) => [t.key, t]));
  const themeIndex = new Map(themes.map((t, i) => [t.key, i]));
  const themeSet = filter.theme ? themeAndDescendants(themes, filter.theme) : undefined;

  const checkInsByGoal = new Map<string, CheckIn[]>();
  for (const c of input.checkIns) {
    if (c.period > period) continue;
    const list = checkInsByGoal.get(c.goalKey);
    if (list) list.push(c);
    else checkInsByGoal.set(c.goalKey, [c]);
  }

  const unitName = (key: string) => {
    const u = unitByKey.get(key);
    return u ? localize(u.name, lang) : { text: key, lang };
  };
  const unitColumns = (() => {
    const used = new Set<string>(plan.units);
    for (const g of input.goals) for (const u of g.units) used.add(u);
    const order = new Map(plan.units.map((k, i) => [k, i]));
    const all = [...used].sort(
      (a, b) => (order.get(a) ?? 1e6 + (unitByKey.get(a)?.order ?? 0)) - (order.get(b) ?? 1e6 + (unitByKey.get(b)?.order ?? 0)) || a.localeCompare(b),
    );
    return filter.unit ? all.filter((k) => k === filter.unit) : all;
  })();
  const unitRank = new Map(unitColumns.map((k, i) => [k, i]));

  const goals = input.goals
    .filter((g) => g.planKey === plan.key)
    .filter((g) => !themeSet || themeSet.has(g.themeKey))
    .filter((g) => !filter.group || g.responsibleGroupKeys.includes(filter.group))
    .filter((g) => !filter.unit || g.units.includes(filter.unit))
    .sort((a, b) => (themeIndex.get(a.themeKey) ?? 1e9) - (themeIndex.get(b.themeKey) ?? 1e9) || compareCodes(a.code, b.code));

  const reportGoals: { themeKey: string; goal: ReportGoal }[] = [];
  for (const g of goals) {
    const history = checkInsByGoal.get(g.key) ?? [];
    const summary = summaryAsOf(history, period);
    const byKey = new Map(history.map((c) => [c.key, c]));
    // The indicator rules of decision 0009: values per slot, one goal-wide value only when honest.
    const values = indicatorValuesAsOf(history, period);
    const slots = reportingSlots(g).filter((s) => !filter.unit || s === filter.unit);
    // An overall assessment on a goal with units prints as its own line after the units.
    if (g.units.length > 0 && summary[OVERALL] && !filter.unit) slots.push(OVERALL);
    slots.sort((a, b) => (unitRank.get(a) ?? 1e9) - (unitRank.get(b) ?? 1e9));
    const cells: ReportCell[] = slots.map((slot) => {
      const entry = summary[slot];
      const c = entry ? byKey.get(entry.checkInKey) : undefined;
      return {
        unit: slot,
        code: slot === OVERALL ? '' : slot,
        name: slot === OVERALL ? undefined : unitName(slot),
        status: entry ? reportStatus(scale, entry.status, lang) : undefined,
        reportedFor: entry?.period,
        stale: !!entry && entry.period < period,
        // Narratives stay in the language they were written in; one from before that was recorded is in the plan's.
        narrative: c && c.narrative.trim() ? { text: c.narrative, lang: c.language ?? plan.language } : undefined,
        indicatorValue: values.get(slot)?.indicatorValue,
        author: entry?.author.name,
        submittedAt: entry?.at,
      };
    });
    const overall = overallStatus(summary, filter.unit ? [filter.unit] : g.units);
    const value = goalIndicatorValue(history, period);
    const texts = goalTexts(g);
    const goal: ReportGoal = {
      key: g.key,
      code: g.code,
      title: localize(texts.title, lang),
      description: optionalText(texts.description, lang),
      indicator: {
        text: localize(texts.indicatorText, lang),
        kind: g.indicator.kind,
        unit: texts.indicatorUnit ? localize(texts.indicatorUnit, lang).text : undefined,
        direction: g.indicator.direction,
        value: value?.indicatorValue,
        valuePeriod: value?.period,
        progress: progressOf(g.indicator, g.baseline, g.target, value?.indicatorValue),
      },
      baseline: measure(g.baseline, texts.baselineText, lang),
      target: measure(g.target, texts.targetText, lang),
      responsiblePersons: g.responsiblePersons.map((p) => p.name),
      responsibleGroups: g.responsibleGroupKeys.map((k) => {
        const group = groupByKey.get(k);
        return group ? localize(group.name, lang) : { text: k, lang };
      }),
      cells,
      overall: overall ? { ...reportStatus(scale, overall.status, lang), period: overall.period, computed: overall.computed } : undefined,
    };
    if (filter.status !== undefined) {
      const s = goal.overall?.value;
      if (filter.status === 'none' ? s !== undefined : s !== Number(filter.status)) continue;
    }
    reportGoals.push({ themeKey: g.themeKey, goal });
  }

  // A theme prints when it or a theme below it has goals: a strategic theme whose goals all sit in
  // its focus areas still heads them.
  const withGoals = new Set(reportGoals.map((r) => r.themeKey));
  const shown = new Set<string>();
  for (const key of withGoals) {
    const seen = new Set<string>();
    for (let t = themeByKey.get(key); t && !seen.has(t.key); t = t.parentKey ? themeByKey.get(t.parentKey) : undefined) {
      seen.add(t.key);
      shown.add(t.key);
    }
  }
  const sections: ReportSection[] = [];
  for (const t of themes) {
    if (!shown.has(t.key)) continue;
    const list = reportGoals.filter((r) => r.themeKey === t.key).map((r) => r.goal);
    sections.push({ theme: { key: t.key, code: t.code, title: localize(t.title, lang), depth: depthOf(t, themeByKey) }, goals: list });
  }
  const orphans = reportGoals.filter((r) => !themeByKey.has(r.themeKey)).map((r) => r.goal);
  if (orphans.length) sections.push({ theme: undefined, goals: orphans });

  const allGoals = sections.flatMap((s) => s.goals);
  return {
    lang,
    plan: { key: plan.key, title: localize(plan.title, lang), periodStart: plan.periodStart, periodEnd: plan.periodEnd },
    period,
    generatedAt: input.generatedAt,
    scale: { name: localize(scale.name, lang), levels: levelsWorstFirst(scale).map((l) => ({ value: l.value, label: localize(l.label, lang).text, color: l.color })) },
    units: unitColumns.map((key) => ({ key, name: unitName(key) })),
    sections,
    counts: countByStatus(
      scale,
      allGoals.map((g) => g.overall?.value),
      lang,
    ),
    goalCount: allGoals.length,
  };
}

/** Goals per status, worst first; values not on the scale (a scale edited after reporting) after it; not reported last. */
export function countByStatus(scale: StatusScale, statuses: readonly (number | undefined)[], lang: Locale): StatusCountRow[] {
  const counts = new Map<number | undefined, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  const levels = levelsWorstFirst(scale);
  const out: StatusCountRow[] = levels.map((l) => ({ status: reportStatus(scale, l.value, lang), count: counts.get(l.value) ?? 0 }));
  const off = [...counts.keys()].filter((s): s is number => s !== undefined && !levels.some((l) => l.value === s)).sort((a, b) => a - b);
  for (const s of off) out.push({ status: reportStatus(scale, s, lang), count: counts.get(s) ?? 0 });
  out.push({ status: undefined, count: counts.get(undefined) ?? 0 });
  return out;
}
