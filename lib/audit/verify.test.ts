import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type DatabaseHandle, openDatabaseAt } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { auditChainHeads, auditLog } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';
import { createTestCase } from '@/tests/helpers/users';
import { type AnchorLog, anchorAuditHeads, readAuditAnchors } from './anchors';
import { canonicalAuditText } from './digest';
import { recordAudit } from './record';
import { type AuditVerification, verifyAuditChain, verifyAuditChains } from './verify';
import { createHash } from 'node:crypto';

let handle: DatabaseHandle;
let caseA: string;
let caseB: string;
const anchorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-anchors-'));
const NO_ANCHORS: AnchorLog = { anchors: [], badLines: [] };

beforeAll(async () => {
  handle = await setupTestDatabase();
  caseA = (await createTestCase(handle.db)).id;
  caseB = (await createTestCase(handle.db)).id;
  await writeEntries(handle.db, 4, caseA);
  await writeEntries(handle.db, 3, caseB);
  await writeEntries(handle.db, 2, null);
});

afterAll(() => fs.rmSync(anchorDir, { recursive: true, force: true }));

async function writeEntries(db: Database, n: number, caseId: string | null): Promise<void> {
  for (let i = 0; i < n; i++) {
    await recordAudit(db, {
      action: i % 2 ? 'review.verified' : 'evidence.viewed',
      actorUserId: null,
      caseId,
      subjectType: 'claimant',
      subjectId: `c-${i}`,
      ip: '198.51.100.4',
      details: { n: i, sha256: 'ab'.repeat(32), nested: { b: 1, a: [1, 2] } },
    });
  }
}

async function rowsOf(db: Database, chain: string) {
  return db.select().from(auditLog).where(eq(auditLog.chain, chain)).orderBy(auditLog.seq);
}

/**
 * Tampering as a database superuser would: switch the append-only trigger off, change the trail,
 * check, and roll all of it back so every test starts from the same intact chains.
 */
async function tamperAndVerify(tamper: (tx: Database) => Promise<void>, anchorLog = NO_ANCHORS): Promise<AuditVerification> {
  let report: AuditVerification | undefined;
  await handle.db
    .transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await tamper(tx);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
      report = await verifyAuditChains(tx, { batchSize: 2, anchorLog });
      tx.rollback();
    })
    .catch((error: Error) => {
      if (!/rollback/i.test(error.message)) throw error;
    });
  if (!report) throw new Error('no report');
  return report;
}

const brokenChain = (report: AuditVerification) => report.chains.find((chain) => !chain.ok);

describe('audit chains', () => {
  it('keeps one chain per case and one for the platform, each numbered from 1 and linked', async () => {
    for (const [chain, n] of [
      [caseA, 4],
      [caseB, 3],
      ['platform', 2],
    ] as const) {
      const rows = await rowsOf(handle.db, chain);
      expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: n }, (_, index) => index + 1));
      expect(rows[0].prevHash).toBe('');
      for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    }
    const [head] = await handle.db.select().from(auditChainHeads).where(eq(auditChainHeads.chain, caseA));
    expect(head.seq).toBe(4);
  });

  it('hashes with a key: recomputing an unkeyed SHA-256 of the same content does not give the stored hash', async () => {
    const [row] = await rowsOf(handle.db, caseA);
    const unkeyed = createHash('sha256')
      .update(canonicalAuditText({ ...row, chain: row.chain }))
      .digest('hex');
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.hash).not.toBe(unkeyed);
    expect(row.keyId).toBe('ta1');
  });

  it('writes in two cases at once without waiting on each other: a held case A does not block case B', async () => {
    let releaseA!: () => void;
    const holding = new Promise<void>((resolve) => (releaseA = resolve));
    let aLocked!: () => void;
    const aHasLock = new Promise<void>((resolve) => (aLocked = resolve));
    const caseATransaction = handle.db.transaction(async (tx) => {
      await recordAudit(tx, { action: 'review.verified', actorUserId: null, caseId: caseA });
      aLocked();
      await holding;
      tx.rollback();
    });
    await aHasLock;
    // PGlite runs one connection, so only PostgreSQL can show two transactions at once.
    if (process.env.DATABASE_URL) {
      const started = Date.now();
      await recordAudit(handle.db, { action: 'review.verified', actorUserId: null, caseId: caseB });
      expect(Date.now() - started).toBeLessThan(2_000);
    }
    releaseA();
    await caseATransaction.catch(() => {});
    if (process.env.DATABASE_URL) {
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
        await tx.execute(sql`delete from audit_log where chain = ${caseB} and seq = 4`);
        await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
        await tx
          .update(auditChainHeads)
          .set({ seq: 3, hash: (await rowsOf(tx, caseB))[2].hash })
          .where(eq(auditChainHeads.chain, caseB));
      });
    }
    expect((await verifyAuditChains(handle.db, { anchorLog: NO_ANCHORS })).ok).toBe(true);
  });
});

describe('audit chain verification (in application code)', () => {
  it('passes intact chains and reports each head, across batch boundaries', async () => {
    const report = await verifyAuditChains(handle.db, { batchSize: 2, anchorLog: NO_ANCHORS });
    expect(report).toMatchObject({ ok: true, checked: 9 });
    expect(report.chains.map((chain) => chain.chain)).toEqual(['platform', ...[caseA, caseB].sort()]);
    const reportA = await verifyAuditChain(handle.db, caseA);
    expect(reportA.head?.seq).toBe(4);
  });

  it('the database refuses to change or delete rows in the first place', async () => {
    await expect(handle.db.execute(sql`update audit_log set action = 'forged'`)).rejects.toThrow();
    await expect(handle.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('names an edited row in its chain, and still checks the other chains', async () => {
    const report = await tamperAndVerify(async (tx) => {
      await tx.execute(sql`update audit_log set details = '{"n": 99}'::jsonb where chain = ${caseA} and seq = 3`);
    });
    expect(report.ok).toBe(false);
    expect(brokenChain(report)).toMatchObject({ chain: caseA, checked: 2, broken: { seq: 3, reason: 'hash', action: 'evidence.viewed' } });
    expect(report.chains.filter((chain) => chain.ok)).toHaveLength(2);
  });

  it('catches a row re-hashed without the key (the old unkeyed recomputation) at that row', async () => {
    const report = await tamperAndVerify(async (tx) => {
      const [row] = await rowsOf(tx, caseB);
      const forged = createHash('sha256')
        .update(canonicalAuditText({ ...row, subjectId: 'someone-else' }))
        .digest('hex');
      await tx.execute(sql`update audit_log set subject_id = 'someone-else', hash = ${forged} where id = ${row.id}`);
      await tx.execute(sql`update audit_log set prev_hash = ${forged} where chain = ${caseB} and seq = 2`);
    });
    expect(brokenChain(report)).toMatchObject({ chain: caseB, broken: { seq: 1, reason: 'hash' } });
  });

  it('names the row after a deleted one', async () => {
    const report = await tamperAndVerify(async (tx) => {
      await tx.execute(sql`delete from audit_log where chain = ${caseA} and seq = 2`);
    });
    expect(brokenChain(report)).toMatchObject({ chain: caseA, broken: { seq: 3, reason: 'gap' } });
  });

  it('catches a cut tail by the head row', async () => {
    const report = await tamperAndVerify(async (tx) => {
      await tx.execute(sql`delete from audit_log where chain = 'platform' and seq = 2`);
    });
    expect(brokenChain(report)).toMatchObject({ chain: 'platform', broken: { reason: 'head', seq: 2 } });
  });

  it('a tail cut together with its head row passes the database alone, but not the anchor log kept outside it', async () => {
    const file = path.join(anchorDir, 'cut-tail.jsonl');
    expect(await anchorAuditHeads(handle.db, file)).toBe(3);
    expect(await anchorAuditHeads(handle.db, file)).toBe(0);
    const cut = async (tx: Database) => {
      const rows = await rowsOf(tx, caseA);
      await tx.execute(sql`delete from audit_log where chain = ${caseA} and seq = 4`);
      await tx.update(auditChainHeads).set({ seq: 3, hash: rows[2].hash }).where(eq(auditChainHeads.chain, caseA));
    };
    expect((await tamperAndVerify(cut)).ok).toBe(true);
    const anchored = await tamperAndVerify(cut, readAuditAnchors(file));
    expect(brokenChain(anchored)).toMatchObject({ chain: caseA, broken: { reason: 'anchor', seq: 4 } });
  });

  it('refuses an anchor log that was edited', async () => {
    const file = path.join(anchorDir, 'edited.jsonl');
    await anchorAuditHeads(handle.db, file);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    const first = JSON.parse(lines[0]) as { seq: number };
    lines[0] = JSON.stringify({ ...first, seq: first.seq + 10 });
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const log = readAuditAnchors(file);
    expect(log.badLines).toEqual([1]);
    expect((await verifyAuditChains(handle.db, { anchorLog: log })).ok).toBe(false);
  });
});

describe('npm run audit:verify', () => {
  const verifyCli = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [require.resolve('tsx/cli'), 'lib/audit/verify-cli.ts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '', ...env },
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

  it('exits 0 and anchors the heads on an intact embedded database, 1 naming the entry after tampering', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-audit-'));
    try {
      const own = await openDatabaseAt({ dataDir });
      await migrateDatabase(own);
      await writeEntries(own.db, 3, null);
      const [, second] = await rowsOf(own.db, 'platform');
      await own.close();
      const intact = verifyCli(['--data-dir', dataDir]);
      expect(intact.stdout).toContain('OK: 3 entries in 1 chains');
      expect(intact.status).toBe(0);
      expect(readAuditAnchors(path.join(dataDir, 'audit-anchors.jsonl')).anchors).toMatchObject([{ chain: 'platform', seq: 3 }]);

      const again = await openDatabaseAt({ dataDir });
      await again.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await again.db.execute(sql`update audit_log set ip = '10.0.0.1' where id = ${second.id}`);
      await again.close();
      const broken = verifyCli(['--data-dir', dataDir]);
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain(`BROKEN chain platform at entry 2 (audit_log row ${second.id}`);
      expect(
        verifyCli(['--data-dir', dataDir], { JOINDER_AUDIT_KEYS: `other:${Buffer.alloc(32, 7).toString('base64')}` }).stderr,
      ).toContain('key id this server does not hold');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    // Three CLI runs, each opening the embedded database in a process of its own.
  }, 180_000);
});
