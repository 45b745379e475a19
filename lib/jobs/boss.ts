import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import { type Db as IDatabase, PgBoss, fromDrizzle, fromPglite } from 'pg-boss';
import { type DatabaseHandle, getDatabaseHandle } from '@/db/client';
import type { Database } from '@/db/client';
import { getEnv } from '@/lib/env';
import type { JobKind } from './types';

/** pg-boss keeps its tables in a schema of its own, beside ours and outside drizzle's migrations. */
export const JOB_SCHEMA = 'pgboss';
/** One dead letter queue for every kind: what failed for good waits here for an admin (/admin/jobs). */
export const DEAD_LETTER_QUEUE = 'joinder.dead';
/** A dead letter is kept a year, then pg-boss's maintenance deletes it. */
const DEAD_LETTER_RETENTION_SECONDS = 365 * 24 * 3600;
/**
 * A running job proves it is alive this often; a job whose process died (SIGKILL, a crash) is
 * retried by any other instance once this lapses, instead of pg-boss's 15-minute expiry.
 */
export const HEARTBEAT_SECONDS = 30;

/**
 * pg-boss runs statements through our own connection: PGlite's single instance (it cannot be
 * opened twice), or the `pg` Pool of db/client.ts on PostgreSQL, so nobody else connects.
 */
function adaptHandle(handle: DatabaseHandle): IDatabase {
  const client = (handle.db as unknown as { $client: unknown }).$client;
  if (handle.driver === 'pglite') return fromPglite(client as Parameters<typeof fromPglite>[0]);
  const pool = client as Pool;
  // Without parameters pg uses the simple protocol, which the multi-statement DDL of pg-boss's migrations needs.
  return { executeSql: (text: string, values?: unknown[]) => pool.query(text, values?.length ? values : undefined) };
}

/**
 * A pg-boss view of a drizzle database or transaction: `send({ db })` through it writes the job
 * in the caller's transaction, so the job exists exactly when the action that caused it commits.
 */
export function jobDb(db: Database): IDatabase {
  return fromDrizzle(db as never, sql as never);
}

/** Queue options of a kind: retries with exponential backoff, a heartbeat, and the shared dead letter queue. */
export function queueOptionsOf(kind: JobKind) {
  return {
    retryLimit: Math.max(0, (kind.maxAttempts ?? 3) - 1),
    retryDelay: kind.retryDelaySeconds ?? 5,
    retryBackoff: true,
    retryDelayMax: 15 * 60,
    expireInSeconds: kind.expireInSeconds ?? 2 * 3600,
    heartbeatSeconds: HEARTBEAT_SECONDS,
    deadLetter: DEAD_LETTER_QUEUE,
  };
}

/**
 * Creates pg-boss's schema (or migrates it to this release) and every registered queue, through a
 * short-lived instance on the given handle. Part of db/migrate.ts, so a fresh database, a test
 * database (and the tests' pre-migrated snapshot) and an upgraded one all have it, on either driver.
 */
export async function installJobQueue(handle: DatabaseHandle, kinds: readonly JobKind[]): Promise<void> {
  const boss = new PgBoss({ db: adaptHandle(handle), backend: handle.driver, schema: JOB_SCHEMA, supervise: false, schedule: false });
  boss.on('error', (error) => console.warn('[joinder] job queue:', error.message));
  await boss.start();
  try {
    await ensureQueues(boss, kinds);
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
}

async function ensureQueues(boss: PgBoss, kinds: readonly JobKind[]): Promise<void> {
  // createQueue leaves an existing queue alone, so options changed in code are applied with updateQueue.
  const existing = new Set((await boss.getQueues()).map((queue) => queue.name));
  if (!existing.has(DEAD_LETTER_QUEUE)) await boss.createQueue(DEAD_LETTER_QUEUE, { retentionSeconds: DEAD_LETTER_RETENTION_SECONDS });
  for (const kind of kinds) {
    const options = queueOptionsOf(kind);
    // A queue's policy is fixed when it is created; the rest follows the code.
    if (existing.has(kind.id)) await boss.updateQueue(kind.id, options);
    else await boss.createQueue(kind.id, { ...options, policy: kind.policy ?? 'standard' });
  }
}

const BOSS_KEY = Symbol.for('joinder.jobQueue');
type GlobalWithBoss = typeof globalThis & { [BOSS_KEY]?: { handle: DatabaseHandle; boss: Promise<PgBoss>; kinds: Set<string> } };

/**
 * This process's pg-boss over the shared database handle, started once (db/migrate.ts installed
 * its schema and queues; starting checks them again). Start it before the first transaction that
 * enqueues: on PGlite's single connection, a start inside a transaction would wait on it forever
 * (lib/server/boot.ts and the test setup do). It supervises (retries jobs whose heartbeat
 * lapsed, deletes old ones) and runs cron only where the runner is on (JOINDER_JOBS=on); elsewhere (tests, CLIs) it only sends,
 * fetches and settles.
 */
export async function getJobQueue(): Promise<PgBoss> {
  const handle = await getDatabaseHandle();
  const g = globalThis as GlobalWithBoss;
  // A new handle (tests reopen the database, closeDb) gets a new instance.
  if (g[BOSS_KEY]?.handle !== handle) {
    const isRunner = getEnv().JOINDER_JOBS === 'on';
    const boss = new PgBoss({
      db: adaptHandle(handle),
      backend: handle.driver,
      schema: JOB_SCHEMA,
      supervise: isRunner,
      // A job whose instance died is retried once its heartbeat (30 s) has lapsed and a supervise
      // pass has monitored its queue: at pg-boss's defaults of a pass a minute, that took up to 90 s.
      superviseIntervalSeconds: 10,
      monitorIntervalSeconds: 10,
      schedule: isRunner,
    });
    boss.on('error', (error) => console.warn('[joinder] job queue:', error.message));
    const kinds = new Set<string>();
    const started = (async () => {
      await boss.start();
      // The queues db/migrate.ts created for lib/server/job-registry.ts; nothing else may be sent to.
      for (const queue of await boss.getQueues()) kinds.add(queue.name);
      return boss;
    })();
    g[BOSS_KEY] = { handle, boss: started, kinds };
    started.catch(() => {
      if (g[BOSS_KEY]?.boss === started) g[BOSS_KEY] = undefined;
    });
  }
  return g[BOSS_KEY]!.boss;
}

/**
 * Whether pg-boss knows a queue for this kind. Checked before a send: a send to an unknown queue
 * would look the queue up outside the caller's transaction, which PGlite's one connection cannot
 * serve while that transaction holds it.
 */
export async function isRegisteredKind(kindId: string): Promise<boolean> {
  await getJobQueue();
  return (globalThis as GlobalWithBoss)[BOSS_KEY]?.kinds.has(kindId) ?? false;
}

export async function stopJobQueue(): Promise<void> {
  const g = globalThis as GlobalWithBoss;
  const current = g[BOSS_KEY];
  g[BOSS_KEY] = undefined;
  if (current) await (await current.boss).stop({ graceful: true, close: false, timeout: 10_000 });
}

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

/** A job's state in pg-boss, null when it is gone (deleted after its retention). */
export async function getJobState(db: Database, kindId: string, jobId: string): Promise<JobState | null> {
  const result = await db.execute(sql`select state from ${sql.identifier(JOB_SCHEMA)}.job where name = ${kindId} and id = ${jobId}::uuid`);
  return (result as unknown as { rows: { state: JobState }[] }).rows[0]?.state ?? null;
}

/** Cancels a queued or running job in the caller's transaction; its worker's signal aborts at the next heartbeat. */
export async function cancelQueuedJob(db: Database, kindId: string, jobId: string): Promise<void> {
  const boss = await getJobQueue();
  await boss.cancel(kindId, jobId, { db: jobDb(db) });
}
