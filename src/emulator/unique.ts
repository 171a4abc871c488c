import type { ColumnDef } from './columns.js';

/**
 * The comparable key of a stored value. SharePoint compares text case-insensitively (its collation is
 * case-insensitive, accent-sensitive), so "Abc" and "abc" are the same value for uniqueness and eq.
 */
export function valueKey(col: Pick<ColumnDef, 'type'>, value: unknown): string {
  if (typeof value === 'string' && (col.type === 'text' || col.type === 'choice')) return `s:${value.toLocaleLowerCase('en')}`;
  if (col.type === 'dateTime' && typeof value === 'string') return `d:${Date.parse(value)}`;
  return `${typeof value}:${String(value)}`;
}
