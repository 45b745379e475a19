/**
 * The backup file: gzip-compressed JSON lines. A header, then the rows of each table in batches
 * (`row_to_json` of each row, so every column type round-trips through PostgreSQL's own JSON
 * conversion — bytea as hex, timestamps to the microsecond, jsonb as stored), then a manifest that
 * the restore is checked against.
 */
export const BACKUP_FORMAT = 'joinder-backup';
export const BACKUP_VERSION = 1;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  source: 'pglite' | 'postgres';
  migrations: string[];
  tables: string[];
};
export type BackupBatch = { table: string; rows: Record<string, unknown>[] };
export type BackupManifest = {
  rowCounts: Record<string, number>;
  blobCount: number;
  /** The newest audit entry when the backup was taken; the restored chain must end exactly there. */
  auditHead: { id: number; hash: string } | null;
};
export type BackupLine = { header: BackupHeader } | { batch: BackupBatch } | { manifest: BackupManifest };
