import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type GraphError, invalidRequest, notImplemented } from './errors.js';

export type ColumnType = 'text' | 'number' | 'dateTime' | 'boolean' | 'choice';

export interface ColumnDef {
  id: string;
  name: string;
  displayName: string;
  description: string;
  type: ColumnType;
  facet: Record<string, unknown>;
  indexed: boolean;
  enforceUniqueValues: boolean;
  required: boolean;
  hidden: boolean;
  readOnly: boolean;
  columnGroup: string;
}

/** SharePoint's Title field (its well-known field id); required on genericList as in SharePoint. */
export const titleColumn = (): ColumnDef => ({
  id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
  name: 'Title',
  displayName: 'Title',
  description: '',
  type: 'text',
  facet: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
  indexed: false,
  enforceUniqueValues: false,
  required: true,
  hidden: false,
  readOnly: false,
  columnGroup: 'Custom Columns',
});

/** Fields every item has but nobody may write; they can be read, filtered (id is indexed) and ordered. */
export const SYSTEM_FIELDS: Record<string, { type: ColumnType; indexed: boolean }> = {
  id: { type: 'number', indexed: true },
  ID: { type: 'number', indexed: true },
  Created: { type: 'dateTime', indexed: false },
  Modified: { type: 'dateTime', indexed: false },
};
export const READ_ONLY_FIELDS = new Set([
  'id', 'ID', 'Created', 'Modified', 'ContentType', 'AuthorLookupId', 'EditorLookupId', 'Author', 'Editor',
  '_UIVersionString', 'Attachments', 'Edit', 'LinkTitleNoMenu', 'LinkTitle', 'ItemChildCount', 'FolderChildCount',
]);

const SUPPORTED_FACETS: ColumnType[] = ['text', 'number', 'dateTime', 'boolean', 'choice'];
const OTHER_FACETS = [
  'calculated', 'contentApprovalStatus', 'currency', 'defaultValue', 'geolocation', 'hyperlinkOrPicture', 'lookup',
  'personOrGroup', 'term', 'thumbnail', 'validation', 'sourceContentType', 'isDeletable', 'isReorderable', 'isSealed',
  'propagateChanges', 'type', 'contentType', 'sourceColumn', 'columnGroup',
];

const columnBody = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'name must be a SharePoint internal name (letters, digits, _)'),
  displayName: z.string().optional(),
  description: z.string().optional(),
  indexed: z.boolean().optional(),
  enforceUniqueValues: z.boolean().optional(),
  required: z.boolean().optional(),
  hidden: z.boolean().optional(),
  readOnly: z.boolean().optional(),
  text: z.object({
    allowMultipleLines: z.boolean().optional(), appendChangesToExistingText: z.boolean().optional(),
    linesForEditing: z.number().int().optional(), maxLength: z.number().int().min(1).max(255).optional(),
    textType: z.string().optional(),
  }).strict().optional(),
  number: z.object({
    decimalPlaces: z.string().optional(), displayAs: z.string().optional(),
    maximum: z.number().optional(), minimum: z.number().optional(),
  }).strict().optional(),
  dateTime: z.object({ displayAs: z.string().optional(), format: z.enum(['dateOnly', 'dateTime']).optional() }).strict().optional(),
  boolean: z.object({}).strict().optional(),
  choice: z.object({
    allowTextEntry: z.boolean().optional(), choices: z.array(z.string()).min(1), displayAs: z.string().optional(),
  }).strict().optional(),
}).passthrough();

/** Parse a columnDefinition from a request body (list creation or POST …/columns). */
export function parseColumnDefinition(input: unknown): ColumnDef {
  if (typeof input === 'object' && input !== null) {
    for (const key of Object.keys(input)) {
      if (OTHER_FACETS.includes(key)) throw notImplemented(`the columnDefinition property '${key}'`);
    }
  }
  const parsed = columnBody.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidRequest(`Invalid columnDefinition: ${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid'}`);
  }
  const body = parsed.data;
  const facets = SUPPORTED_FACETS.filter((f) => body[f] !== undefined);
  if (facets.length !== 1) {
    throw invalidRequest(`Column '${body.name}' must have exactly one type facet (one of ${SUPPORTED_FACETS.join(', ')}).`);
  }
  const type = facets[0]!;
  const indexed = body.indexed ?? false;
  const enforceUniqueValues = body.enforceUniqueValues ?? false;
  if (enforceUniqueValues && !indexed) {
    throw invalidRequest(`Column '${body.name}': enforceUniqueValues requires the column to be indexed.`);
  }
  let facet: Record<string, unknown> = { ...(body[type] as Record<string, unknown>) };
  if (type === 'text') {
    const multi = facet.allowMultipleLines === true;
    if (multi && indexed) throw invalidRequest(`Column '${body.name}': a column with multiple lines of text cannot be indexed.`);
    facet = {
      allowMultipleLines: multi, appendChangesToExistingText: facet.appendChangesToExistingText ?? false,
      linesForEditing: facet.linesForEditing ?? (multi ? 6 : 0), maxLength: multi ? undefined : facet.maxLength ?? 255,
      ...(multi ? { textType: facet.textType ?? 'plain' } : {}),
    };
  }
  if (type === 'number') facet = { decimalPlaces: 'automatic', displayAs: 'number', maximum: Number.MAX_VALUE, minimum: -Number.MAX_VALUE, ...facet };
  if (type === 'dateTime') facet = { displayAs: 'default', format: 'dateTime', ...facet };
  if (type === 'choice') facet = { allowTextEntry: false, displayAs: 'dropDownMenu', ...facet };
  return {
    id: randomUUID(),
    name: body.name,
    displayName: body.displayName ?? body.name,
    description: body.description ?? '',
    type,
    facet,
    indexed,
    enforceUniqueValues,
    required: body.required ?? false,
    hidden: body.hidden ?? false,
    readOnly: body.readOnly ?? false,
    columnGroup: 'Custom Columns',
  };
}

/** The columnDefinition resource as Graph returns it. */
export function columnResource(col: ColumnDef): Record<string, unknown> {
  return {
    columnGroup: col.columnGroup,
    description: col.description,
    displayName: col.displayName,
    enforceUniqueValues: col.enforceUniqueValues,
    hidden: col.hidden,
    id: col.id,
    indexed: col.indexed,
    name: col.name,
    readOnly: col.readOnly,
    required: col.required,
    [col.type]: JSON.parse(JSON.stringify(col.facet)) as unknown,
  };
}

const fieldError = (name: string, detail: string): GraphError =>
  invalidRequest(`Field '${name}' ${detail}`);

/** Check one written value against its column; returns the stored form, or undefined to clear the value. */
export function normalizeValue(col: ColumnDef, value: unknown): unknown {
  if (value === null || (value === '' && col.type !== 'text')) return undefined;
  switch (col.type) {
    case 'text': {
      if (typeof value !== 'string') throw fieldError(col.name, `expects a text value, got ${typeof value}.`);
      const max = col.facet.maxLength;
      if (typeof max === 'number' && value.length > max) {
        throw fieldError(col.name, `is limited to ${max} characters (got ${value.length}).`);
      }
      return value === '' ? undefined : value;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw fieldError(col.name, `expects a number, got ${JSON.stringify(value)}.`);
      const { minimum, maximum } = col.facet as { minimum?: number; maximum?: number };
      if ((minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum)) {
        throw fieldError(col.name, `value ${value} is outside the allowed range.`);
      }
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw fieldError(col.name, `expects true or false, got ${JSON.stringify(value)}.`);
      return value;
    case 'dateTime': {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
        throw fieldError(col.name, `expects an ISO 8601 date and time, got ${JSON.stringify(value)}.`);
      }
      return new Date(Date.parse(value)).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    case 'choice': {
      if (typeof value !== 'string') throw fieldError(col.name, `expects a choice (text), got ${typeof value}.`);
      const { choices, allowTextEntry } = col.facet as { choices: string[]; allowTextEntry?: boolean };
      if (!allowTextEntry && !choices.includes(value)) {
        throw fieldError(col.name, `value '${value}' is not one of its choices (${choices.join(', ')}).`);
      }
      return value;
    }
  }
}
