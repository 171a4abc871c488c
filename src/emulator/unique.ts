import type { ColumnDef, ColumnType } from './columns.js';

/**
 * The comparable key of a stored value. SharePoint compares text case-insensitively (its collation is
 * case-insensitive, accent-sensitive), so "Abc" and "abc" are the same value for uniqueness and eq.
 */
export function valueKey(col: Pick<ColumnDef, 'type'>, value: unknown): string {
  if (typeof value === 'string' && (col.type === 'text' || col.type === 'choice')) return `s:${value.toLocaleLowerCase('en')}`;
  if (col.type === 'dateTime' && typeof value === 'string') return `d:${Date.parse(value)}`;
  return `${typeof value}:${String(value)}`;
}

const IGNORABLE = /[\p{M}\p{Cc}\p{Cf}]/gu;

/**
 * Index key of an indexed column's value (kept in `item_values.k`), so `eq`, ranges and `startswith`
 * can be answered from a SQLite index. Numbers, booleans (0/1) and dateTimes (epoch ms) are exact.
 * Text is folded coarser than the collator: compatibility-decomposed, marks/controls/format characters
 * dropped, case folded. Strings the collator calls equal (case, ß/ss, final sigma, NFC/NFD, full-width
 * forms) get the same key, so the index yields a superset of the matches; every candidate is then
 * re-checked with the collator, which keeps the results exactly those of a full scan.
 */
export function filterKey(type: ColumnType, value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'text':
    case 'choice':
      return foldText(String(value));
    case 'number':
      return Number(value);
    case 'boolean':
      return value === true ? 1 : 0;
    case 'dateTime':
      return Date.parse(String(value));
  }
}

export function foldText(s: string): string {
  return s.normalize('NFKD').replace(IGNORABLE, '').toLocaleUpperCase('en').toLocaleLowerCase('en');
}
