import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Database, type DatabaseHandle, openDatabaseAt } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { setupTestDatabase } from '@/tests/helpers/database';
import { recordAudit } from './record';
import { type AuditChainReport, checkAuditAnchor, verifyAuditChain } from './verify';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
  await writeEntries(handle.db, 6);
});

async function writeEntries(db: Database, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await recordAudit(db, {
      action: i % 2 ? 'review.verified' : 'evidence.viewed',
      actorUserId: null,
      subjectType: 'claimant',
      subjectId: `c-${i}`,
      ip: '198.51.100.4',
      details: { n: i, sha256: 'ab'.repeat(32) },
    });
  }
}

async function ids(db: Database): Promise<number[]> {
  const rows = await db.execute<{ id: number }>(sql`select id from audit_log order by id`);
  return (rows as unknown as { rows: { id: number | string }[] }).rows.map((row) => Number(row.id));
}

/**
 * Tampering as a database superuser would: switch the append-only trigger off, change the trail,
 * check, and roll all of it back so every test starts from the same intact chain.
 */
async function tamperAndVerify(tamper: (tx: Database, rowIds: number[]) => Promise<void>): Promise<AuditChainReport> {
  let report: AuditChainReport | undefined;
  await handle.db
    .transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await tamper(tx, await ids(tx));
      await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
      report = await verifyAuditChain(tx, { batchSize: 2 });
      tx.rollback();
    })
    .catch((error: Error) => {
      if (!/rollback/i.test(error.message)) throw error;
    });
  if (!report) throw new Error('no report');
  return report;
}

describe('audit chain verification', () => {
  it('passes an intact trail and reports its head, across batch boundaries', async () => {
    const report = await verifyAuditChain(handle.db, { batchSize: 4 });
    const rowIds = await ids(handle.db);
    expect(report).toMatchObject({ ok: true, checked: 6, broken: null });
    expect(report.head?.id).toBe(rowIds[5]);
    expect(await checkAuditAnchor(handle.db, report.head!)).toBe(true);
  });

  it('the database refuses to change or delete rows in the first place', async () => {
    await expect(handle.db.execute(sql`update audit_log set action = 'forged'`)).rejects.toThrow();
    await expect(handle.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('names an edited row', async () => {
    const report = await tamperAndVerify(async (tx, rowIds) => {
      await tx.execute(sql`update audit_log set details = '{"n": 99}'::jsonb where id = ${rowIds[2]}`);
    });
    expect(report.ok).toBe(false);
    expect(report.broken).toMatchObject({ reason: 'hash', action: 'evidence.viewed' });
    expect(report.broken?.id).toBe((await ids(handle.db))[2]);
    expect(report.checked).toBe(2);
  });

  it('names the row after a deleted one', async () => {
    const rowIds = await ids(handle.db);
    const report = await tamperAndVerify(async (tx) => {
      await tx.execute(sql`delete from audit_log where id = ${rowIds[3]}`);
    });
    expect(report.broken).toMatchObject({ id: rowIds[4], reason: 'link' });
  });

  it('catches an edit whose hash was recomputed, at the next row', async () => {
    const rowIds = await ids(handle.db);
    const report = await tamperAndVerify(async (tx) => {
      await tx.execute(sql`update audit_log set subject_id = 'someone-else' where id = ${rowIds[1]}`);
      await tx.execute(
        sql`update audit_log set hash = audit_log_digest(prev_hash, id, occurred_at, actor_user_id, action, case_id, subject_type, subject_id, ip, details) where id = ${rowIds[1]}`,
      );
    });
    expect(report.broken).toMatchObject({ id: rowIds[2], reason: 'link' });
  });

  it('a rewritten tail passes the chain but not an anchor recorded before', async () => {
    const rowIds = await ids(handle.db);
    const anchor = (await verifyAuditChain(handle.db)).head!;
    let anchorHolds = true;
    await handle.db
      .transaction(async (tx) => {
        await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
        await tx.execute(sql`delete from audit_log where id = ${rowIds[5]}`);
        expect((await verifyAuditChain(tx)).ok).toBe(true);
        anchorHolds = await checkAuditAnchor(tx, anchor);
        tx.rollback();
      })
      .catch(() => {});
    expect(anchorHolds).toBe(false);
  });
});

describe('npm run audit:verify', () => {
  const verifyCli = (args: string[]) =>
    spawnSync(process.execPath, [require.resolve('tsx/cli'), 'lib/audit/verify-cli.ts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
    });

  it('says what is wrong and what to do on a data folder without a database, and creates none', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-audit-empty-'));
    try {
      const run = verifyCli(['--data-dir', dataDir]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('There is no database in');
      expect(run.stderr).toContain('npm run db:migrate');
      expect(run.stderr + run.stdout).not.toMatch(/Failed query|select |relation/i);
      expect(fs.existsSync(path.join(dataDir, 'pgdata'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('says the database was never migrated when it has no audit trail table', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-audit-bare-'));
    try {
      await (await openDatabaseAt({ dataDir })).close();
      const run = verifyCli(['--data-dir', dataDir]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('never migrated');
      expect(run.stderr + run.stdout).not.toMatch(/Failed query|relation/i);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('exits 0 on an intact embedded database and 1 naming the row after tampering', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-audit-'));
    try {
      const own = await openDatabaseAt({ dataDir });
      await migrateDatabase(own);
      await writeEntries(own.db, 3);
      const [, second] = await ids(own.db);
      await own.close();
      const run = () =>
        spawnSync(process.execPath, [require.resolve('tsx/cli'), 'lib/audit/verify-cli.ts', '--data-dir', dataDir], {
          encoding: 'utf8',
          env: { ...process.env, DATABASE_URL: '' },
        });
      const intact = run();
      expect(intact.stdout).toContain('OK: 3 rows');
      expect(intact.status).toBe(0);

      const again = await openDatabaseAt({ dataDir });
      await again.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await again.db.execute(sql`update audit_log set ip = '10.0.0.1' where id = ${second}`);
      await again.close();
      const broken = run();
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain(`BROKEN at audit_log row ${second}`);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
