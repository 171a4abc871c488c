/**
 * The site's default document library as Graph's drive API serves it, the part the app files
 * board reports with: the drive, folders and files addressed by path (`root:/a/b.docx:`) or id,
 * simple upload (`PUT …:/content`, folders on the path created), children of a folder, an item's
 * metadata and its content. Stored in the same SQLite file as the lists. Anything else under
 * `/drive` answers 501. Sources: see README.md ("Drive").
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { titleColumn } from './columns.js';
import { json, identityOf, type EmuRequest, type EmuResponse, type Env } from './context.js';
import type { IdentitySet, ListRow } from './db.js';
import { GraphError, graphTime, invalidRequest, itemNotFound, notImplemented } from './errors.js';
import { applyFields } from './items.js';
import { addColumn, getColumns, select } from './lists.js';
import { readQuery } from './odata-query.js';
import { siteWebUrl } from './sites.js';

/** Graph's simple upload takes files up to 250 MB (driveitem-put-content); larger ones need an upload session. */
export const SIMPLE_UPLOAD_MAX = 250 * 1024 * 1024;

const LIBRARY = 'Shared Documents';
const ROOT_ID = '01ROOTROOTROOTROOTROOTROOTROOTROOT';

interface DriveRow {
  id: string;
  parent_id: string | null;
  name: string;
  folder: number;
  content: Buffer | null;
  size: number;
  mime: string | null;
  created: string;
  modified: string;
  created_by: string;
  modified_by: string;
  version: number;
  /** The document's list item column values (the library's own columns), JSON. */
  fields: string | null;
  /** SQLite's rowid: the document's list item id. */
  rowid: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS drive_items (
  id TEXT PRIMARY KEY,
  parent_id TEXT,
  name TEXT NOT NULL,
  folder INTEGER NOT NULL,
  content BLOB,
  size INTEGER NOT NULL DEFAULT 0,
  mime TEXT,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  created_by TEXT NOT NULL,
  modified_by TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX IF NOT EXISTS drive_items_name ON drive_items (parent_id, name COLLATE NOCASE);
`;

const ready = new WeakSet<Database>();
function db(env: Env): Database {
  const d = env.store.db;
  if (!ready.has(d)) {
    d.exec(SCHEMA);
    // Files made before documents had list item fields get the column (empty: no values yet).
    const cols = d.prepare('PRAGMA table_info(drive_items)').all() as { name: string }[];
    if (!cols.some((c) => c.name === 'fields')) d.exec('ALTER TABLE drive_items ADD COLUMN fields TEXT');
    // The library is a list too (GET …/drive/list): its id, kept per database file, and its Title column.
    d.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('libraryListId', ?)").run(randomUUID());
    const id = (d.prepare("SELECT value FROM meta WHERE key = 'libraryListId'").get() as { value: string }).value;
    if (env.store.columns(id).length === 0) env.store.insertColumn(id, { ...titleColumn(), required: false });
    ready.add(d);
  }
  return d;
}

const newItemId = () => `01${randomUUID().replace(/-/g, '').toUpperCase().slice(0, 32)}`;

/** SharePoint refuses these in file and folder names. */
const INVALID_NAME = /["*:<>?/\\|]|^\s|\s$|^\.+$|\.$/;

function rowById(env: Env, id: string): DriveRow | undefined {
  if (id === ROOT_ID) return undefined;
  return db(env).prepare('SELECT rowid, * FROM drive_items WHERE id = ?').get(id) as DriveRow | undefined;
}

function child(env: Env, parentId: string, name: string): DriveRow | undefined {
  return db(env).prepare('SELECT rowid, * FROM drive_items WHERE parent_id = ? AND name = ? COLLATE NOCASE').get(parentId, name) as DriveRow | undefined;
}

function pathSegments(raw: string): string[] {
  const parts = raw.split('/').filter(Boolean);
  try {
    return parts.map((p) => decodeURIComponent(p));
  } catch {
    throw invalidRequest(`Invalid path '${raw}'.`);
  }
}

/** The item at a path below the root, or undefined when some part of it does not exist. */
function resolvePath(env: Env, segments: readonly string[]): { id: string; row: DriveRow | undefined } | undefined {
  let id = ROOT_ID;
  let row: DriveRow | undefined;
  for (const name of segments) {
    row = child(env, id, name);
    if (!row) return undefined;
    id = row.id;
  }
  return { id, row };
}

function pathOf(env: Env, parentId: string | null): string {
  const names: string[] = [];
  for (let id = parentId; id && id !== ROOT_ID; ) {
    const r = rowById(env, id);
    if (!r) break;
    names.unshift(r.name);
    id = r.parent_id;
  }
  return names.map(encodeURIComponent).join('/');
}

function driveId(env: Env): string {
  return `b!${env.store.siteCollectionId}${env.store.webId}`.replace(/-/g, '');
}

function parentReference(env: Env, parentId: string | null): Record<string, unknown> {
  const path = pathOf(env, parentId);
  return { driveType: 'documentLibrary', driveId: driveId(env), id: parentId ?? ROOT_ID, path: `/drive/root:${path ? `/${path}` : ''}` };
}

function itemResource(env: Env, req: EmuRequest, r: DriveRow): Record<string, unknown> {
  const parentPath = pathOf(env, r.parent_id);
  const webUrl = `${siteWebUrl()}/${encodeURIComponent(LIBRARY)}/${parentPath ? `${parentPath}/` : ''}${encodeURIComponent(r.name)}`;
  const base: Record<string, unknown> = {
    id: r.id,
    name: r.name,
    size: r.size,
    eTag: `"{${r.id}},${r.version}"`,
    cTag: `"c:{${r.id}},${r.version}"`,
    createdDateTime: r.created,
    lastModifiedDateTime: r.modified,
    webUrl,
    createdBy: JSON.parse(r.created_by) as IdentitySet,
    lastModifiedBy: JSON.parse(r.modified_by) as IdentitySet,
    parentReference: parentReference(env, r.parent_id),
  };
  if (r.folder) {
    const n = (db(env).prepare('SELECT COUNT(*) AS n FROM drive_items WHERE parent_id = ?').get(r.id) as { n: number }).n;
    return { ...base, folder: { childCount: n } };
  }
  return {
    ...base,
    '@microsoft.graph.downloadUrl': `${req.serviceRoot}/sites/${encodeURIComponent(req.path.split('/')[2] ?? 'root')}/drive/items/${r.id}/content`,
    file: { mimeType: r.mime ?? 'application/octet-stream' },
  };
}

function rootResource(env: Env): Record<string, unknown> {
  const n = (db(env).prepare('SELECT COUNT(*) AS n FROM drive_items WHERE parent_id = ?').get(ROOT_ID) as { n: number }).n;
  return { id: ROOT_ID, name: 'root', root: {}, folder: { childCount: n }, webUrl: `${siteWebUrl()}/${encodeURIComponent(LIBRARY)}`, parentReference: { driveType: 'documentLibrary', driveId: driveId(env) } };
}

/** Folders on an upload's path are created as needed, as Graph does for `root:/a/b/c.txt:/content`. */
function ensureFolders(env: Env, req: EmuRequest, segments: readonly string[]): string {
  let parent = ROOT_ID;
  const who = JSON.stringify(identityOf(req.caller));
  const now = graphTime(env.now());
  for (const name of segments) {
    if (INVALID_NAME.test(name)) throw invalidRequest(`The folder name '${name}' contains characters SharePoint does not allow.`);
    const existing = child(env, parent, name);
    if (existing) {
      if (!existing.folder) throw new GraphError(409, 'nameAlreadyExists', `The name '${name}' is a file, not a folder.`);
      parent = existing.id;
      continue;
    }
    const id = newItemId();
    db(env)
      .prepare('INSERT INTO drive_items (id, parent_id, name, folder, size, created, modified, created_by, modified_by) VALUES (?, ?, ?, 1, 0, ?, ?, ?, ?)')
      .run(id, parent, name, now, now, who, who);
    parent = id;
  }
  return parent;
}

function uploadBody(req: EmuRequest): Buffer {
  if (req.batched) throw notImplemented('uploading file content inside $batch');
  if (!(req.body instanceof Uint8Array)) throw invalidRequest('The request body must be the file content.');
  if (req.body.byteLength > SIMPLE_UPLOAD_MAX) {
    throw new GraphError(413, 'requestTooLarge', 'The file is larger than simple upload allows (250 MB); use an upload session.');
  }
  return Buffer.from(req.body);
}

function conflictBehavior(req: EmuRequest): 'replace' | 'fail' {
  const v = req.query.get('@microsoft.graph.conflictBehavior') ?? 'replace';
  if (v === 'replace' || v === 'fail') return v;
  if (v === 'rename') throw notImplemented('@microsoft.graph.conflictBehavior=rename');
  throw invalidRequest(`Invalid conflict behavior '${v}'.`);
}

function mimeOf(req: EmuRequest, name: string): string {
  const given = req.headers['content-type']?.split(';')[0]?.trim();
  if (given && given !== 'application/octet-stream' && given !== 'text/plain') return given;
  const ext = name.toLowerCase().split('.').pop();
  const known: Record<string, string> = {
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    csv: 'text/csv',
    pdf: 'application/pdf',
    txt: 'text/plain',
  };
  return (ext && known[ext]) ?? 'application/octet-stream';
}

function writeFile(env: Env, req: EmuRequest, parentId: string, name: string, existing: DriveRow | undefined): EmuResponse {
  const bytes = uploadBody(req);
  const who = JSON.stringify(identityOf(req.caller));
  const now = graphTime(env.now());
  if (existing) {
    if (existing.folder) throw new GraphError(409, 'nameAlreadyExists', `The name '${name}' is a folder.`);
    if (conflictBehavior(req) === 'fail') throw new GraphError(409, 'nameAlreadyExists', 'The specified item name already exists.');
    db(env)
      .prepare('UPDATE drive_items SET content = ?, size = ?, mime = ?, modified = ?, modified_by = ?, version = version + 1 WHERE id = ?')
      .run(bytes, bytes.byteLength, mimeOf(req, name), now, who, existing.id);
    return json(200, itemResource(env, req, rowById(env, existing.id) as DriveRow));
  }
  conflictBehavior(req);
  if (INVALID_NAME.test(name)) throw invalidRequest(`The file name '${name}' contains characters SharePoint does not allow.`);
  const id = newItemId();
  db(env)
    .prepare('INSERT INTO drive_items (id, parent_id, name, folder, content, size, mime, created, modified, created_by, modified_by) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, parentId, name, bytes, bytes.byteLength, mimeOf(req, name), now, now, who, who);
  return json(201, itemResource(env, req, rowById(env, id) as DriveRow));
}

/** The library's list: its id (per database file) and the row the list API's column handlers take. */
export function libraryList(env: Env): ListRow {
  db(env);
  const id = (env.store.db.prepare("SELECT value FROM meta WHERE key = 'libraryListId'").get() as { value: string }).value;
  const created = graphTime(new Date(0));
  const system: IdentitySet = { user: { displayName: 'System Account' } };
  return { id, name: 'Shared Documents', displayName: 'Documents', description: '', created, modified: created, createdBy: system, modifiedBy: system, version: 1 };
}

function libraryListResource(env: Env, req: EmuRequest, siteId: string): Record<string, unknown> {
  const list = libraryList(env);
  const eTag = `"${list.id},${list.version}"`;
  return {
    '@odata.context': `${req.serviceRoot}/$metadata#sites('${siteId}')/lists/$entity`,
    '@odata.etag': eTag,
    createdDateTime: list.created,
    description: list.description,
    eTag,
    id: list.id,
    lastModifiedDateTime: list.modified,
    name: list.name,
    webUrl: `${siteWebUrl()}/${encodeURIComponent(LIBRARY)}`,
    displayName: list.displayName,
    createdBy: list.createdBy,
    lastModifiedBy: list.modifiedBy,
    parentReference: { siteId },
    list: { contentTypesEnabled: false, hidden: false, template: 'documentLibrary' },
  };
}

/**
 * `/sites/{site}/lists/{library-list-id}/…` (`rest`: the segments after the id): the list itself
 * and its columns, read and added with the list API's own rules; its items through the list API
 * answer 501 (the app reaches documents through the drive).
 */
export function libraryListDispatch(env: Env, req: EmuRequest, siteId: string, rest: readonly string[]): EmuResponse {
  const list = libraryList(env);
  if (rest.length === 0 && req.method === 'GET') {
    const q = readQuery(req.query, ['select'], 'a document library');
    return json(200, select(libraryListResource(env, req, siteId), q.get('select'), 'list'));
  }
  if (rest.length === 1 && rest[0] === 'columns') {
    if (req.method === 'GET') return getColumns(env, req, siteId, list);
    if (req.method === 'POST') {
      const body = req.body as { required?: unknown } | null;
      const files = (db(env).prepare('SELECT COUNT(*) AS n FROM drive_items WHERE folder = 0').get() as { n: number }).n;
      if (body?.required === true && files > 0) throw notImplemented('adding a required column to a document library that already has files');
      return addColumn(env, req, siteId, list);
    }
  }
  if (rest[0] === 'items') throw notImplemented("a document library's items through the list API (use …/drive/items/{id}/listItem)");
  throw notImplemented(`${req.method} /sites/{site}/lists/{document-library}/${rest.join('/')}`);
}

function storedFields(r: DriveRow): Record<string, unknown> {
  return r.fields ? (JSON.parse(r.fields) as Record<string, unknown>) : {};
}

/** The document's fieldValueSet: the library's column values and the read-only ones SharePoint adds. */
function fieldsOf(env: Env, r: DriveRow): Record<string, unknown> {
  const cols = env.store.columns(libraryList(env).id);
  const stored = storedFields(r);
  const out: Record<string, unknown> = { '@odata.etag': `"{${r.id}},${r.version}"` };
  for (const c of cols) if (stored[c.name] !== undefined) out[c.name] = stored[c.name];
  Object.assign(out, {
    FileLeafRef: r.name,
    id: String(r.rowid),
    ContentType: r.folder ? 'Folder' : 'Document',
    Created: r.created,
    Modified: r.modified,
    _UIVersionString: `${r.version}.0`,
    ...(r.folder ? {} : { FileSizeDisplay: String(r.size) }),
  });
  return out;
}

function listItemResource(env: Env, req: EmuRequest, r: DriveRow, withFields: boolean): Record<string, unknown> {
  const item = itemResource(env, req, r);
  return {
    '@odata.etag': `"{${r.id}},${r.version}"`,
    id: String(r.rowid),
    eTag: `"{${r.id}},${r.version}"`,
    createdDateTime: r.created,
    lastModifiedDateTime: r.modified,
    webUrl: item.webUrl,
    createdBy: item.createdBy,
    lastModifiedBy: item.lastModifiedBy,
    parentReference: { id: libraryList(env).id },
    contentType: { name: r.folder ? 'Folder' : 'Document' },
    ...(withFields ? { fields: fieldsOf(env, r) } : {}),
  };
}

/** `$expand` on a driveItem: `listItem` or `listItem($expand=fields)`; anything else answers 501. */
function expandListItem(raw: string | undefined): { listItem: boolean; fields: boolean } {
  if (raw === undefined) return { listItem: false, fields: false };
  const m = /^\s*listItem\s*(?:\(\s*\$?expand=fields\s*\))?\s*$/.exec(raw);
  if (!m) throw notImplemented(`$expand=${raw} on a driveItem (only listItem and listItem($expand=fields))`);
  return { listItem: true, fields: /fields/.test(raw) };
}

function withListItem(env: Env, req: EmuRequest, r: DriveRow, expand: { listItem: boolean; fields: boolean }): Record<string, unknown> {
  const base = itemResource(env, req, r);
  return expand.listItem ? { ...base, listItem: listItemResource(env, req, r, expand.fields) } : base;
}

/** `GET …/listItem[?$expand=fields]`, `GET …/listItem/fields`, `PATCH …/listItem/fields`. */
function listItemAction(env: Env, req: EmuRequest, r: DriveRow, sub: string): EmuResponse {
  if (sub === '' && req.method === 'GET') {
    const q = readQuery(req.query, ['expand'], "a document's list item");
    const e = q.get('expand');
    if (e !== undefined && e.trim() !== 'fields') throw notImplemented(`$expand=${e} on a listItem (only fields)`);
    return json(200, listItemResource(env, req, r, e !== undefined));
  }
  if (sub === '/fields' && req.method === 'GET') {
    readQuery(req.query, [], "a document's fields");
    return json(200, fieldsOf(env, r));
  }
  if (sub === '/fields' && req.method === 'PATCH') {
    readQuery(req.query, [], "a document's fields update");
    if (req.batched) throw notImplemented("updating a document's fields inside $batch");
    const ifMatch = req.headers['if-match'];
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== `"{${r.id}},${r.version}"`) {
      throw new GraphError(412, 'resourceModified', 'The resource has changed since the caller last read it; usually an eTag mismatch');
    }
    const list = libraryList(env);
    const fields = applyFields({ siteId: '', list, cols: env.store.columns(list.id) }, storedFields(r), req.body);
    db(env)
      .prepare('UPDATE drive_items SET fields = ?, modified = ?, modified_by = ?, version = version + 1 WHERE id = ?')
      .run(JSON.stringify(fields), graphTime(env.now()), JSON.stringify(identityOf(req.caller)), r.id);
    return json(200, fieldsOf(env, rowById(env, r.id) as DriveRow));
  }
  throw notImplemented(`${req.method} /sites/{site}/drive/items/{id}/listItem${sub.replace(/[^/]+/g, (s) => (s === 'fields' ? s : '{…}'))}`);
}

function children(env: Env, req: EmuRequest, folderId: string): EmuResponse {
  for (const k of req.query.keys()) {
    if (k !== '$select' && k !== '$top' && k !== '$expand') throw notImplemented(`the query option ${k} on children`);
  }
  const expand = expandListItem(req.query.get('$expand') ?? undefined);
  const rows = db(env).prepare('SELECT rowid, * FROM drive_items WHERE parent_id = ? ORDER BY name COLLATE NOCASE').all(folderId) as DriveRow[];
  const top = Number(req.query.get('$top') ?? 200);
  if (rows.length > top) throw notImplemented('paging the children of a folder');
  return json(200, { value: rows.map((r) => withListItem(env, req, r, expand)) });
}

function content(req: EmuRequest, r: DriveRow | undefined): EmuResponse {
  if (req.batched) throw notImplemented('downloading file content inside $batch');
  if (!r || r.folder) throw itemNotFound('The resource could not be found.');
  // Graph answers 302 to a pre-authenticated download URL; the emulator sends the bytes at once
  // (fetch follows the redirect, so callers see the same bytes either way).
  return { status: 200, headers: { 'Content-Type': r.mime ?? 'application/octet-stream', ETag: `"{${r.id}},${r.version}"` }, raw: new Uint8Array(r.content ?? Buffer.alloc(0)) };
}

/** `rest` is the request path after `/sites/{site}/drive`, still encoded; `/list` is the library's list. */
export function driveDispatch(env: Env, req: EmuRequest, rest: string, siteId: string): EmuResponse {
  const m = req.method;
  const unsupported = (): never => {
    throw notImplemented(`${m} /sites/{site}/drive${rest.replace(/[^/:]+/g, (s) => (/^(root|items|children|content)$/.test(s) ? s : '{…}'))}`);
  };
  if (rest === '/list') {
    if (m !== 'GET') return unsupported();
    const q = readQuery(req.query, ['select'], 'the drive\'s list');
    return json(200, select(libraryListResource(env, req, siteId), q.get('select'), 'list'));
  }
  if (rest === '' || rest === '/') {
    if (m !== 'GET') return unsupported();
    return json(200, { id: driveId(env), name: 'Documents', driveType: 'documentLibrary', webUrl: `${siteWebUrl()}/${encodeURIComponent(LIBRARY)}`, createdDateTime: graphTime(new Date(0)) });
  }
  let target: { id: string; row: DriveRow | undefined } | undefined;
  let action = '';
  let uploadPath: string[] | undefined;
  if (rest.startsWith('/root:')) {
    const after = rest.slice('/root:'.length);
    const end = after.indexOf(':');
    const raw = end < 0 ? after : after.slice(0, end);
    action = end < 0 ? '' : after.slice(end + 1);
    const segments = pathSegments(raw);
    if (segments.length === 0) throw invalidRequest('An empty path was given.');
    target = resolvePath(env, segments);
    uploadPath = segments;
  } else if (rest === '/root' || rest.startsWith('/root/')) {
    target = { id: ROOT_ID, row: undefined };
    action = rest.slice('/root'.length);
  } else if (rest.startsWith('/items/')) {
    const [, , id = '', ...more] = rest.split('/');
    action = more.length ? `/${more.join('/')}` : '';
    const row = rowById(env, decodeURIComponent(id));
    target = id === ROOT_ID ? { id: ROOT_ID, row: undefined } : row ? { id: row.id, row } : undefined;
    if (!target) throw itemNotFound('The resource could not be found.');
  } else {
    return unsupported();
  }

  if (action === '/content' && m === 'PUT') {
    if (target?.row) return writeFile(env, req, target.row.parent_id ?? ROOT_ID, target.row.name, target.row);
    if (!uploadPath) return unsupported();
    const parentId = ensureFolders(env, req, uploadPath.slice(0, -1));
    return writeFile(env, req, parentId, uploadPath[uploadPath.length - 1] as string, undefined);
  }
  if (!target) throw itemNotFound('The resource could not be found.');
  if (action === '/listItem' || action.startsWith('/listItem/')) {
    if (!target.row) throw notImplemented("the library root's list item");
    return listItemAction(env, req, target.row, action.slice('/listItem'.length));
  }
  if (m !== 'GET') return unsupported();
  if (action === '') {
    if (!target.row) return json(200, rootResource(env));
    for (const k of req.query.keys()) if (k !== '$select' && k !== '$expand') throw notImplemented(`the query option ${k} on a driveItem`);
    return json(200, withListItem(env, req, target.row, expandListItem(req.query.get('$expand') ?? undefined)));
  }
  if (action === '/children') {
    if (target.row && !target.row.folder) throw invalidRequest('The item is not a folder.');
    return children(env, req, target.id);
  }
  if (action === '/content') return content(req, target.row);
  return unsupported();
}
