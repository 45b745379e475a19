import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { filings } from '@/db/schema';
import { JOB_SCHEMA } from '@/lib/jobs/boss';
import { enqueue } from '@/lib/jobs/define';
import { FILING_GENERATE_JOB, filingGenerateKind } from './job-kind';

/**
 * Gives a new job to every queued or running filing that has none in pg-boss: filings requested
 * before jobs moved to pg-boss (their old job id came over in filings.job_id, migration jobs_on_pg_boss), or
 * whose job was deleted by hand. Safe with several instances: the filing's job id is swapped only
 * if no other instance swapped it first. Returns how many were queued again.
 */
export async function adoptOrphanedFilings(db: Database): Promise<number> {
  const orphans = await db
    .select({ id: filings.id, jobId: filings.jobId })
    .from(filings)
    .where(
      and(
        inArray(filings.status, ['queued', 'running']),
        sql`not exists (select 1 from ${sql.identifier(JOB_SCHEMA)}.job j where j.name = ${FILING_GENERATE_JOB} and j.id = ${filings.jobId})`,
      ),
    );
  let adopted = 0;
  for (const orphan of orphans) {
    const jobId = crypto.randomUUID();
    const queued = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(filings)
        .set({ jobId, status: 'queued', progressDone: 0 })
        .where(and(eq(filings.id, orphan.id), sql`${filings.jobId} is not distinct from ${orphan.jobId}`))
        .returning({ id: filings.id });
      if (!claimed) return false;
      await enqueue(tx, filingGenerateKind, { filingId: orphan.id }, { id: jobId });
      return true;
    });
    if (queued) adopted++;
  }
  return adopted;
}
