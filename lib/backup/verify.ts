import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { verifyAuditChain } from '@/lib/audit/verify';
import { ENCRYPTED_COLUMNS } from '@/lib/crypto/encrypted-columns';
import { decryptField } from '@/lib/crypto/field-encryption';
import { rowsOf } from './dump';
import type { BackupManifest } from './format';

export type RestoreCheck = { name: string; ok: boolean; detail: string };

/**
 * After a restore, proves the data is what was backed up: every table's row count, every stored
 * file's bytes against its SHA-256, the audit chain intact and ending at the backed-up head, and the
 * encrypted fields readable with the configured keys (a backup without its keys is no backup).
 */
export async function verifyRestoredDatabase(db: Database, manifest: BackupManifest): Promise<RestoreCheck[]> {
  const checks: RestoreCheck[] = [];
  const mismatched: string[] = [];
  for (const [table, expected] of Object.entries(manifest.rowCounts)) {
    const [{ n }] = rowsOf<{ n: string }>(await db.execute(sql`select count(*)::text as n from ${sql.identifier(table)}`));
    if (Number(n) !== expected) mismatched.push(`${table}: ${n} of ${expected}`);
  }
  const total = Object.values(manifest.rowCounts).reduce((sum, count) => sum + count, 0);
  checks.push({
    name: 'row counts',
    ok: mismatched.length === 0,
    detail: mismatched.length ? mismatched.join('; ') : `${Object.keys(manifest.rowCounts).length} tables, ${total} rows`,
  });

  const [blobs] = rowsOf<{ total: string; bad: string }>(
    await db.execute(
      sql`select count(*)::text as total, count(*) filter (where encode(sha256(bytes), 'hex') <> sha256 or octet_length(bytes) <> byte_size)::text as bad from blobs`,
    ),
  );
  checks.push({
    name: 'file hashes',
    ok: Number(blobs.bad) === 0 && Number(blobs.total) === manifest.blobCount,
    detail: `${blobs.total} files re-hashed, ${blobs.bad} mismatched`,
  });

  const chain = await verifyAuditChain(db);
  const endsAtHead = manifest.auditHead
    ? chain.head?.id === manifest.auditHead.id && chain.head.hash === manifest.auditHead.hash
    : chain.head === null;
  const headNote = endsAtHead
    ? ', ending at the backed-up head'
    : `, but ending at ${chain.head?.id ?? 'nothing'} instead of the backed-up head ${manifest.auditHead?.id ?? 'nothing'}`;
  checks.push({
    name: 'audit chain',
    ok: chain.ok && endsAtHead,
    detail: chain.ok ? `${chain.checked} entries intact${headNote}` : `broken at row ${chain.broken?.id}`,
  });

  const unreadable: string[] = [];
  let sampled = 0;
  for (const entry of ENCRYPTED_COLUMNS) {
    const [row] = rowsOf<{ value: string }>(
      await db.execute(
        sql`select ${sql.identifier(entry.columnName)} as value from ${sql.identifier(entry.tableName)} where ${sql.identifier(entry.columnName)} is not null limit 1`,
      ),
    );
    if (!row) continue;
    sampled++;
    try {
      decryptField(row.value);
    } catch {
      unreadable.push(`${entry.tableName}.${entry.columnName}`);
    }
  }
  checks.push({
    name: 'encrypted fields',
    ok: unreadable.length === 0,
    detail: unreadable.length
      ? `not readable with the configured keys: ${unreadable.join(', ')} (set JOINDER_ENCRYPTION_KEYS as on the source)`
      : `${sampled} columns sampled, readable`,
  });
  return checks;
}
