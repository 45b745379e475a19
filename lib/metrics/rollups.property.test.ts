import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { claimants, metricCounters, supporters } from '@/db/schema';
import { SLAMMER_2003 } from '@/lib/claims/definitions/slammer-2003';
import { publishDefinition } from '@/lib/claims/store/definitions';
import { setupTestDatabase } from '@/tests/helpers/database';
import { compactMetricCounters } from './compaction';
import { rebuildMetricCounters } from './counters';
import { loadDashboardSummary } from './dashboard';
import { loadGrowthSeries } from './growth';
import { computePublicStats } from './public-stats';
import { createTestCase, createTestUser, insertClaimant, insertSupporter } from './test-fixtures';

let db: Database;
beforeAll(async () => {
  db = (await setupTestDatabase()).db;
});

const REGIONS = ['seoul', 'busan', 'jeju', null] as const;
const SOURCES = ['naver-cafe', 'news-0127', null] as const;
const ISPS = ['kt', 'hanaro', null] as const;
const TYPES = ['home_subscriber', 'pc_bang', null] as const;
const HOUR = 3600_000;
// Mostly recent, sometimes older than the 17 days compaction keeps hourly.
const hoursAgo = fc.oneof({ weight: 4, arbitrary: fc.nat(80) }, { weight: 1, arbitrary: fc.integer({ min: 400, max: 1_000 }) });

/** What happens to supporters and claimants over a campaign, as direct row writes. */
type Op =
  | { kind: 'sign'; region: (typeof REGIONS)[number]; source: (typeof SOURCES)[number]; hoursAgo: number }
  | { kind: 'confirm' | 'withdrawSupporter' | 'eraseSupporter'; pick: number }
  | {
      kind: 'register';
      region: (typeof REGIONS)[number];
      source: (typeof SOURCES)[number];
      isp: (typeof ISPS)[number];
      type: (typeof TYPES)[number];
      hoursAgo: number;
    }
  | { kind: 'edit'; pick: number; region: (typeof REGIONS)[number]; isp: (typeof ISPS)[number] }
  | {
      kind:
        | 'submit'
        | 'addEvidence'
        | 'removeEvidence'
        | 'signConsent'
        | 'needsInfo'
        | 'verify'
        | 'reject'
        | 'withdrawClaim'
        | 'file'
        | 'unfile';
      pick: number;
    }
  | { kind: 'fileEveryVerified' | 'verifyEverySubmitted' }
  | { kind: 'compact' };

// Mostly the last few people, so one person often goes through several steps in a sequence.
const pick = fc.nat(3);
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('sign' as const),
      region: fc.constantFrom(...REGIONS),
      source: fc.constantFrom(...SOURCES),
      hoursAgo,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constantFrom('confirm' as const, 'withdrawSupporter' as const, 'eraseSupporter' as const), pick }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('register' as const),
      region: fc.constantFrom(...REGIONS),
      source: fc.constantFrom(...SOURCES),
      isp: fc.constantFrom(...ISPS),
      type: fc.constantFrom(...TYPES),
      hoursAgo,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('edit' as const), pick, region: fc.constantFrom(...REGIONS), isp: fc.constantFrom(...ISPS) }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'submit' as const,
        'addEvidence' as const,
        'removeEvidence' as const,
        'signConsent' as const,
        'needsInfo' as const,
        'verify' as const,
        'reject' as const,
        'withdrawClaim' as const,
        'file' as const,
        'unfile' as const,
      ),
      pick,
    }),
  },
  // A court filing recorded, a bulk verification: many claimants in one statement.
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('fileEveryVerified' as const, 'verifyEverySubmitted' as const) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'compact' as const }) },
);

async function applyOp(caseId: string, op: Op, state: { supporterIds: string[]; claimantIds: string[] }) {
  const now = new Date();
  const recent = (ids: string[]) => ('pick' in op && ids.length > 0 ? ids[ids.length - 1 - (op.pick % ids.length)] : undefined);
  const supporterId = recent(state.supporterIds);
  const claimantId = recent(state.claimantIds);
  const updateClaimant = (values: Partial<typeof claimants.$inferInsert>) =>
    claimantId ? db.update(claimants).set(values).where(eq(claimants.id, claimantId)) : undefined;
  const updateSupporter = (values: Partial<typeof supporters.$inferInsert>) =>
    supporterId ? db.update(supporters).set(values).where(eq(supporters.id, supporterId)) : undefined;
  switch (op.kind) {
    case 'sign': {
      const createdAt = new Date(now.getTime() - op.hoursAgo * HOUR);
      state.supporterIds.push(
        (await insertSupporter(db, caseId, { region: op.region, source: op.source, createdAt, updatedAt: createdAt })).id,
      );
      return;
    }
    case 'confirm':
      return updateSupporter({ confirmedAt: now });
    case 'withdrawSupporter':
      return updateSupporter({ withdrawnAt: now });
    case 'eraseSupporter':
      if (!supporterId) return;
      state.supporterIds = state.supporterIds.filter((id) => id !== supporterId);
      return db.delete(supporters).where(eq(supporters.id, supporterId));
    case 'register': {
      const createdAt = new Date(now.getTime() - op.hoursAgo * HOUR);
      state.claimantIds.push(
        (
          await insertClaimant(db, caseId, {
            region: op.region,
            source: op.source,
            // The provider is an answer of the case's definition, counted as its `isp` dimension.
            answers: { isp: op.isp },
            definitionVersion: 1,
            category: op.type,
            createdAt,
            updatedAt: createdAt,
          })
        ).id,
      );
      return;
    }
    case 'edit':
      return updateClaimant({
        region: op.region,
        answers: sql`${claimants.answers} || ${JSON.stringify({ isp: op.isp })}::jsonb` as unknown as Record<string, unknown>,
      });
    case 'submit':
      return updateClaimant({ status: 'submitted', submittedAt: now, hasSignedStatement: true });
    case 'signConsent':
      return updateClaimant({ hasSignedConsent: true });
    case 'addEvidence':
      return updateClaimant({ evidenceCount: sql`${claimants.evidenceCount} + 1` as unknown as number });
    case 'removeEvidence':
      return updateClaimant({ evidenceCount: sql`greatest(${claimants.evidenceCount} - 1, 0)` as unknown as number });
    case 'needsInfo':
      return updateClaimant({ status: 'needs_info', needsInfoAt: now });
    case 'verify':
      return updateClaimant({ status: 'verified', verifiedAt: now });
    case 'reject':
      return updateClaimant({ status: 'rejected', rejectedAt: now });
    case 'withdrawClaim':
      return updateClaimant({ status: 'withdrawn', withdrawnAt: now });
    case 'file':
      return updateClaimant({ isOnFiling: true, filedAt: now });
    case 'unfile':
      return updateClaimant({ isOnFiling: false });
    case 'fileEveryVerified':
      return db
        .update(claimants)
        .set({ isOnFiling: true, filedAt: now })
        .where(and(eq(claimants.caseId, caseId), eq(claimants.status, 'verified')));
    case 'verifyEverySubmitted':
      return db
        .update(claimants)
        .set({ status: 'verified', verifiedAt: now })
        .where(and(eq(claimants.caseId, caseId), eq(claimants.status, 'submitted')));
    case 'compact':
      // Pretend a day has passed so every bucket so far counts as settled.
      await compactMetricCounters(db, caseId, new Date(now.getTime() + 48 * HOUR));
      return;
  }
}

/** The brute-force recount: plain SQL over the base tables, nothing shared with the triggers. */
async function recountFromRows(caseId: string) {
  const rows = await db.execute<Record<string, number>>(sql`
    select
      (select count(*) from supporters where case_id = ${caseId} and withdrawn_at is null)::int as signed,
      (select count(*) from supporters where case_id = ${caseId} and withdrawn_at is null and confirmed_at is not null)::int as confirmed,
      (select count(*) from supporters where case_id = ${caseId} and withdrawn_at is not null)::int as supporters_withdrawn,
      (select count(*) from claimants where case_id = ${caseId} and status <> 'withdrawn')::int as registered,
      (select count(*) from claimants where case_id = ${caseId} and status in ('submitted', 'needs_info', 'verified', 'rejected'))::int as submitted,
      (select count(*) from claimants where case_id = ${caseId} and status in ('submitted', 'needs_info', 'verified')
         and has_signed_statement and has_signed_consent and evidence_count > 0)::int as complete,
      (select count(*) from claimants where case_id = ${caseId} and status = 'verified')::int as verified,
      (select count(*) from claimants where case_id = ${caseId} and is_on_filing and status <> 'withdrawn')::int as filed,
      (select count(*) from claimants where case_id = ${caseId} and status = 'withdrawn')::int as claimants_withdrawn
  `);
  const totals = (rows as unknown as { rows: Record<string, number>[] }).rows[0];
  const grouped = async (table: 'supporters' | 'claimants', column: string, where: string) => {
    const result = await db.execute<{ value: string; n: number }>(
      sql`select coalesce(${sql.raw(column)}::text, '') as value, count(*)::int as n from ${sql.raw(table)} where case_id = ${caseId} and ${sql.raw(where)} group by 1`,
    );
    return Object.fromEntries((result as unknown as { rows: { value: string; n: number }[] }).rows.map((row) => [row.value, row.n]));
  };
  const byStatus = await grouped('claimants', 'status', 'true');
  return {
    totals,
    byStatus,
    supportersByRegion: await grouped('supporters', 'region', 'withdrawn_at is null'),
    supportersBySource: await grouped('supporters', 'source', 'withdrawn_at is null'),
    claimantsByRegion: await grouped('claimants', 'region', "status <> 'withdrawn'"),
    claimantsByIsp: await grouped('claimants', "(answers->>'isp')", "status <> 'withdrawn'"),
    claimantsByType: await grouped('claimants', 'category', "status <> 'withdrawn'"),
    verifiedByIsp: await grouped('claimants', "(answers->>'isp')", "status = 'verified'"),
  };
}

/** Every counter key's total, for comparing the incremental rollups with a full rebuild. */
async function counterTotals(caseId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({
      metric: metricCounters.metric,
      dimension: metricCounters.dimension,
      value: metricCounters.dimensionValue,
      total: sql<number>`sum(${metricCounters.delta})::int`,
    })
    .from(metricCounters)
    .where(eq(metricCounters.caseId, caseId))
    .groupBy(metricCounters.metric, metricCounters.dimension, metricCounters.dimensionValue);
  return Object.fromEntries(rows.filter((row) => row.total !== 0).map((row) => [`${row.metric}|${row.dimension}|${row.value}`, row.total]));
}

const nonZero = (record: Record<string, number>) => Object.fromEntries(Object.entries(record).filter(([, n]) => n !== 0));
const column = (
  rows: { value: string; supporters: number; claimants: number; verified: number }[],
  key: 'supporters' | 'claimants' | 'verified',
) => nonZero(Object.fromEntries(rows.map((row) => [row.value, row[key]])));

describe('metric rollups', () => {
  it('equal a brute-force recount and a rebuild after any sequence of signatures, claims, reviews, withdrawals and filings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 60, size: 'max' }), async (ops) => {
        const found = await createTestCase(db);
        const admin = await createTestUser(db, { isPlatformAdmin: true });
        await publishDefinition(db, { caseId: found.id, definition: SLAMMER_2003, actorUserId: admin.id, ip: null });
        const state = { supporterIds: [] as string[], claimantIds: [] as string[] };
        for (const op of ops) await applyOp(found.id, op, state);

        const expected = await recountFromRows(found.id);
        const summary = await loadDashboardSummary(db, found);
        const stage = (id: string) => summary.funnel.find((entry) => entry.id === id)?.count;
        expect(stage('supporters')).toBe(expected.totals.confirmed);
        expect(stage('registered')).toBe(expected.totals.registered);
        expect(stage('submitted')).toBe(expected.totals.submitted);
        expect(stage('complete')).toBe(expected.totals.complete);
        expect(stage('verified')).toBe(expected.totals.verified);
        expect(stage('filed')).toBe(expected.totals.filed);
        expect(summary.supporters).toMatchObject({
          signed: expected.totals.signed,
          confirmed: expected.totals.confirmed,
          withdrawn: expected.totals.supporters_withdrawn,
        });
        expect(summary.claimants.withdrawn).toBe(expected.totals.claimants_withdrawn);
        expect(nonZero(summary.claimants.byStatus)).toEqual(expected.byStatus);
        expect(column(summary.breakdowns.region, 'supporters')).toEqual(expected.supportersByRegion);
        expect(column(summary.breakdowns.source, 'supporters')).toEqual(expected.supportersBySource);
        expect(column(summary.breakdowns.region, 'claimants')).toEqual(expected.claimantsByRegion);
        // The category and the Slammer definition's dashboard dimension `isp`, read from the answers.
        const dimension = (id: string) => summary.breakdowns.dimensions.find((entry) => entry.id === id)?.rows ?? [];
        expect(column(dimension('isp'), 'claimants')).toEqual(expected.claimantsByIsp);
        expect(column(dimension('category'), 'claimants')).toEqual(expected.claimantsByType);
        expect(column(dimension('isp'), 'verified')).toEqual(expected.verifiedByIsp);

        const stats = await computePublicStats(db, found);
        expect(stats.supporters.signed).toBe(expected.totals.signed);
        expect(stats.claimants.verified).toBe(expected.totals.verified);

        const growth = await loadGrowthSeries(db, found.id, { range: 'all', interval: 'hour' });
        const last = growth.points.at(-1);
        expect(last?.supportersTotal ?? 0).toBe(expected.totals.signed);
        expect(last?.claimantsTotal ?? 0).toBe(expected.totals.registered);

        const incremental = await counterTotals(found.id);
        await rebuildMetricCounters(db, found.id);
        expect(incremental).toEqual(await counterTotals(found.id));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 30) },
    );
  });

  it('keeps totals through compaction and leaves one row per settled hour, and per day for breakdowns', async () => {
    const found = await createTestCase(db);
    const twoDaysAgo = new Date(Date.now() - 50 * HOUR);
    for (let index = 0; index < 40; index++)
      await insertSupporter(db, found.id, {
        region: index % 2 ? 'seoul' : 'busan',
        createdAt: new Date(twoDaysAgo.getTime() + (index % 5) * HOUR),
      });
    const before = await counterTotals(found.id);
    const moved = await compactMetricCounters(db, found.id);
    expect(moved).toBeGreaterThan(0);
    expect(await counterTotals(found.id)).toEqual(before);
    const rows = await db
      .select({ dimension: metricCounters.dimension, shard: metricCounters.shard, bucket: metricCounters.bucket })
      .from(metricCounters)
      .where(and(eq(metricCounters.caseId, found.id), eq(metricCounters.metric, 'supporters.signed')));
    expect(rows.every((row) => row.shard === 0)).toBe(true);
    expect(rows.filter((row) => row.dimension === '').length).toBe(5);
    // 5 hours of one or two Korean days, two regions: at most 2 days × 2 regions.
    expect(rows.filter((row) => row.dimension === 'region').length).toBeLessThanOrEqual(4);
    expect(await compactMetricCounters(db, found.id)).toBe(0);
  });
});
