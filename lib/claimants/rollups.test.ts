import { and, eq, sql, sum } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { metricCounters } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { submitClaim } from '@/lib/intake/submit';
import { createClaimantUser, fillCompleteClaim } from '@/lib/intake/test-support';
import { rebuildMetricCounters } from '@/lib/metrics/counters';
import { setupTestDatabase } from '@/tests/helpers/database';
import { withdrawClaim } from './status-changes';

let db: Database;
let caseId: string;

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  caseId = (await seedDemoCase(db)).caseId;
});

async function snapshot(): Promise<Record<string, number>> {
  const rows = await db
    .select({
      key: sql<string>`${metricCounters.metric} || '|' || ${metricCounters.dimension} || '|' || ${metricCounters.dimensionValue}`,
      total: sum(metricCounters.delta).mapWith(Number),
    })
    .from(metricCounters)
    .where(and(eq(metricCounters.caseId, caseId), sql`${metricCounters.metric} like 'claimants.%'`))
    .groupBy(metricCounters.metric, metricCounters.dimension, metricCounters.dimensionValue);
  return Object.fromEntries(rows.filter((row) => row.total !== 0).map((row) => [row.key, row.total]));
}

describe('claimant rollups (insert fast path and general path together)', () => {
  it('count sign-ups, every saved step, submissions and a withdrawal exactly as a full recount does', async () => {
    const people = await Promise.all(Array.from({ length: 6 }, (_, index) => createClaimantUser(db, `rollup-${index}@example.com`)));
    for (const [index, person] of people.entries()) {
      if (index % 2) continue;
      const claimant = await fillCompleteClaim(db, person);
      await submitClaim(db, {
        claimant,
        caseRow: person.caseRow,
        user: { id: person.userId, email: 'x@example.com', name: 'x' },
        locale: 'ko',
        ip: '1.1.1.1',
        appUrl: 'http://x',
      });
    }
    await withdrawClaim(db, { claimant: people[0].claimant, reason: 'test', actor: { userId: people[0].userId, ip: '1.1.1.1' } });
    const incremental = await snapshot();
    expect(incremental['claimants.registered||']).toBe(5 + 1);
    await rebuildMetricCounters(db, caseId);
    expect(incremental).toEqual(await snapshot());
  });
});
