import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { verifyAuditChains } from '@/lib/audit/verify';
import { openBlob } from '@/lib/blobs/blobs';
import { ENCRYPTED_COLUMNS } from '@/lib/crypto/encrypted-columns';
import { decryptField } from '@/lib/crypto/field-encryption';
import { rowsOf } from './dump';
import type { BackupManifest } from './format';

/** Reads back every file kept in a folder or bucket through the verifying stream (one at a time). */
async function rehashObjectStoreFiles(db: Database): Promise<{ total: number; bad: number }> {
  let total = 0;
  let bad = 0;
  let after = '';
  for (;;) {
    const rows = rowsOf<{ sha256: string }>(
      await db.execute(sql`select sha256 from blobs where store <> 'postgres' and sha256 > ${after} order by sha256 limit 500`),
    );
    if (rows.length === 0) return { total, bad };
    for (const { sha256 } of rows) {
      total++;
      try {
        const opened = await openBlob(db, sha256);
        if (!opened) bad++;
        else await pipeline(opened.stream, new Writable({ write: (_chunk, _encoding, done) => done() }));
      } catch {
        bad++;
      }
    }
    after = rows[rows.length - 1].sha256;
  }
}

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
      sql`select count(*)::text as total, count(*) filter (where encode(sha256(bytes), 'hex') <> sha256 or octet_length(bytes) <> byte_size)::text as bad from blobs where store = 'postgres'`,
    ),
  );
  const elsewhere = await rehashObjectStoreFiles(db);
  const fileCount = Number(blobs.total) + elsewhere.total;
  const badFiles = Number(blobs.bad) + elsewhere.bad;
  checks.push({
    name: 'file hashes',
    ok: badFiles === 0 && fileCount === manifest.blobCount,
    detail: `${fileCount} files re-hashed (${elsewhere.total} in an object store), ${badFiles} mismatched`,
  });

  // Every chain intact (anchors belong to the host that wrote them, not to a restore elsewhere),
  // and the newest entry at backup time still the newest, with its hash.
  const chains = await verifyAuditChains(db, { anchorLog: { anchors: [], badLines: [] } });
  const [newest] = rowsOf<{ id: string; hash: string }>(
    await db.execute(sql`select id::text as id, hash from audit_log order by id desc limit 1`),
  );
  const endsAtHead = manifest.auditHead
    ? Number(newest?.id) === manifest.auditHead.id && newest?.hash === manifest.auditHead.hash
    : newest === undefined;
  const headNote = endsAtHead
    ? ', ending at the backed-up head'
    : `, but ending at ${newest?.id ?? 'nothing'} instead of the backed-up head ${manifest.auditHead?.id ?? 'nothing'}`;
  const broken = chains.chains.find((chain) => !chain.ok)?.broken;
  checks.push({
    name: 'audit chain',
    ok: chains.ok && endsAtHead,
    detail: chains.ok
      ? `${chains.checked} entries in ${chains.chains.length} chains intact${headNote}`
      : `chain ${broken?.chain} broken at entry ${broken?.seq} (${broken?.reason})`,
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
