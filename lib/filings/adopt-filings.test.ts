import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { filings } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';
import { listJobs, runQueuedJobs } from '@/tests/helpers/jobs';
import { adoptOrphanedFilings } from './adopt-filings';
import { createFiling } from './create-filing';
import { FILING_GENERATE_JOB } from './job-kind';
import { parseFilingRequest } from './schemas';
import { type FilingWorld, TEST_NOW, createFilingWorld, packetRequest } from './test-world';

let handle: DatabaseHandle;
let world: FilingWorld;
beforeAll(async () => {
  handle = await setupTestDatabase();
  world = await createFilingWorld(handle.db, { verified: 2 });
});

const filingRow = async (id: string) => (await handle.db.select().from(filings).where(eq(filings.id, id)))[0];

describe('adoptOrphanedFilings', () => {
  it('queues a new job for a filing whose job pg-boss does not have (one requested before pg-boss), once', async () => {
    const { filingId } = await createFiling(
      handle.db,
      { userId: world.lawyerA.id, ip: null },
      world.caseA,
      parseFilingRequest(packetRequest({ docDeclarations: '', powerOfAttorney: 'none' })),
      TEST_NOW,
    );
    // A filing that still has its job is left alone.
    expect(await adoptOrphanedFilings(handle.db)).toBe(0);
    const legacyJobId = crypto.randomUUID(); // what migration 0031 carries over from the old jobs table
    await handle.db.update(filings).set({ jobId: legacyJobId, status: 'running' }).where(eq(filings.id, filingId));
    await runQueuedJobs(handle.db, [FILING_GENERATE_JOB]); // its old pg-boss job is not its own any more: it does nothing

    expect(await adoptOrphanedFilings(handle.db)).toBe(1);
    const adopted = await filingRow(filingId);
    expect(adopted.status).toBe('queued');
    expect(adopted.jobId).not.toBe(legacyJobId);
    expect((await listJobs(handle.db, FILING_GENERATE_JOB)).find((job) => job.id === adopted.jobId)).toMatchObject({
      state: 'created',
      data: { filingId },
    });
    expect(await adoptOrphanedFilings(handle.db)).toBe(0);

    await runQueuedJobs(handle.db, [FILING_GENERATE_JOB]);
    expect((await filingRow(filingId)).status).toBe('done');
  });
});
