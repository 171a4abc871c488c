/**
 * The import page's state between server round trips: which columns the admin has mapped, and
 * how a preview's problems and rows read in the user's language. Pure, so it is tested without a
 * browser.
 */
import { IMPORT_FIELDS, type ColumnTarget } from '../../../../domain/import/headers';
import type { ImportColumn, ImportProblem, ImportRow } from '../../../../domain/import/map-table';

export const FIELD_CHOICES: readonly ColumnTarget[] = [...IMPORT_FIELDS, 'ignore'];

/** The mapping to send: only what the admin chose differently from what the server recognised. */
export function mappingToSend(columns: readonly ImportColumn[], chosen: Readonly<Record<string, ColumnTarget | ''>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of columns) {
    const pick = chosen[c.header];
    if (pick && (c.how !== 'recognised' || pick !== c.field)) out[c.header] = pick;
  }
  return out;
}

/** The field a column shows in the mapping form: the admin's choice, else what the server read it as. */
export function shownField(column: ImportColumn, chosen: Readonly<Record<string, ColumnTarget | ''>>): ColumnTarget | '' {
  return chosen[column.header] ?? column.field ?? '';
}

/** Interpolation values for a problem's sentence: its own values plus where it is. */
export function problemValues(p: ImportProblem): Record<string, string | number> {
  return { ...(p.values ?? {}), ...(p.row !== undefined ? { row: p.row } : {}), ...(p.column ? { column: p.column } : {}), ...(p.header ? { header: p.header } : {}) };
}

/** Errors first, then warnings, each in sheet order. */
export function sortedProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  return [...problems].sort((a, b) => (a.severity === b.severity ? (a.row ?? 0) - (b.row ?? 0) : a.severity === 'error' ? -1 : 1));
}

/** The rows worth showing in the preview table: themes, goals and what could not be read. */
export function previewRows(rows: readonly ImportRow[]): ImportRow[] {
  return rows.filter((r) => r.kind === 'theme' || r.kind === 'goal' || r.kind === 'unknown');
}
