import { execFileSync } from 'node:child_process';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { type Job, auditLog, blobs, claimants, evidence, filingParts, filings, jobs } from '@/db/schema';
import { sha256Hex } from '@/lib/crypto/hash';
import { readBlob } from '@/lib/evidence/blob-store';
import { translateKey } from '@/lib/http/route';
import { getTranslator } from '@/lib/i18n/translator';
import { STALE_AFTER_MS, cancelJob, claimNextJob, completeJob, failJob, heartbeatJob } from '@/lib/jobs/queue';
import { PermanentJobError } from '@/lib/jobs/types';
import { setupTestDatabase } from '@/tests/helpers/database';
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

async function claim(workerId: string, now?: Date): Promise<Job> {
  const job = await claimNextJob(handle.db, workerId, [FILING_GENERATE_JOB], now);
  if (!job) throw new Error('no filing job to claim');
  return job;
}

/** Runs a claimed job the way lib/jobs/runner.ts does, with its own signal and progress log. */
async function runLikeRunner(
  job: Job,
  workerId: string,
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
) {
  const signal = options.signal ?? new AbortController().signal;
  try {
    await generateFiling(job, {
      db: handle.db,
      signal,
      reportProgress: async (done, total) => {
        options.onProgress?.(done, total);
        await heartbeatJob(handle.db, job.id, workerId, { done, total });
      },
    });
    if (!signal.aborted) await completeJob(handle.db, job.id, workerId);
  } catch (error) {
    if (signal.aborted) return;
    await failJob(handle.db, job, workerId, (error as Error).message, !(error instanceof PermanentJobError));
  }
}

async function filingRow(filingId: string) {
  const [row] = await handle.db.select().from(filings).where(eq(filings.id, filingId));
  return row;
}

async function jobOf(filingId: string) {
  const [row] = await handle.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, FILING_GENERATE_JOB), sql`${jobs.payload}->>'filingId' = ${filingId}`));
  return row;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('filing.generate', () => {
  it('renders the packet in a worker, stores each part with its hash and pre-flight, and marks the claimants filed — once', async () => {
    const { filingId } = await request();
    const job = await claim('worker-a');
    const progress: [number, number][] = [];
    await runLikeRunner(job, 'worker-a', { onProgress: (done, total) => progress.push([done, total]) });

    const filing = await filingRow(filingId);
    expect(filing.status).toBe('done');
    expect((await jobOf(filingId)).status).toBe('done');
    const parts = await listFilingParts(handle.db, filingId);
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.reduce((sum, part) => sum + part.pageCount, 0)).toBe(filing.progressTotal);
    expect(filing.progressDone).toBe(filing.progressTotal);
    for (const part of parts) {
      const blob = await readBlob(handle.db, part.sha256);
      expect(sha256Hex(blob!.bytes)).toBe(part.sha256);
      expect(blob!.byteSize).toBe(part.byteSize);
      expect(Buffer.from(blob!.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
      const preflight = part.preflight as PartPreflight;
      expect(preflight.format).toBe('kr');
      expect(preflight.checks.filter((check) => !check.ok && check.severity === 'error')).toEqual([]);
      expect(preflight.documents.length).toBeGreaterThan(0);
    }
    expect(parts[parts.length - 1].batesLast).toMatch(/^SLM-\d{6}$/);
    if (hasPoppler) {
      const text = execFileSync('pdftotext', ['-', '-'], { input: (await readBlob(handle.db, parts[0].sha256))!.bytes }).toString();
      expect(text.replace(/\s+/g, '')).toContain('소장');
      expect(text).toContain('홍길동');
    }

    const filed = await handle.db
      .select({ id: claimants.id, isOnFiling: claimants.isOnFiling, filedAt: claimants.filedAt })
      .from(claimants)
      .where(eq(claimants.caseId, world.caseA.id));
    const onFiling = filed
      .filter((row) => row.isOnFiling)
      .map((row) => row.id)
      .sort();
    expect(onFiling).toEqual([...world.verified, world.withoutAppointment].map((claimant) => claimant.id).sort());
    expect(filed.find((row) => row.id === world.submitted.id)?.isOnFiling).toBe(false);
    const [generated] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'filing.generated'), eq(auditLog.subjectId, filingId)));
    expect(generated.details).toMatchObject({ version: 1, claimants: 5 });

    // A second run of the same job (a process that died after committing) changes nothing.
    await generateFiling(job, { db: handle.db, signal: new AbortController().signal, reportProgress: async () => {} });
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
    await runLikeRunner(await claim('worker-a'), 'worker-a');
    expect((await filingRow(filingId)).status).toBe('done');
    const parts = await listFilingParts(handle.db, filingId);
    // US: the exhibits are a separate attachment.
    expect(parts.map((part) => (part.preflight as PartPreflight).group)).toEqual(expect.arrayContaining(['main', 'exhibits']));
    expect(parts.every((part) => (part.preflight as PartPreflight).format === 'us')).toBe(true);
    expect(await listFilingParts(handle.db, v1.id)).toEqual(before);
    const filedAt = await handle.db.select({ filedAt: claimants.filedAt }).from(claimants).where(eq(claimants.id, world.verified[0].id));
    expect(filedAt[0].filedAt!.getTime()).toBeLessThan((await filingRow(filingId)).finishedAt!.getTime());
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

    await runLikeRunner(await claim('worker-a'), 'worker-a');
    const filing = await filingRow(filingId);
    expect(filing.status).toBe('failed');
    expect(filing.error).toMatch(/^filings\.errors\.hashMismatch\|/);
    const message = translateKey(getTranslator('ko'), filing.error!);
    expect(message).toContain('갑 제1호증');
    expect(message).toContain('bill-1.pdf');
    expect(translateKey(getTranslator('en'), filing.error!)).toContain('SHA-256');
    expect(await listFilingParts(handle.db, filingId)).toEqual([]);
    expect((await jobOf(filingId)).status).toBe('failed');
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
    const job = await claim('worker-a');
    const running = runLikeRunner(job, 'worker-a');
    await waitFor(async () => (await filingRow(filingId)).status === 'running');
    await cancelFiling(handle.db, actor(), world.caseA.id, version);
    const started = Date.now();
    await running;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await filingRow(filingId)).status).toBe('cancelled');
    expect((await jobOf(filingId)).status).toBe('cancelled');
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
    const job = await claim('worker-a');
    const runnerSignal = new AbortController();
    const running = runLikeRunner(job, 'worker-a', { signal: runnerSignal.signal });
    await waitFor(async () => (await filingRow(filingId)).status === 'running');
    // What the runner does when its heartbeat finds the job row cancelled.
    await cancelJob(handle.db, job.id);
    runnerSignal.abort(new Error('cancelled'));
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
    const job = await claim('dead-worker');
    const kill = new AbortController();
    // The process "dies" at its first progress report: whatever it had rendered is lost.
    await runLikeRunner(job, 'dead-worker', { signal: kill.signal, onProgress: () => kill.abort(new Error('killed')) });
    expect(await filingRow(filingId)).toMatchObject({ status: 'running', error: null });
    expect(await handle.db.select().from(filingParts).where(eq(filingParts.filingId, filingId))).toEqual([]);

    expect(await claimNextJob(handle.db, 'live-worker', [FILING_GENERATE_JOB])).toBeNull();
    const reclaimed = await claim('live-worker', new Date(Date.now() + STALE_AFTER_MS + 5_000));
    expect(reclaimed.id).toBe(job.id);
    expect(reclaimed.attempts).toBe(2);
    await runLikeRunner(reclaimed, 'live-worker');
    expect((await filingRow(filingId)).status).toBe('done');
    expect((await jobOf(filingId)).status).toBe('done');
    const parts = await listFilingParts(handle.db, filingId);
    expect(parts.map((part) => part.partNumber)).toEqual(parts.map((_, index) => index + 1));
    const generated = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'filing.generated'), inArray(auditLog.subjectId, [filingId])));
    expect(generated).toHaveLength(1);
  });
});
