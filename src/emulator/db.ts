import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { ColumnDef } from './columns.js';

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

export interface ChangeRow {
  itemId: number;
  seq: number;
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
CREATE TABLE IF NOT EXISTS item_versions (
  list_id TEXT NOT NULL, item_id INTEGER NOT NULL, version INTEGER NOT NULL, fields TEXT NOT NULL,
  modified TEXT NOT NULL, modified_by TEXT NOT NULL, PRIMARY KEY (list_id, item_id, version));
CREATE TABLE IF NOT EXISTS changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, list_id TEXT NOT NULL, item_id INTEGER NOT NULL,
  kind TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS changes_by_list ON changes (list_id, seq);
CREATE TABLE IF NOT EXISTS users (lookup_id INTEGER PRIMARY KEY AUTOINCREMENT, principal TEXT UNIQUE NOT NULL);
`;

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

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
    this.siteCollectionId = this.meta('siteCollectionId', () => randomUUID());
    this.webId = this.meta('webId', () => randomUUID());
    this.epoch = this.meta('epoch', () => randomUUID().slice(0, 8));
  }

  private meta(key: string, init: () => string): string {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    if (row) return row.value;
    const value = init();
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, value);
    return value;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  allLists(): ListRow[] {
    return (this.db.prepare('SELECT * FROM lists ORDER BY created, id').all() as RawList[]).map(toList);
  }

  insertList(list: ListRow): void {
    this.db
      .prepare(
        `INSERT INTO lists (id, name, display_name, description, created, modified, created_by, modified_by, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(list.id, list.name, list.displayName, list.description, list.created, list.modified,
        JSON.stringify(list.createdBy), JSON.stringify(list.modifiedBy), list.version);
  }

  touchList(listId: string, modified: string, by: IdentitySet): void {
    this.db
      .prepare('UPDATE lists SET modified = ?, modified_by = ?, version = version + 1 WHERE id = ?')
      .run(modified, JSON.stringify(by), listId);
  }

  columns(listId: string): ColumnDef[] {
    return (this.db.prepare('SELECT def FROM columns WHERE list_id = ? ORDER BY position').all(listId) as { def: string }[])
      .map((r) => JSON.parse(r.def) as ColumnDef);
  }

  insertColumn(listId: string, col: ColumnDef): void {
    const pos = (this.db.prepare('SELECT COUNT(*) AS n FROM columns WHERE list_id = ?').get(listId) as { n: number }).n;
    this.db.prepare('INSERT INTO columns (list_id, name, position, def) VALUES (?, ?, ?, ?)')
      .run(listId, col.name, pos, JSON.stringify(col));
  }

  nextItemId(listId: string): number {
    this.db.prepare('UPDATE lists SET item_seq = item_seq + 1 WHERE id = ?').run(listId);
    return (this.db.prepare('SELECT item_seq FROM lists WHERE id = ?').get(listId) as { item_seq: number }).item_seq;
  }

  items(listId: string): ItemRow[] {
    return (this.db.prepare('SELECT * FROM items WHERE list_id = ? ORDER BY id').all(listId) as RawItem[]).map(toItem);
  }

  item(listId: string, id: number): ItemRow | undefined {
    const r = this.db.prepare('SELECT * FROM items WHERE list_id = ? AND id = ?').get(listId, id) as RawItem | undefined;
    return r ? toItem(r) : undefined;
  }

  /** Insert or replace the item, keep the version history and log the change for delta. */
  saveItem(item: ItemRow): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO items (list_id, id, guid, version, fields, created, modified, created_by, modified_by, author_lookup, editor_lookup)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(item.listId, item.id, item.guid, item.version, JSON.stringify(item.fields), item.created, item.modified,
        JSON.stringify(item.createdBy), JSON.stringify(item.modifiedBy), item.authorLookupId, item.editorLookupId);
    this.db
      .prepare('INSERT INTO item_versions (list_id, item_id, version, fields, modified, modified_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(item.listId, item.id, item.version, JSON.stringify(item.fields), item.modified, JSON.stringify(item.modifiedBy));
    this.logChange(item.listId, item.id, 'upsert', item.modified);
  }

  deleteItem(listId: string, id: number, at: string): void {
    this.db.prepare('DELETE FROM items WHERE list_id = ? AND id = ?').run(listId, id);
    this.logChange(listId, id, 'delete', at);
  }

  private logChange(listId: string, itemId: number, kind: string, at: string): void {
    this.db.prepare('INSERT INTO changes (list_id, item_id, kind, at) VALUES (?, ?, ?, ?)').run(listId, itemId, kind, at);
  }

  maxChangeSeq(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM changes').get() as { s: number }).s;
  }

  /** Item ids changed in (since, upTo], each once, ascending. */
  changedItemIds(listId: string, since: number, upTo: number): number[] {
    return (this.db
      .prepare('SELECT DISTINCT item_id FROM changes WHERE list_id = ? AND seq > ? AND seq <= ? ORDER BY item_id')
      .all(listId, since, upTo) as { item_id: number }[]).map((r) => r.item_id);
  }

  versionCount(listId: string, itemId: number): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM item_versions WHERE list_id = ? AND item_id = ?')
      .get(listId, itemId) as { n: number }).n;
  }

  /** SharePoint's per-site user lookup id (AuthorLookupId / EditorLookupId). */
  userLookupId(principal: string): number {
    this.db.prepare('INSERT OR IGNORE INTO users (principal) VALUES (?)').run(principal);
    return (this.db.prepare('SELECT lookup_id FROM users WHERE principal = ?').get(principal) as { lookup_id: number }).lookup_id;
  }

  close(): void {
    this.db.close();
  }
}
