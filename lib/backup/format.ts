/**
 * The backup file: gzip-compressed JSON lines. A header, then the rows of each table in batches
 * (`row_to_json` of each row, so every column type round-trips through PostgreSQL's own JSON
 * conversion — bytea as hex, timestamps to the microsecond, jsonb as stored), then the files kept
 * outside the database (lib/backup/objects.ts), then a manifest that the restore is checked against.
 */
export const BACKUP_FORMAT = 'joinder-backup';
/** 2: files kept in a folder or bucket travel in the backup as `object` + `chunk` lines after the tables. */
export const BACKUP_VERSION = 2;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  source: 'pglite' | 'postgres';
  migrations: string[];
  tables: string[];
};
export type BackupBatch = { table: string; rows: Record<string, unknown>[] };
/** The files copied from object stores: how many, how many bytes, and a SHA-256 over their `hash:length` list in order. */
export type BackupObjects = { count: number; bytes: number; digest: string };
export type BackupManifest = {
  rowCounts: Record<string, number>;
  blobCount: number;
  /** The newest audit entry when the backup was taken; the restored chain must end exactly there. */
  auditHead: { id: number; hash: string } | null;
  /** Absent in version 1 backups (every file was in the blobs table). */
  objects?: BackupObjects;
};
export type BackupLine =
  | { header: BackupHeader }
  | { batch: BackupBatch }
  | { object: { sha256: string; byteSize: number } }
  | { chunk: string }
  | { manifest: BackupManifest };
