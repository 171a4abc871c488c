import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { ColumnDef } from './columns.js';
import { filterKey, valueKey } from './unique.js';

export interface IdentitySet {
  user?: { displayName: string; id?: string };
  application?: { displayName: string; id: string };
}

export interface ListRow {
  id: string;
  name: string;
  displayName: string;
  description: string;
  created: string;
  modified: string;
  createdBy: IdentitySet;
  modifiedBy: IdentitySet;
  version: number;
}

export interface ItemRow {
  listId: string;
  id: number;
  guid: string;
  version: number;
  fields: Record<string, unknown>;
  created: string;
  modified: string;
  createdBy: IdentitySet;
  modifiedBy: IdentitySet;
  authorLookupId: number;
  editorLookupId: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS lists (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, display_name TEXT NOT NULL, description TEXT NOT NULL,
  created TEXT NOT NULL, modified TEXT NOT NULL, created_by TEXT NOT NULL, modified_by TEXT NOT NULL,
  version INTEGER NOT NULL, item_seq INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS columns (
  list_id TEXT NOT NULL, name TEXT NOT NULL, position INTEGER NOT NULL, def TEXT NOT NULL,
  PRIMARY KEY (list_id, name));
CREATE TABLE IF NOT EXISTS items (
  list_id TEXT NOT NULL, id INTEGER NOT NULL, guid TEXT NOT NULL, version INTEGER NOT NULL,
  fields TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
  created_by TEXT NOT NULL, modified_by TEXT NOT NULL, author_lookup INTEGER NOT NULL, editor_lookup INTEGER NOT NULL,
  PRIMARY KEY (list_id, id));
CREATE TABLE IF NOT EXISTS changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, list_id TEXT NOT NULL, item_id INTEGER NOT NULL,
  kind TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS changes_by_list ON changes (list_id, seq);
CREATE TABLE IF NOT EXISTS users (lookup_id INTEGER PRIMARY KEY AUTOINCREMENT, principal TEXT UNIQUE NOT NULL);
CREATE TABLE IF NOT EXISTS item_values (
  list_id TEXT NOT NULL, item_id INTEGER NOT NULL, name TEXT NOT NULL, k, u TEXT,
  PRIMARY KEY (list_id, item_id, name)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS item_values_by_key ON item_values (list_id, name, k, item_id);
CREATE INDEX IF NOT EXISTS item_values_unique ON item_values (list_id, name, u) WHERE u IS NOT NULL;
`;

/** Bump when the derived item_values rows change meaning: opening an older file rebuilds them. */
const VALUES_VERSION = '1';

interface RawItem {
  list_id: string; id: number; guid: string; version: number; fields: string; created: string; modified: string;
  created_by: string; modified_by: string; author_lookup: number; editor_lookup: number;
}
interface RawList {
  id: string; name: string; display_name: string; description: string; created: string; modified: string;
  created_by: string; modified_by: string; version: number;
}

const toItem = (r: RawItem): ItemRow => ({
  listId: r.list_id, id: r.id, guid: r.guid, version: r.version,
  fields: JSON.parse(r.fields) as Record<string, unknown>,
  created: r.created, modified: r.modified,
  createdBy: JSON.parse(r.created_by) as IdentitySet, modifiedBy: JSON.parse(r.modified_by) as IdentitySet,
  authorLookupId: r.author_lookup, editorLookupId: r.editor_lookup,
});
const toList = (r: RawList): ListRow => ({
  id: r.id, name: r.name, displayName: r.display_name, description: r.description,
  created: r.created, modified: r.modified,
  createdBy: JSON.parse(r.created_by) as IdentitySet, modifiedBy: JSON.parse(r.modified_by) as IdentitySet,
  version: r.version,
});

/** All SQLite access of the emulator. Synchronous (better-sqlite3), so a handler runs atomically. */
export class Store {
  readonly db: Database.Database;
  /** Random per database file: delta tokens from another database are answered with 410. */
  readonly epoch: string;
  readonly siteCollectionId: string;
  readonly webId: string;

  private readonly statements = new Map<string, Database.Statement>();
  private readonly columnCache = new Map<string, ColumnDef[]>();

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // WAL + NORMAL: a commit is not fsynced (a power cut may lose the last writes, never corrupts).
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    // Files made before item versions were dropped (nothing read them) still carry the table.
    this.db.exec('DROP TABLE IF EXISTS item_versions');
    this.siteCollectionId = this.meta('siteCollectionId', () => randomUUID());
    this.webId = this.meta('webId', () => randomUUID());
    this.epoch = this.meta('epoch', () => randomUUID().slice(0, 8));
    const version = this.db.prepare("SELECT value FROM meta WHERE key = 'valuesVersion'").get() as { value: string } | undefined;
    if (version?.value !== VALUES_VERSION) {
      this.transaction(() => {
        this.db.exec('DELETE FROM item_values');
        for (const list of this.allLists()) this.reindexList(list.id);
        this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('valuesVersion', ?)").run(VALUES_VERSION);
      });
    }
  }

  /** Prepared once per SQL text and reused (better-sqlite3 statements are cheap to keep). */
  stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      if (this.statements.size > 500) this.statements.clear();
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  private meta(key: string, init: () => string): string {
    const row = this.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    if (row) return row.value;
    const value = init();
    this.stmt('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, value);
    return value;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  allLists(): ListRow[] {
    return (this.stmt('SELECT * FROM lists ORDER BY created, id').all() as RawList[]).map(toList);
  }

  insertList(list: ListRow): void {
    this.stmt(
        `INSERT INTO lists (id, name, display_name, description, created, modified, created_by, modified_by, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(list.id, list.name, list.displayName, list.description, list.created, list.modified,
        JSON.stringify(list.createdBy), JSON.stringify(list.modifiedBy), list.version);
  }

  touchList(listId: string, modified: string, by: IdentitySet): void {
    this.stmt('UPDATE lists SET modified = ?, modified_by = ?, version = version + 1 WHERE id = ?')
      .run(modified, JSON.stringify(by), listId);
  }

  /** The list's columns in order (cached: columns are only ever added, through insertColumn). Do not mutate. */
  columns(listId: string): ColumnDef[] {
    let cols = this.columnCache.get(listId);
    if (!cols) {
      cols = (this.stmt('SELECT def FROM columns WHERE list_id = ? ORDER BY position').all(listId) as { def: string }[])
        .map((r) => JSON.parse(r.def) as ColumnDef);
      this.columnCache.set(listId, cols);
    }
    return cols;
  }

  /** Add a column; an indexed one gets its index entries for the items the list already has. */
  insertColumn(listId: string, col: ColumnDef): void {
    const pos = (this.stmt('SELECT COUNT(*) AS n FROM columns WHERE list_id = ?').get(listId) as { n: number }).n;
    this.stmt('INSERT INTO columns (list_id, name, position, def) VALUES (?, ?, ?, ?)')
      .run(listId, col.name, pos, JSON.stringify(col));
    this.columnCache.delete(listId);
    if (col.indexed) this.reindexList(listId, [col]);
  }

  /** Rebuild the index entries (item_values) of the list's indexed columns, or of the given ones. */
  reindexList(listId: string, cols: ColumnDef[] = this.columns(listId)): void {
    const indexed = cols.filter((c) => c.indexed);
    if (indexed.length === 0) return;
    for (const r of this.stmt('SELECT id, fields FROM items WHERE list_id = ?').all(listId) as { id: number; fields: string }[]) {
      this.writeValues(listId, r.id, JSON.parse(r.fields) as Record<string, unknown>, indexed);
    }
  }

  /** One row per indexed column with a value: `k` for filters (see filterKey), `u` for unique columns. */
  private writeValues(listId: string, itemId: number, fields: Record<string, unknown>, cols: ColumnDef[]): void {
    const insert = this.stmt('INSERT OR REPLACE INTO item_values (list_id, item_id, name, k, u) VALUES (?, ?, ?, ?, ?)');
    for (const col of cols) {
      if (!col.indexed) continue;
      const v = fields[col.name];
      if (v === undefined || v === null) continue;
      insert.run(listId, itemId, col.name, filterKey(col.type, v), col.enforceUniqueValues ? valueKey(col, v) : null);
    }
  }

  /** How many items hold this filter key (item_values.k) in the column. */
  keyCount(listId: string, column: string, key: unknown): number {
    return (this.stmt('SELECT COUNT(*) AS n FROM item_values WHERE list_id = ? AND name = ? AND k = ?')
      .get(listId, column, key) as { n: number }).n;
  }

  /** Does another item of the list hold this unique key (valueKey) in the column? */
  uniqueTaken(listId: string, column: string, key: string, selfId: number | null): boolean {
    return this.stmt('SELECT 1 FROM item_values WHERE list_id = ? AND name = ? AND u = ? AND item_id IS NOT ? LIMIT 1')
      .get(listId, column, key, selfId) !== undefined;
  }

  nextItemId(listId: string): number {
    this.stmt('UPDATE lists SET item_seq = item_seq + 1 WHERE id = ?').run(listId);
    return (this.stmt('SELECT item_seq FROM lists WHERE id = ?').get(listId) as { item_seq: number }).item_seq;
  }

  items(listId: string): ItemRow[] {
    return (this.stmt('SELECT * FROM items WHERE list_id = ? ORDER BY id').all(listId) as RawItem[]).map(toItem);
  }

  itemCount(listId: string): number {
    return (this.stmt('SELECT COUNT(*) AS n FROM items WHERE list_id = ?').get(listId) as { n: number }).n;
  }

  /** The items with these ids, in the order of the ids (missing ones skipped). */
  itemsByIds(listId: string, ids: number[]): ItemRow[] {
    if (ids.length === 0) return [];
    const rows = this.stmt('SELECT * FROM items WHERE list_id = ? AND id IN (SELECT value FROM json_each(?))')
      .all(listId, JSON.stringify(ids)) as RawItem[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [toItem(r)] : [];
    });
  }

  /** Up to `limit` item ids greater than `after`, ascending. */
  itemIdsAfter(listId: string, after: number, limit: number): number[] {
    return (this.stmt('SELECT id FROM items WHERE list_id = ? AND id > ? ORDER BY id LIMIT ?')
      .all(listId, after, limit) as { id: number }[]).map((r) => r.id);
  }

  item(listId: string, id: number): ItemRow | undefined {
    const r = this.stmt('SELECT * FROM items WHERE list_id = ? AND id = ?').get(listId, id) as RawItem | undefined;
    return r ? toItem(r) : undefined;
  }

  /** Insert or replace the item, refresh its index entries and log the change for delta. */
  saveItem(item: ItemRow): void {
    this.stmt(
        `INSERT OR REPLACE INTO items (list_id, id, guid, version, fields, created, modified, created_by, modified_by, author_lookup, editor_lookup)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(item.listId, item.id, item.guid, item.version, JSON.stringify(item.fields), item.created, item.modified,
        JSON.stringify(item.createdBy), JSON.stringify(item.modifiedBy), item.authorLookupId, item.editorLookupId);
    this.stmt('DELETE FROM item_values WHERE list_id = ? AND item_id = ?').run(item.listId, item.id);
    this.writeValues(item.listId, item.id, item.fields, this.columns(item.listId));
    this.logChange(item.listId, item.id, 'upsert', item.modified);
  }

  deleteItem(listId: string, id: number, at: string): void {
    this.stmt('DELETE FROM items WHERE list_id = ? AND id = ?').run(listId, id);
    this.stmt('DELETE FROM item_values WHERE list_id = ? AND item_id = ?').run(listId, id);
    this.logChange(listId, id, 'delete', at);
  }

  private logChange(listId: string, itemId: number, kind: string, at: string): void {
    this.stmt('INSERT INTO changes (list_id, item_id, kind, at) VALUES (?, ?, ?, ?)').run(listId, itemId, kind, at);
  }

  maxChangeSeq(): number {
    return (this.stmt('SELECT COALESCE(MAX(seq), 0) AS s FROM changes').get() as { s: number }).s;
  }

  /** Item ids greater than `after` changed in (since, upTo], each once, ascending, at most `limit`. */
  changedItemIds(listId: string, since: number, upTo: number, after = 0, limit = -1): number[] {
    return (this.stmt(
      'SELECT DISTINCT item_id FROM changes WHERE list_id = ? AND seq > ? AND seq <= ? AND item_id > ? ORDER BY item_id LIMIT ?',
    ).all(listId, since, upTo, after, limit) as { item_id: number }[]).map((r) => r.item_id);
  }

  /** SharePoint's per-site user lookup id (AuthorLookupId / EditorLookupId). */
  userLookupId(principal: string): number {
    this.stmt('INSERT OR IGNORE INTO users (principal) VALUES (?)').run(principal);
    return (this.stmt('SELECT lookup_id FROM users WHERE principal = ?').get(principal) as { lookup_id: number }).lookup_id;
  }

  close(): void {
    this.db.close();
  }
}
