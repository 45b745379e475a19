import { execFileSync } from 'node:child_process';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { JobWithMetadata } from 'pg-boss';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, blobs, claimants, evidence, filingParts, filings } from '@/db/schema';
import { sha256Hex } from '@/lib/crypto/hash';
import { readVerifiedBlob } from '@/lib/blobs/blobs';
import { translateKey } from '@/lib/http/route';
import { getTranslator } from '@/lib/i18n/translator';
import { JOB_SCHEMA, cancelQueuedJob, getJobQueue } from '@/lib/jobs/boss';
import { executeJob, toQueuedJob } from '@/lib/server/job-execute';
import { setupTestDatabase } from '@/tests/helpers/database';
import { listJobs, runQueuedJobs } from '@/tests/helpers/jobs';
import { cancelFiling } from './cancel-filing';
import { createFiling } from './create-filing';
import { generateFiling } from './generate-job';
import { FILING_GENERATE_JOB } from './job-kind';
import { type PartPreflight, listFilingParts } from './queries';
import { parseFilingRequest } from './schemas';
import { type FilingWorld, TEST_NOW, createFilingWorld, insertFiledClaimant, packetRequest } from './test-world';

let handle: DatabaseHandle;
let world: FilingWorld;
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  handle = await setupTestDatabase();
  world = await createFilingWorld(handle.db);
});

const actor = () => ({ userId: world.lawyerA.id, ip: '203.0.113.9' });

async function request(values: Record<string, string> = {}) {
  return createFiling(handle.db, actor(), world.caseA, parseFilingRequest(packetRequest(values)), TEST_NOW);
}

/** Runs the queued filing jobs through the real runner (pg-boss workers), to the end. */
const runJobs = (options: { heartbeatRefreshSeconds?: number } = {}) => runQueuedJobs(handle.db, [FILING_GENERATE_JOB], options);

async function filingRow(filingId: string) {
  const [row] = await handle.db.select().from(filings).where(eq(filings.id, filingId));
  return row;
}

/** The filing's own job, found through filings.job_id (its one owner), as pg-boss holds it. */
async function jobOf(filingId: string) {
  const { jobId } = await filingRow(filingId);
  return (await listJobs(handle.db, FILING_GENERATE_JOB)).find((job) => job.id === jobId)!;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('filing.generate', () => {
  it('renders the packet in a worker, stores each part with its hash and pre-flight — once — and files nobody (a packet is a draft)', async () => {
    const { filingId } = await request();
    await runJobs();

    const filing = await filingRow(filingId);
    expect(filing.status).toBe('done');
    expect((await jobOf(filingId)).state).toBe('completed');
    const parts = await listFilingParts(handle.db, filingId);
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.reduce((sum, part) => sum + part.pageCount, 0)).toBe(filing.progressTotal);
    expect(filing.progressDone).toBe(filing.progressTotal);
    for (const part of parts) {
      const bytes = await readVerifiedBlob(handle.db, part.sha256);
      expect(sha256Hex(bytes!)).toBe(part.sha256);
      expect(bytes!.byteLength).toBe(part.byteSize);
      expect(Buffer.from(bytes!.subarray(0, 5)).toString()).toBe('%PDF-');
      const preflight = part.preflight as PartPreflight;
      expect(preflight.format).toBe('kr');
      expect(preflight.checks.filter((check) => !check.ok && check.severity === 'error')).toEqual([]);
      expect(preflight.documents.length).toBeGreaterThan(0);
    }
    expect(parts[parts.length - 1].batesLast).toMatch(/^SLM-\d{6}$/);
    if (hasPoppler) {
      const text = execFileSync('pdftotext', ['-', '-'], { input: (await readVerifiedBlob(handle.db, parts[0].sha256))! }).toString();
      expect(text.replace(/\s+/g, '')).toContain('소장');
      expect(text).toContain('홍길동');
    }

    // Its claimants are filed only when a lawyer records the court filing (record-court-filing.ts).
    const filed = await handle.db
      .select({ id: claimants.id })
      .from(claimants)
      .where(and(eq(claimants.caseId, world.caseA.id), eq(claimants.isOnFiling, true)));
    expect(filed).toEqual([]);
    const [generated] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'filing.generated'), eq(auditLog.subjectId, filingId)));
    expect(generated.details).toMatchObject({ version: 1, claimants: 5 });

    // A second run of the same job (a process that died after committing) changes nothing.
    const job = { id: filing.jobId!, kind: FILING_GENERATE_JOB, payload: { filingId }, attempt: 2, maxAttempts: 3 };
    const context = {
      db: handle.db,
      signal: new AbortController().signal,
      savedProgress: { done: 0, total: 0 },
      reportProgress: async () => {},
    };
    await generateFiling(filingId, job, context);
    // Nor does a job that is not the filing's own (a duplicate send).
    await generateFiling(filingId, { ...job, id: crypto.randomUUID() }, context);
    expect((await listFilingParts(handle.db, filingId)).map((part) => part.id)).toEqual(parts.map((part) => part.id));
  });

  it('makes a new version when generating again and leaves the earlier output untouched', async () => {
    const [v1] = await handle.db
      .select()
      .from(filings)
      .where(and(eq(filings.caseId, world.caseA.id), eq(filings.version, 1)));
    const before = await listFilingParts(handle.db, v1.id);
    const { filingId, version } = await request({ format: 'us', language: 'en', maxPartMb: '5' });
    expect(version).toBe(2);
    await runJobs();
    expect((await filingRow(filingId)).status).toBe('done');
    const parts = await listFilingParts(handle.db, filingId);
    // US: every exhibit is a separate attachment, after the exhibit index.
    expect(parts.map((part) => (part.preflight as PartPreflight).group)).toEqual(
      expect.arrayContaining(['main', 'exhibitIndex', 'exhibit']),
    );
    expect(parts.every((part) => (part.preflight as PartPreflight).format === 'us')).toBe(true);
    expect(await listFilingParts(handle.db, v1.id)).toEqual(before);
  });

  it('stops on an evidence file whose bytes no longer match their hash: failed, named, nothing stored', async () => {
    const tampered = await insertFiledClaimant(handle.db, world.caseA.id, { evidenceFiles: 1 });
    const { filingId } = await request({
      claimantSource: 'references',
      references: tampered.referenceNumber!,
      selectionName: '변조 확인',
      docAppointment: '',
    });
    const [file] = await handle.db.select({ sha256: evidence.sha256 }).from(evidence).where(eq(evidence.claimantId, tampered.id));
    // Blobs have no immutability trigger: this is what bit rot or a tampered database looks like.
    await handle.db
      .update(blobs)
      .set({ bytes: new TextEncoder().encode('%PDF-1.4 tampered') })
      .where(eq(blobs.sha256, file.sha256));

    await runJobs();
    const filing = await filingRow(filingId);
    expect(filing.status).toBe('failed');
    expect(filing.error).toMatch(/^filings\.errors\.hashMismatch\|/);
    const message = translateKey(getTranslator('ko'), filing.error!);
    expect(message).toContain('갑 제1호증');
    expect(message).toContain('bill-1.pdf');
    expect(translateKey(getTranslator('en'), filing.error!)).toContain('SHA-256');
    expect(await listFilingParts(handle.db, filingId)).toEqual([]);
    // A permanent failure: not retried, straight to the dead letters.
    expect(await jobOf(filingId)).toMatchObject({ state: 'failed', retryCount: 0 });
    const [row] = await handle.db.select({ isOnFiling: claimants.isOnFiling }).from(claimants).where(eq(claimants.id, tampered.id));
    expect(row.isOnFiling).toBe(false);
    expect(
      await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'filing.failed'), eq(auditLog.subjectId, filingId))),
    ).toHaveLength(1);
    await handle.db.update(claimants).set({ status: 'rejected' }).where(eq(claimants.id, tampered.id));
  });

  it('can be cancelled while it renders: the worker stops and nothing is stored', async () => {
    const { filingId, version } = await request({ powerOfAttorney: 'per_claimant' });
    const running = runJobs();
    await waitFor(async () => (await filingRow(filingId)).status === 'running');
    await cancelFiling(handle.db, actor(), world.caseA.id, version);
    const started = Date.now();
    await running;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await filingRow(filingId)).status).toBe('cancelled');
    expect((await jobOf(filingId)).state).toBe('cancelled');
    expect(await handle.db.select().from(filingParts).where(eq(filingParts.filingId, filingId))).toEqual([]);
    expect(
      await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'filing.cancelled'), eq(auditLog.subjectId, filingId))),
    ).toHaveLength(1);
    await expect(cancelFiling(handle.db, actor(), world.caseA.id, version)).rejects.toMatchObject({ code: 'conflict' });
    await expect(cancelFiling(handle.db, actor(), world.caseB.id, version)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('follows a job cancelled in the queue itself: the filing does not stay running', async () => {
    const { filingId } = await request({ powerOfAttorney: 'per_claimant' });
    // pg-boss's heartbeat (each second here) finds the claim gone and aborts the job's signal.
    const running = runJobs({ heartbeatRefreshSeconds: 1 });
    await waitFor(async () => (await filingRow(filingId)).status === 'running');
    await cancelQueuedJob(handle.db, FILING_GENERATE_JOB, (await filingRow(filingId)).jobId!);
    await running;
    expect((await filingRow(filingId)).status).toBe('cancelled');
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'filing.cancelled'), eq(auditLog.subjectId, filingId)));
    expect(audit.details).toMatchObject({ via: 'job' });
  });

  it('survives a killed process: the stale job is reclaimed, renders from the start and commits once', async () => {
    // Enough claimants that the render is still going at the first progress report (one second in).
    const many = [];
    for (let index = 0; index < 30; index++) many.push(await insertFiledClaimant(handle.db, world.caseA.id));
    const references = many.map((claimant) => claimant.referenceNumber).join('\n');
    const { filingId } = await request({
      powerOfAttorney: 'per_claimant',
      claimantSource: 'references',
      references,
      selectionName: '재시작 확인',
    });
    const boss = await getJobQueue();
    const [job] = (await boss.fetch(FILING_GENERATE_JOB, { includeMetadata: true })) as JobWithMetadata<unknown>[];
    expect(job.id).toBe((await filingRow(filingId)).jobId);
    const kill = new AbortController();
    // The process "dies" at its first progress write: whatever it had rendered is lost, and nobody settles the job.
    const watch = setInterval(() => void filingRow(filingId).then((row) => row.progressDone > 0 && kill.abort(new Error('killed'))), 50);
    try {
      await executeJob(handle.db, job, kill.signal);
    } finally {
      clearInterval(watch);
    }
    expect(toQueuedJob(job).attempt).toBe(1);
    expect(await filingRow(filingId)).toMatchObject({ status: 'running', error: null });
    expect(await handle.db.select().from(filingParts).where(eq(filingParts.filingId, filingId))).toEqual([]);
    expect((await jobOf(filingId)).state).toBe('active');

    // Its heartbeat lapses; pg-boss's supervisor (any live instance) puts the job up for a retry.
    await handle.db.execute(
      sql`update ${sql.identifier(JOB_SCHEMA)}.job set heartbeat_on = now() - interval '1 hour' where id = ${job.id}::uuid`,
    );
    await boss.supervise(FILING_GENERATE_JOB);
    expect(await jobOf(filingId)).toMatchObject({ state: 'retry', retryCount: 0 });
    await handle.db.execute(sql`update ${sql.identifier(JOB_SCHEMA)}.job set start_after = now() where id = ${job.id}::uuid`);
    await runJobs();
    expect((await filingRow(filingId)).status).toBe('done');
    expect(await jobOf(filingId)).toMatchObject({ state: 'completed', retryCount: 1 });
    const parts = await listFilingParts(handle.db, filingId);
    expect(parts.map((part) => part.partNumber)).toEqual(parts.map((_, index) => index + 1));
    const generated = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'filing.generated'), inArray(auditLog.subjectId, [filingId])));
    expect(generated).toHaveLength(1);
  });
});
