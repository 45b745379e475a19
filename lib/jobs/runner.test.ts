import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';
import type { Database } from '@/db/client';
import { auditLog } from '@/db/schema';
import { filingGenerateKind } from '@/lib/filings/job-kind';
import { passwordResetMailKind } from '@/lib/users/password-reset';
import { setupTestDatabase } from '@/tests/helpers/database';
import { countJobs, listJobs, runQueuedJobs } from '@/tests/helpers/jobs';
import { actAs } from '@/tests/helpers/next-context';
import { createTestUser } from '@/tests/helpers/users';
import { retryDeadLetterAction } from './actions';
import { DEAD_LETTER_QUEUE, JOB_SCHEMA, getJobQueue, jobDb } from './boss';
import { listDeadLetters, retryDeadLetter } from './dead-letters';
import { defineCron, defineJobKind, enqueue } from './define';
import { readJobProgress } from './progress';
import { BLOB_MIGRATION_JOB, blobMigrationKind } from './blob-migration-job';
import { MAIL_SWEEP_JOB } from './mail-job';
import { SOAK_STEPS_JOB, soakStepsKind } from './soak-job';

// The soak kind is the runner's test subject: registered only where this is set (lib/server/job-registry.ts).
vi.hoisted(() => {
  process.env.JOINDER_SOAK_JOBS = '1';
});
vi.mock('next-auth', async () => (await import('@/tests/helpers/next-context')).nextAuthMock);
vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);
vi.mock('next-intl/server', async () => (await import('@/tests/helpers/next-context')).nextIntlServerMock);
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

let db: Database;
let adminId: string;
let memberId: string;
beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  adminId = (await createTestUser(db, { isPlatformAdmin: true })).id;
  memberId = (await createTestUser(db, {})).id;
});

/** Sends a raw job straight to pg-boss, as an older release or a hand-written row would. */
async function sendRaw(kind: string, data: object): Promise<string> {
  return (await (await getJobQueue()).send(kind, data))!;
}

/** Lets a job waiting out its retry backoff run now. */
async function skipBackoff(kind: string): Promise<void> {
  await db.execute(sql`update ${sql.identifier(JOB_SCHEMA)}.job set start_after = now() where name = ${kind} and state = 'retry'`);
}

async function deadLetterOf(sourceId: string) {
  const result = await db.execute(
    sql`select id from ${sql.identifier(JOB_SCHEMA)}.job where name = ${DEAD_LETTER_QUEUE} and source_id = ${sourceId}::uuid`,
  );
  return (result as unknown as { rows: { id: string }[] }).rows[0]?.id;
}

describe('typed job kinds', () => {
  it('refuses a payload that does not match the kind and queues nothing', async () => {
    const before = await countJobs(db, filingGenerateKind.id);
    await expect(enqueue(db, filingGenerateKind, { filingId: 'not-a-uuid' })).rejects.toBeInstanceOf(ZodError);
    expect(await countJobs(db, filingGenerateKind.id)).toBe(before);
  });

  it('refuses a kind that has no queue (not in the registry), before touching the transaction', async () => {
    const stray = defineJobKind({ id: 'nobody.runs.this', payload: filingGenerateKind.payload });
    await expect(db.transaction((tx) => enqueue(tx, stray, { filingId: crypto.randomUUID() }))).rejects.toThrow('has no queue');
  });

  it('enqueues in the caller’s transaction: the job exists when the action commits, and not when it rolls back', async () => {
    const rolledBack = crypto.randomUUID();
    await expect(
      db.transaction(async (tx) => {
        await enqueue(tx, filingGenerateKind, { filingId: rolledBack });
        throw new Error('the action failed after queuing');
      }),
    ).rejects.toThrow('the action failed');
    const committed = crypto.randomUUID();
    const { id } = await db.transaction((tx) => enqueue(tx, filingGenerateKind, { filingId: committed }));
    const queued = await listJobs(db, filingGenerateKind.id);
    expect(queued.some((job) => job.data.filingId === rolledBack)).toBe(false);
    expect(queued.find((job) => job.id === id)).toMatchObject({ state: 'created', data: { filingId: committed } });
  });

  it('checks a cron’s payload when it is defined', () => {
    expect(() => defineCron(soakStepsKind, { cron: '0 9 * * *', payload: { steps: -1 } }, async () => {})).toThrow(ZodError);
    expect(defineCron(soakStepsKind, { cron: '0 9 * * *', payload: {} }, async () => {})).toMatchObject({
      cron: '0 9 * * *',
      tz: 'Asia/Seoul',
    });
  });
});

describe('the runner', () => {
  it('runs a job to completion through its handler', async () => {
    const id = await sendRaw(SOAK_STEPS_JOB, { steps: 2, stepMs: 0 });
    await runQueuedJobs(db, [SOAK_STEPS_JOB]);
    expect((await listJobs(db, SOAK_STEPS_JOB)).find((job) => job.id === id)?.state).toBe('completed');
    // Progress is only kept while a job may still need it.
    expect(await readJobProgress(db, id)).toEqual({ done: 0, total: 0 });
  });

  it('retries a failing job with backoff until its attempts are used up, then dead-letters it with its last error, and stops', async () => {
    const id = await sendRaw(SOAK_STEPS_JOB, { steps: 1, stepMs: 0 });
    // Every run fails at its first progress write (the soak queue allows 3 attempts).
    await db.execute(sql`alter table job_progress add constraint job_progress_fail check (done < 0) not valid`);
    try {
      await runQueuedJobs(db, [SOAK_STEPS_JOB]);
      let [job] = (await listJobs(db, SOAK_STEPS_JOB)).filter((row) => row.id === id);
      expect(job).toMatchObject({ state: 'retry', retryCount: 0 });
      // Backoff: the retry is not due yet, so nothing ran again.
      const [{ after }] = (
        (await db.execute(
          sql`select start_after > now() + interval '1 second' as after from ${sql.identifier(JOB_SCHEMA)}.job where id = ${id}::uuid`,
        )) as unknown as {
          rows: { after: boolean }[];
        }
      ).rows;
      expect(after).toBe(true);
      for (let attempt = 2; attempt <= 3; attempt++) {
        await skipBackoff(SOAK_STEPS_JOB);
        await runQueuedJobs(db, [SOAK_STEPS_JOB]);
      }
      [job] = (await listJobs(db, SOAK_STEPS_JOB)).filter((row) => row.id === id);
      expect(job).toMatchObject({ state: 'failed', retryCount: 2 });
      await skipBackoff(SOAK_STEPS_JOB);
      await runQueuedJobs(db, [SOAK_STEPS_JOB]);
      [job] = (await listJobs(db, SOAK_STEPS_JOB)).filter((row) => row.id === id);
      expect(job.state).toBe('failed'); // no loop: a failed job stays failed
      const deadId = await deadLetterOf(id);
      const letter = (await listDeadLetters(db)).find((dead) => dead.id === deadId);
      expect(letter).toMatchObject({ kind: SOAK_STEPS_JOB, attempts: 3, maxAttempts: 3 });
      expect(letter?.lastError).toContain('insert into "job_progress"');
    } finally {
      await db.execute(sql`alter table job_progress drop constraint job_progress_fail`);
    }
  });

  it('sends a job whose payload no longer matches its kind straight to the dead letters, without retrying, and without its payload', async () => {
    const id = await sendRaw(passwordResetMailKind.id, { email: 42 });
    await runQueuedJobs(db, [passwordResetMailKind.id]);
    const [job] = (await listJobs(db, passwordResetMailKind.id)).filter((row) => row.id === id);
    expect(job).toMatchObject({ state: 'failed', retryCount: 0 });
    const deadId = await deadLetterOf(id);
    const letter = (await listDeadLetters(db)).find((dead) => dead.id === deadId);
    expect(letter).toMatchObject({ kind: passwordResetMailKind.id, attempts: 1 });
    expect(letter?.lastError).toContain('bad payload for auth.password_reset_mail');
    expect(letter).not.toHaveProperty('payload');
  });

  it('resumes a job from the progress an earlier attempt saved', async () => {
    const boss = await getJobQueue();
    const id = (await boss.send(SOAK_STEPS_JOB, { steps: 3, stepMs: 0 }, { db: jobDb(db) }))!;
    await db.execute(sql`insert into job_progress (job_id, done, total) values (${id}::uuid, 2, 3)`);
    // A run that started over would write step 1 and fail here; a resumed one writes only step 3.
    await db.execute(sql`alter table job_progress add constraint job_progress_no_restart check (done <> 1) not valid`);
    try {
      await runQueuedJobs(db, [SOAK_STEPS_JOB]);
    } finally {
      await db.execute(sql`alter table job_progress drop constraint job_progress_no_restart`);
    }
    expect((await listJobs(db, SOAK_STEPS_JOB)).find((job) => job.id === id)).toMatchObject({ state: 'completed', retryCount: 0 });
  });
});

describe('kinds of this app', () => {
  it('sweeps the mail outbox as a job, with at most one sweep waiting however often it is nudged', async () => {
    const boss = await getJobQueue();
    const first = await boss.send(MAIL_SWEEP_JOB, {});
    const second = await boss.send(MAIL_SWEEP_JOB, {});
    expect(first).toBeTruthy();
    expect(second).toBeNull();
    await runQueuedJobs(db, [MAIL_SWEEP_JOB]);
    expect((await listJobs(db, MAIL_SWEEP_JOB)).find((job) => job.id === first)?.state).toBe('completed');
  });

  it('moves blobs as a job, and dead-letters a move to a store this server does not have instead of retrying it', async () => {
    const toPostgres = (await enqueue(db, blobMigrationKind, { target: 'postgres' })).id;
    const toS3 = (await enqueue(db, blobMigrationKind, { target: 's3' })).id;
    await runQueuedJobs(db, [BLOB_MIGRATION_JOB]);
    const jobs = await listJobs(db, BLOB_MIGRATION_JOB);
    expect(jobs.find((job) => job.id === toPostgres)?.state).toBe('completed');
    expect(jobs.find((job) => job.id === toS3)).toMatchObject({ state: 'failed', retryCount: 0 });
    const deadId = await deadLetterOf(toS3);
    expect((await listDeadLetters(db)).find((letter) => letter.id === deadId)?.lastError).toContain('no s3 store configured');
  });
});

describe('dead letters', () => {
  it('retries a dead job once, back on its own queue, with an audit row; a second retry changes nothing', async () => {
    const id = await sendRaw(passwordResetMailKind.id, { email: 7 });
    await runQueuedJobs(db, [passwordResetMailKind.id]);
    const deadId = (await deadLetterOf(id))!;
    expect(await retryDeadLetter(db, deadId, adminId)).toBe(true);
    expect(await retryDeadLetter(db, deadId, adminId)).toBe(false);
    expect((await listDeadLetters(db)).some((letter) => letter.id === deadId)).toBe(false);
    const again = (await listJobs(db, passwordResetMailKind.id)).filter((job) => job.state === 'created');
    expect(again).toHaveLength(1);
    const audits = (await db.select().from(auditLog)).filter((row) => row.action === 'job.retried' && row.subjectId === deadId);
    expect(audits).toHaveLength(1);
    expect(audits[0].actorUserId).toBe(adminId);
    await runQueuedJobs(db, [passwordResetMailKind.id]); // fails again, dead again: it does not loop
    expect((await listJobs(db, passwordResetMailKind.id)).filter((job) => job.state === 'created')).toHaveLength(0);
  });

  it('lets only platform admins retry, and says when the job is no longer dead', async () => {
    const id = await sendRaw(passwordResetMailKind.id, { email: 8 });
    await runQueuedJobs(db, [passwordResetMailKind.id]);
    const deadId = (await deadLetterOf(id))!;
    const form = new FormData();
    form.set('jobId', deadId);

    await actAs(db, memberId);
    expect((await retryDeadLetterAction(null, form))?.ok).toBe(false);
    expect((await listDeadLetters(db)).some((letter) => letter.id === deadId)).toBe(true);

    await actAs(db, adminId, { isStaff: true });
    const bad = new FormData();
    bad.set('jobId', 'x');
    expect((await retryDeadLetterAction(null, bad))?.ok).toBe(false);
    expect((await retryDeadLetterAction(null, form))?.ok).toBe(true);
    expect((await listDeadLetters(db)).some((letter) => letter.id === deadId)).toBe(false);
    const again = await retryDeadLetterAction(null, form);
    expect(again).toMatchObject({ ok: false, message: '이 작업은 더 이상 실패 상태가 아닙니다(이미 다시 시도됨).' });
  });
});
