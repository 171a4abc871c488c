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
  createdBy: string;
}

export interface ReportArchive {
  /** Stores a new file; throws Conflict('duplicate') when the name is taken (a record is never replaced). */
  save(folder: readonly string[], fileName: string, bytes: Uint8Array, contentType: string): Promise<ArchivedFile>;
  /** The files of a folder, none when the folder does not exist yet. */
  list(folder: readonly string[]): Promise<ArchivedFile[]>;
  /** A filed report's bytes; throws NotFound when there is no such file. */
  read(folder: readonly string[], fileName: string): Promise<Uint8Array>;
}
