import fs from 'node:fs';
import { once } from 'node:events';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, DatabaseDriver } from '@/db/client';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupLine, type BackupManifest } from './format';
import { writeObjectLines } from './objects';
import { batchSizeFor, listTablesInDependencyOrder } from './tables';

export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** The migrations applied to a database (drizzle's journal timestamps), oldest first. */
export async function listAppliedMigrations(db: Database): Promise<string[]> {
  const result = await db.execute(sql`select created_at::text as at from drizzle.__drizzle_migrations order by created_at`);
  return rowsOf<{ at: string }>(result).map((row) => row.at);
}

/**
 * Writes a logical backup of the whole database to `file`: one consistent snapshot (a single
 * repeatable-read, read-only transaction) read table by table through cursors, so memory stays flat
 * however large the tables are. Works the same on PGlite and PostgreSQL, and a backup of one can be
 * restored into the other. Files kept in a folder or bucket are copied in too, each checked
 * against its hash as it is read.
 */
export async function writeBackup(
  db: Database,
  file: string,
  options: { source: DatabaseDriver; onProgress?: (table: string, rows: number) => void },
): Promise<BackupManifest> {
  const gzip = zlib.createGzip({ level: 6 });
  const output = fs.createWriteStream(file, { mode: 0o600 });
  gzip.pipe(output);
  const write = async (line: BackupLine) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  const tables = listTablesInDependencyOrder();
  const manifest = await db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    await write({
      header: {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        source: options.source,
        migrations: await listAppliedMigrations(tx),
        tables,
      },
    });
    const rowCounts: Record<string, number> = {};
    for (const table of tables) {
      rowCounts[table] = 0;
      await tx.execute(sql`declare backup_rows no scroll cursor for select row_to_json(t)::text as row from ${sql.identifier(table)} t`);
      for (;;) {
        const rows = rowsOf<{ row: string }>(await tx.execute(sql.raw(`fetch ${batchSizeFor(table)} from backup_rows`)));
        if (rows.length === 0) break;
        await write({ batch: { table, rows: rows.map((row) => JSON.parse(row.row) as Record<string, unknown>) } });
        rowCounts[table] += rows.length;
        options.onProgress?.(table, rowCounts[table]);
      }
      await tx.execute(sql`close backup_rows`);
    }
    const objects = await writeObjectLines(tx, write);
    // (The alias must not be `id`: ORDER BY would then sort the text, and '8' comes after '10'.)
    const [head] = rowsOf<{ head_id: string; hash: string }>(
      await tx.execute(sql`select id::text as head_id, hash from audit_log order by id desc limit 1`),
    );
    const result: BackupManifest = {
      rowCounts,
      blobCount: rowCounts.blobs ?? 0,
      auditHead: head ? { id: Number(head.head_id), hash: head.hash } : null,
      objects,
    };
    await write({ manifest: result });
    return result;
  });
  gzip.end();
  await once(output, 'close');
  return manifest;
}
