import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { listAppliedMigrations, rowsOf } from './dump';
import { BACKUP_FORMAT, type BackupHeader, type BackupLine, type BackupManifest } from './format';
import { createObjectTally, restoreObject } from './objects';
import { listTablesInDependencyOrder } from './tables';

export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

async function* readLines(file: string): AsyncGenerator<BackupLine> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as BackupLine;
}

/** Reads only the header and manifest of a backup (streaming past the rows). */
export async function readBackupSummary(file: string): Promise<{ header: BackupHeader; manifest: BackupManifest }> {
  let header: BackupHeader | undefined;
  let manifest: BackupManifest | undefined;
  for await (const line of readLines(file)) {
    if ('header' in line) header = line.header;
    if ('manifest' in line) manifest = line.manifest;
  }
  if (!header || header.format !== BACKUP_FORMAT) throw new RestoreRefusedError(`${file} is not a Joinder backup.`);
  if (!manifest) throw new RestoreRefusedError(`${file} has no manifest: the backup was cut short.`);
  return { header, manifest };
}

async function assertEmpty(db: Database, tables: string[]): Promise<void> {
  for (const table of tables) {
    const [row] = rowsOf<{ found: boolean }>(await db.execute(sql`select exists (select 1 from ${sql.identifier(table)}) as found`));
    if (row.found)
      throw new RestoreRefusedError(`The target database is not empty (table ${table} has rows). Restore into a new, empty database.`);
  }
}

/**
 * Restores a backup into an empty, migrated database with the same migrations, in one transaction:
 * all of it or nothing. Triggers are off while loading (session_replication_role = replica), so the
 * audit chain keeps its stored ids and hashes and the rollup counters are not counted twice; the
 * sequences are moved past the restored ids afterwards. Files that were kept in a folder or bucket
 * go to the store this deployment is configured with (BLOB_STORE), each checked against its hash;
 * the set is checked against the manifest before the transaction commits.
 */
export async function restoreBackup(
  db: Database,
  file: string,
  options: { onProgress?: (table: string, rows: number) => void } = {},
): Promise<BackupManifest> {
  const { header, manifest } = await readBackupSummary(file);
  const applied = await listAppliedMigrations(db);
  if (JSON.stringify(applied) !== JSON.stringify(header.migrations)) {
    throw new RestoreRefusedError(
      `The backup was taken with ${header.migrations.length} migrations and this database has ${applied.length}: restore with the same Joinder version, then upgrade.`,
    );
  }
  const known = new Set(listTablesInDependencyOrder());
  const unknown = header.tables.filter((table) => !known.has(table));
  if (unknown.length) throw new RestoreRefusedError(`The backup has tables this version does not know: ${unknown.join(', ')}.`);
  await assertEmpty(db, header.tables);

  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    const loaded: Record<string, number> = {};
    const lines = readLines(file)[Symbol.asyncIterator]();
    let next = await lines.next();
    const tally = createObjectTally();
    while (!next.done) {
      const line = next.value;
      next = await lines.next();
      if ('object' in line) {
        // The file's chunk lines follow it; they are handed on one at a time as the store takes them.
        const chunks = async function* () {
          while (!next.done && 'chunk' in next.value) {
            yield Buffer.from(next.value.chunk, 'base64');
            next = await lines.next();
          }
        };
        await restoreObject(tx, line.object, chunks());
        tally.add(line.object.sha256, line.object.byteSize);
        options.onProgress?.('files', tally.result().count);
        continue;
      }
      if (!('batch' in line)) continue;
      const { table, rows } = line.batch;
      const target = sql.identifier(table);
      await tx.execute(sql`insert into ${target} select * from json_populate_recordset(null::${target}, ${JSON.stringify(rows)}::json)`);
      loaded[table] = (loaded[table] ?? 0) + rows.length;
      options.onProgress?.(table, loaded[table]);
    }
    const restored = tally.result();
    if (manifest.objects && JSON.stringify(restored) !== JSON.stringify(manifest.objects)) {
      throw new RestoreRefusedError(
        `The backup's files do not match its manifest (${restored.count} files, ${restored.bytes} bytes restored of ${manifest.objects.count}, ${manifest.objects.bytes}): nothing was restored.`,
      );
    }
    // Serial columns (the audit trail's id) continue after the highest restored value.
    const serials = rowsOf<{ table_name: string; column_name: string }>(
      await tx.execute(
        sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and column_default like 'nextval(%'`,
      ),
    );
    for (const { table_name: table, column_name: column } of serials) {
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${`public.${table}`}, ${column}), coalesce((select max(${sql.identifier(column)}) from ${sql.identifier(table)}), 0) + 1, false)`,
      );
    }
  });
  return manifest;
}
