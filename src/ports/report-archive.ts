/**
 * Where board reports are kept as records: a document library on the app's site (SharePoint
 * through Graph's drive API; the emulator's drive locally). Folders are path segments below the
 * library's root, e.g. `['Raportit', '2021']`.
 */
export interface ArchivedFile {
  name: string;
  /** Folder path below the library root, e.g. `Raportit/2021`. */
  folder: string;
  /** Opens the file in SharePoint. */
  webUrl: string;
  size: number;
  createdAt: string;
  /** Who the library says created the file: for the app's uploads, the app. */
  createdBy: string;
  /** The leader who filed the report (the library's FiledBy/FiledById columns); absent on files filed before them. */
  filedBy?: { id: string; name: string };
}

/** What a filed report's list item records beside the file: who filed it and what it reports. */
export interface ArchiveMetadata {
  filedBy: { id: string; name: string };
  planKey: string;
  period: string;
  lang: 'fi' | 'sv' | 'en';
}

export interface ReportArchive {
  /**
   * Stores a new file and records its metadata on it; throws Conflict('duplicate') when the name is
   * taken (a record is never replaced).
   */
  save(folder: readonly string[], fileName: string, bytes: Uint8Array, contentType: string, metadata: ArchiveMetadata): Promise<ArchivedFile>;
  /** The files of a folder, none when the folder does not exist yet. */
  list(folder: readonly string[]): Promise<ArchivedFile[]>;
  /** A filed report's bytes; throws NotFound when there is no such file. */
  read(folder: readonly string[], fileName: string): Promise<Uint8Array>;
}
