import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle } from '@/db/client';
import { metricCounters } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';
import { compactMetricCounters } from './compaction';
import { rebuildMetricCounters } from './counters';
import { createTestCase, insertSupporter } from './test-fixtures';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
});

async function keyTotals(caseId: string) {
  const rows = await handle.db
    .select({
      key: sql<string>`${metricCounters.metric} || '|' || ${metricCounters.dimension} || '|' || ${metricCounters.dimensionValue}`,
      total: sql<number>`sum(${metricCounters.delta})::int`,
    })
    .from(metricCounters)
    .where(eq(metricCounters.caseId, caseId))
    .groupBy(metricCounters.metric, metricCounters.dimension, metricCounters.dimensionValue);
  return Object.fromEntries(rows.filter((row) => row.total !== 0).map((row) => [row.key, row.total]));
}

describe('compaction under concurrent writes', () => {
  // Several connections are what this is about; the embedded database has one.
  it.runIf(process.env.DATABASE_URL)('loses and doubles nothing while signatures keep arriving on other connections', async () => {
    const found = await createTestCase(handle.db);
    const HOUR = 3600_000;
    // Old hours (settled, so compaction touches them) that live writes also hit: edits move old
    // signatures between regions, which writes into their original hour.
    const old = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        insertSupporter(handle.db, found.id, { region: 'seoul', createdAt: new Date(Date.now() - (3 + (index % 20)) * HOUR) }),
      ),
    );
    let isWriting = true;
    const writers = Array.from({ length: 6 }, async (_, writer) => {
      let step = 0;
      while (isWriting) {
        step++;
        const target = old[(writer * 15 + step) % old.length];
        await handle.db.transaction(async (tx) => {
          await insertSupporter(tx, found.id, {
            region: step % 2 ? 'busan' : 'jeju',
            createdAt: new Date(Date.now() - (step % 30) * HOUR),
          });
          await tx.execute(
            sql`update supporters set region = case when region = 'seoul' then 'gyeonggi' else 'seoul' end where id = ${target.id}`,
          );
        });
      }
    });
    for (let round = 0; round < 30; round++) {
      await compactMetricCounters(handle.db, found.id, new Date(Date.now() + 2 * HOUR));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    isWriting = false;
    await Promise.all(writers);
    const incremental = await keyTotals(found.id);
    await rebuildMetricCounters(handle.db, found.id);
    expect(incremental).toEqual(await keyTotals(found.id));
  });
});
