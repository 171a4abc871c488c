import { describe, expect, it } from 'vitest';
import type { ImportColumn, ImportProblem } from '../../../src/domain/import';
import { mappingToSend, problemValues, shownField, sortedProblems } from '../../../src/tab/features/admin/import/import-model';

const col = (header: string, field: ImportColumn['field'], how: ImportColumn['how']): ImportColumn => ({ column: 1, letter: 'A', header, ...(field ? { field } : {}), how, time: {} });

describe('the import page mapping form', () => {
  it('sends only the columns the admin changed, and keeps what the server recognised otherwise', () => {
    const cols = [col('Tavoite', 'title', 'recognised'), col('Huomiot', undefined, 'unmapped'), col('Tila', 'status', 'recognised')];
    expect(mappingToSend(cols, { Tavoite: 'title', Huomiot: 'description', Tila: 'ignore' })).toEqual({ Huomiot: 'description', Tila: 'ignore' });
    expect(shownField(cols[1]!, {})).toBe('');
    expect(shownField(cols[0]!, {})).toBe('title');
  });

  it('keeps a mapping the server already applied when the preview is refreshed', () => {
    expect(mappingToSend([col('Huomiot', 'description', 'mapped')], { Huomiot: 'description' })).toEqual({ Huomiot: 'description' });
  });

  it('lists errors before warnings, each in row order, with the row and column for the sentence', () => {
    const p = (severity: ImportProblem['severity'], row: number): ImportProblem => ({ severity, code: 'status-no-fit', row, column: 'G', header: 'Tila', message: '', values: { value: 'x' } });
    expect(sortedProblems([p('warning', 1), p('error', 9), p('error', 3)]).map((x) => `${x.severity}${x.row}`)).toEqual(['error3', 'error9', 'warning1']);
    expect(problemValues(p('error', 3))).toEqual({ value: 'x', row: 3, column: 'G', header: 'Tila' });
  });
});
