/**
 * The site's default document library as Graph's drive API serves it, the part the app files
 * board reports with: the drive, folders and files addressed by path (`root:/a/b.docx:`) or id,
 * simple upload (`PUT …:/content`, folders on the path created), children of a folder, an item's
 * metadata and its content. Stored in the same SQLite file as the lists. Anything else under
 * `/drive` answers 501. Sources: see README.md ("Drive").
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { json, identityOf, type EmuRequest, type EmuResponse, type Env } from './context.js';
import type { IdentitySet } from './db.js';
import { GraphError, graphTime, invalidRequest, itemNotFound, notImplemented } from './errors.js';
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
    ready.add(d);
  }
  return d;
}

const newItemId = () => `01${randomUUID().replace(/-/g, '').toUpperCase().slice(0, 32)}`;

/** SharePoint refuses these in file and folder names. */
const INVALID_NAME = /["*:<>?/\\|]|^\s|\s$|^\.+$|\.$/;

function rowById(env: Env, id: string): DriveRow | undefined {
  if (id === ROOT_ID) return undefined;
  return db(env).prepare('SELECT * FROM drive_items WHERE id = ?').get(id) as DriveRow | undefined;
}

function child(env: Env, parentId: string, name: string): DriveRow | undefined {
  return db(env).prepare('SELECT * FROM drive_items WHERE parent_id = ? AND name = ? COLLATE NOCASE').get(parentId, name) as DriveRow | undefined;
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

function children(env: Env, req: EmuRequest, folderId: string): EmuResponse {
  for (const k of req.query.keys()) {
    if (k !== '$select' && k !== '$top') throw notImplemented(`the query option ${k} on children`);
  }
  const rows = db(env).prepare('SELECT * FROM drive_items WHERE parent_id = ? ORDER BY name COLLATE NOCASE').all(folderId) as DriveRow[];
  const top = Number(req.query.get('$top') ?? 200);
  if (rows.length > top) throw notImplemented('paging the children of a folder');
  return json(200, { value: rows.map((r) => itemResource(env, req, r)) });
}

function content(req: EmuRequest, r: DriveRow | undefined): EmuResponse {
  if (req.batched) throw notImplemented('downloading file content inside $batch');
  if (!r || r.folder) throw itemNotFound('The resource could not be found.');
  // Graph answers 302 to a pre-authenticated download URL; the emulator sends the bytes at once
  // (fetch follows the redirect, so callers see the same bytes either way).
  return { status: 200, headers: { 'Content-Type': r.mime ?? 'application/octet-stream', ETag: `"{${r.id}},${r.version}"` }, raw: new Uint8Array(r.content ?? Buffer.alloc(0)) };
}

/** `rest` is the request path after `/sites/{site}/drive`, still encoded. */
export function driveDispatch(env: Env, req: EmuRequest, rest: string): EmuResponse {
  const m = req.method;
  const unsupported = (): never => {
    throw notImplemented(`${m} /sites/{site}/drive${rest.replace(/[^/:]+/g, (s) => (/^(root|items|children|content)$/.test(s) ? s : '{…}'))}`);
  };
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
  if (m !== 'GET') return unsupported();
  if (action === '') return json(200, target.row ? itemResource(env, req, target.row) : rootResource(env));
  if (action === '/children') {
    if (target.row && !target.row.folder) throw invalidRequest('The item is not a folder.');
    return children(env, req, target.id);
  }
  if (action === '/content') return content(req, target.row);
  return unsupported();
}
