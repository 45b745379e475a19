import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import { DEAD_LETTER_QUEUE, JOB_SCHEMA, getJobQueue, jobDb } from './boss';

export type DeadLetter = {
  /** The dead letter's own id in pg-boss's dead letter queue (what the retry button sends). */
  id: string;
  kind: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  finishedAt: Date;
  createdAt: Date;
};

const DEAD_LETTER_TABLE = sql`${sql.identifier(JOB_SCHEMA)}.job`;
/** pg-boss stores a handler's failure as given ({ message }) and its own (a timeout) as { value: { message } }. */
const LAST_ERROR = sql`coalesce(source_output ->> 'message', source_output -> 'value' ->> 'message', source_output::text)`;

type DeadLetterRow = {
  id: string;
  kind: string | null;
  retries: number | null;
  retry_limit: number | null;
  last_error: string | null;
  dead_on: Date | string;
  created_on: Date | string | null;
};

/**
 * Jobs that failed for good (retries used up, or a permanent error), newest first, read from
 * pg-boss's dead letter queue. Payloads are left out: they can carry personal data (a reset job's
 * address) the admin does not need to act.
 */
export async function listDeadLetters(db: Database, options: { limit?: number } = {}): Promise<DeadLetter[]> {
  const result = await db.execute(sql`
    select j.id, j.source_name as kind, j.source_retry_count as retries, q.retry_limit as retry_limit,
      j.created_on as dead_on, j.source_created_on as created_on, ${LAST_ERROR} as last_error
    from ${DEAD_LETTER_TABLE} j
    left join ${sql.identifier(JOB_SCHEMA)}.queue q on q.name = j.source_name
    where j.name = ${DEAD_LETTER_QUEUE} and j.state = 'created'
    order by j.created_on desc, j.id desc
    limit ${options.limit ?? 200}`);
  return (result as unknown as { rows: DeadLetterRow[] }).rows.map((row) => {
    const kind = row.kind ?? 'unknown';
    return {
      id: row.id,
      kind,
      attempts: (row.retries ?? 0) + 1,
      maxAttempts: (row.retry_limit ?? 0) + 1,
      lastError: row.last_error,
      finishedAt: new Date(row.dead_on),
      createdAt: new Date(row.created_on ?? row.dead_on),
    };
  });
}

/**
 * Sends a dead job back to its queue with a fresh set of attempts (pg-boss's redrive), in one
 * transaction with its audit row. Only a waiting dead letter moves: a second click, or one
 * retried meanwhile, changes nothing.
 */
export async function retryDeadLetter(db: Database, deadLetterId: string, actorUserId: string): Promise<boolean> {
  const boss = await getJobQueue();
  return db.transaction(async (tx) => {
    // Locked, so two admins clicking at once move it (and audit it) once.
    const found = await tx.execute(sql`
      select source_name as kind, ${LAST_ERROR} as last_error
      from ${DEAD_LETTER_TABLE}
      where name = ${DEAD_LETTER_QUEUE} and state = 'created' and id = ${deadLetterId}::uuid
      for update`);
    const [letter] = (found as unknown as { rows: { kind: string | null; last_error: string | null }[] }).rows;
    if (!letter) return false;
    const moved = await boss.redrive(DEAD_LETTER_QUEUE, { ids: [deadLetterId], db: jobDb(tx) });
    if (moved === 0) return false;
    await recordAudit(tx, {
      action: 'job.retried',
      actorUserId,
      subjectType: 'job',
      subjectId: deadLetterId,
      details: { kind: letter.kind, lastError: letter.last_error },
    });
    return true;
  });
}
