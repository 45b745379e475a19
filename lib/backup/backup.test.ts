import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabaseAt } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { auditLog, blobs, cases, supporters, users } from '@/db/schema';
import { seedAccessFixtures } from '@/db/seed/access-fixtures';
import { seedDemoCase } from '@/db/seed/demo';
import { seedVolume } from '@/db/seed/volume';
import { recordAudit } from '@/lib/audit/record';
import { verifyAuditChains } from '@/lib/audit/verify';
import { decryptField, encryptField } from '@/lib/crypto/field-encryption';
import { readMetricTotals, SUPPORTER_METRICS } from '@/lib/metrics/counters';
import { putBlob, readVerifiedBlob } from '@/lib/blobs/blobs';
import { setBlobStores } from '@/lib/blobs/config';
import { BlobIntegrityError } from '@/lib/blobs/integrity';
import { stopTestS3, useTestBlobStore } from '@/tests/helpers/blob-stores';
import { setupTestDatabase } from '@/tests/helpers/database';
import { writeBackup } from './dump';
import { RestoreRefusedError, restoreBackup } from './restore';
import { verifyRestoredDatabase } from './verify';

let source: DatabaseHandle;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-backup-'));
const createdDatabases: string[] = [];
const backupFile = path.join(scratch, 'backup.jsonl.gz');

/** A fresh, empty, migrated database of the same kind as the test's own. */
async function newTarget(): Promise<DatabaseHandle> {
  const adminUrl = process.env.JOINDER_TEST_ADMIN_DATABASE_URL;
  let handle: DatabaseHandle;
  if (adminUrl) {
    const name = `joinder_restore_${randomBytes(4).toString('hex')}`;
    await adminQuery(adminUrl, `create database "${name}"`);
    createdDatabases.push(name);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    handle = await openDatabaseAt({ databaseUrl: url.toString() });
  } else {
    handle = await openDatabaseAt({ dataDir: fs.mkdtempSync(path.join(scratch, 'target-')) });
  }
  await migrateDatabase(handle);
  return handle;
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

beforeAll(async () => {
  source = await setupTestDatabase();
  const demo = await seedDemoCase(source.db);
  await seedVolume(source.db, { caseId: demo.caseId, referencePrefix: 'SLM', claimants: 120, supporters: 300 });
  await seedAccessFixtures(source.db);
  await source.db
    .update(users)
    .set({ totpSecretEncrypted: encryptField('JBSWY3DPEHPK3PXP') })
    .where(eq(users.email, 'lawyer@joinder.test'));
  for (let i = 0; i < 5; i++)
    await recordAudit(source.db, {
      action: 'evidence.viewed',
      actorUserId: null,
      caseId: demo.caseId,
      subjectType: 'evidence',
      subjectId: `e-${i}`,
      details: { n: i },
    });
  await writeBackup(source.db, backupFile, { source: source.driver });
});

afterAll(async () => {
  const adminUrl = process.env.JOINDER_TEST_ADMIN_DATABASE_URL;
  if (adminUrl)
    for (const name of createdDatabases) await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`).catch(() => {});
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores every row, file, audit entry and encrypted field, and the verify step says so', async () => {
    const target = await newTarget();
    try {
      const manifest = await restoreBackup(target.db, backupFile);
      const checks = await verifyRestoredDatabase(target.db, manifest);
      expect(checks.filter((check) => !check.ok)).toEqual([]);
      expect(checks.map((check) => check.name)).toEqual(['row counts', 'file hashes', 'audit chain', 'encrypted fields']);
      expect(manifest.rowCounts.claimants).toBeGreaterThanOrEqual(123);
      expect(manifest.blobCount).toBeGreaterThan(0);

      // The same audit rows, ids and hashes; the chain continues from the restored head.
      const trail = (handle: DatabaseHandle) =>
        handle.db
          .select({ id: auditLog.id, hash: auditLog.hash, occurredAt: auditLog.occurredAt })
          .from(auditLog)
          .orderBy(asc(auditLog.id));
      expect(await trail(target)).toEqual(await trail(source));
      await recordAudit(target.db, { action: 'backup.restored', actorUserId: null, details: { rows: 1 } });
      expect((await verifyAuditChains(target.db, { anchorLog: { anchors: [], badLines: [] } })).ok).toBe(true);

      // Bytes, ciphertexts and the trigger-kept rollups are exactly the source's.
      const files = (handle: DatabaseHandle) =>
        handle.db.select({ sha256: blobs.sha256, bytes: blobs.bytes }).from(blobs).orderBy(blobs.sha256);
      expect((await files(target)).map((row) => Buffer.from(row.bytes!).toString('base64'))).toEqual(
        (await files(source)).map((row) => Buffer.from(row.bytes!).toString('base64')),
      );
      const [lawyer] = await target.db
        .select({ secret: users.totpSecretEncrypted })
        .from(users)
        .where(eq(users.email, 'lawyer@joinder.test'));
      expect(decryptField(lawyer.secret)).toBe('JBSWY3DPEHPK3PXP');
      const [demo] = await source.db.select({ id: cases.id }).from(cases).where(eq(cases.slug, 'slammer-2003'));
      expect(await readMetricTotals(target.db, demo.id, SUPPORTER_METRICS)).toEqual(
        await readMetricTotals(source.db, demo.id, SUPPORTER_METRICS),
      );
      const phones = async (handle: DatabaseHandle) =>
        (await handle.db.select({ phone: supporters.phoneEncrypted }).from(supporters).orderBy(supporters.id)).map((row) => row.phone);
      expect(await phones(target)).toEqual(await phones(source));

      // Restoring twice into the same database is refused, not merged.
      await expect(restoreBackup(target.db, backupFile)).rejects.toBeInstanceOf(RestoreRefusedError);
    } finally {
      await target.close();
    }
  });

  it('the verify step catches a file whose bytes changed and an audit row that was edited', async () => {
    const lines = zlib.gunzipSync(fs.readFileSync(backupFile)).toString('utf8').split('\n');
    const tampered = lines.map((line) => {
      if (line.startsWith('{"batch":{"table":"blobs"')) return line.replace(/"bytes":"\\\\x25/, '"bytes":"\\\\x26');
      if (line.startsWith('{"batch":{"table":"audit_log"')) return line.replace('"subject_id":"e-2"', '"subject_id":"e-9"');
      return line;
    });
    expect(tampered).not.toEqual(lines);
    const tamperedFile = path.join(scratch, 'tampered.jsonl.gz');
    fs.writeFileSync(tamperedFile, zlib.gzipSync(tampered.join('\n')));
    const target = await newTarget();
    try {
      const checks = await verifyRestoredDatabase(target.db, await restoreBackup(target.db, tamperedFile));
      expect(Object.fromEntries(checks.map((check) => [check.name, check.ok]))).toEqual({
        'row counts': true,
        'file hashes': false,
        'audit chain': false,
        'encrypted fields': true,
      });
    } finally {
      await target.close();
    }
  });

  it('refuses a file that is not a Joinder backup, or one cut short', async () => {
    const target = await newTarget();
    try {
      const cut = path.join(scratch, 'cut.jsonl.gz');
      const whole = zlib.gunzipSync(fs.readFileSync(backupFile)).toString('utf8');
      fs.writeFileSync(cut, zlib.gzipSync(whole.slice(0, whole.indexOf('{"manifest"'))));
      await expect(restoreBackup(target.db, cut)).rejects.toThrow(/cut short/);
      const other = path.join(scratch, 'other.jsonl.gz');
      fs.writeFileSync(other, zlib.gzipSync('{"hello":"world"}\n'));
      await expect(restoreBackup(target.db, other)).rejects.toThrow(/not a Joinder backup/);
      const counted = (await target.db.execute(sql`select count(*)::int as n from users`)) as unknown as { rows: { n: number }[] };
      expect(counted.rows[0].n).toBe(0);
    } finally {
      await target.close();
    }
  });
});

describe('files kept in a folder or an S3 bucket', () => {
  let withObjects: DatabaseHandle;
  const objectBackup = path.join(scratch, 'objects.jsonl.gz');
  const contents = ['갑 제1호증', '갑 제2호증', '큰 파일'].map((text, index) =>
    Buffer.concat([Buffer.from(`%PDF-1.4 ${text}`), Buffer.alloc(index === 2 ? 2 * 1024 * 1024 : 10, index)]),
  );
  let hashes: string[];

  beforeAll(async () => {
    withObjects = await newTarget();
    // One file from before the move (still in the blobs table), the rest in a folder.
    await useTestBlobStore('postgres');
    const early = await putBlob(withObjects.db, Buffer.from('%PDF-1.4 early'), 'application/pdf');
    await useTestBlobStore('fs');
    hashes = [early];
    for (const bytes of contents) hashes.push(await putBlob(withObjects.db, bytes, 'application/pdf'));
    const manifest = await writeBackup(withObjects.db, objectBackup, { source: withObjects.driver });
    expect(manifest.objects).toMatchObject({ count: 3, bytes: contents.reduce((sum, bytes) => sum + bytes.byteLength, 0) });
  });
  afterAll(async () => {
    await withObjects.close();
    setBlobStores(undefined);
    await stopTestS3();
  });

  it.each(['s3', 'postgres'] as const)(
    'restores them into the %s store, each verified, and the verify step re-hashes them',
    async (kind) => {
      await useTestBlobStore(kind);
      const target = await newTarget();
      try {
        const checks = await verifyRestoredDatabase(target.db, await restoreBackup(target.db, objectBackup));
        expect(checks.filter((check) => !check.ok)).toEqual([]);
        expect(checks.find((check) => check.name === 'file hashes')!.detail).toMatch(/^4 files re-hashed/);
        const rows = await target.db.select({ sha256: blobs.sha256, store: blobs.store }).from(blobs);
        expect(Object.fromEntries(rows.map((row) => [row.sha256, row.store]))).toEqual(
          Object.fromEntries(hashes.map((hash, index) => [hash, index === 0 ? 'postgres' : kind])),
        );
        for (const [index, bytes] of contents.entries()) {
          expect(Buffer.from((await readVerifiedBlob(target.db, hashes[index + 1]))!).equals(bytes)).toBe(true);
        }
      } finally {
        await target.close();
      }
    },
  );

  it('refuses a backup whose file bytes were changed, restoring nothing', async () => {
    await useTestBlobStore('s3');
    const lines = zlib.gunzipSync(fs.readFileSync(objectBackup)).toString('utf8').split('\n');
    const chunk = lines.findIndex((line) => line.startsWith('{"chunk"'));
    const decoded = Buffer.from((JSON.parse(lines[chunk]) as { chunk: string }).chunk, 'base64');
    decoded[decoded.length - 1] ^= 0xff;
    lines[chunk] = JSON.stringify({ chunk: decoded.toString('base64') });
    const tamperedFile = path.join(scratch, 'objects-tampered.jsonl.gz');
    fs.writeFileSync(tamperedFile, zlib.gzipSync(lines.join('\n')));
    const target = await newTarget();
    try {
      await expect(restoreBackup(target.db, tamperedFile)).rejects.toBeInstanceOf(BlobIntegrityError);
      expect(await target.db.$count(blobs)).toBe(0);
    } finally {
      await target.close();
    }
  });
});

describe('npm run backup / npm run restore', () => {
  it('backs up an embedded database and restores it into a new folder, verified', async () => {
    if (process.env.JOINDER_TEST_ADMIN_DATABASE_URL) return; // the PGlite path; PostgreSQL is covered above
    const from = fs.mkdtempSync(path.join(scratch, 'cli-from-'));
    const seeded = await openDatabaseAt({ dataDir: from });
    await migrateDatabase(seeded);
    await seedDemoCase(seeded.db);
    await seeded.close();
    const file = path.join(scratch, 'cli.jsonl.gz');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [require.resolve('tsx/cli'), 'lib/backup/cli.ts', ...args], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '' },
      });
    const backup = run('backup', '--data-dir', from, '--out', file);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('Backup written');
    const restore = run('restore', '--from', file, '--data-dir', path.join(scratch, 'cli-to'));
    expect(restore.status, restore.stderr + restore.stdout).toBe(0);
    expect(restore.stdout).toMatch(/ok {3}audit chain/);
    expect(restore.stdout).toMatch(/ok {3}file hashes/);
  });
});
