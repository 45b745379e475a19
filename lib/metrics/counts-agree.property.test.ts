import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { claimants, supporters } from '@/db/schema';
import { seedVolume } from '@/db/seed/volume';
import { getTranslator } from '@/lib/i18n/translator';
import { setupTestDatabase } from '@/tests/helpers/database';
import { renderSupportersBadge } from './badge';
import { loadDashboardSummary } from './dashboard';
import { claimantExportColumns, readClaimantBatch } from './exports/claimants';
import { streamCsv } from './exports/csv';
import { type SupporterCursor, readSupporterBatch, supporterExportColumns } from './exports/supporters';
import { computePublicStats } from './public-stats';
import { loadSupportReportData } from './support-report-data';
import { createTestCase, insertSupporter } from './test-fixtures';

let db: Database;
beforeAll(async () => {
  db = (await setupTestDatabase()).db;
});

const HOUR = 3600_000;

/** What happens after the seeded history, at the moment being checked or dated earlier ("late"). */
type LateEvent =
  | { kind: 'confirm' | 'withdrawSupporter' | 'withdrawClaim' | 'verify' | 'restrict' | 'file'; pick: number }
  | { kind: 'lateSignature'; hoursAgo: number };

const lateEvent: fc.Arbitrary<LateEvent> = fc.oneof(
  fc.record({
    kind: fc.constantFrom(
      'confirm' as const,
      'withdrawSupporter' as const,
      'withdrawClaim' as const,
      'verify' as const,
      'restrict' as const,
      'file' as const,
    ),
    pick: fc.nat(1_000),
  }),
  // A signature imported late: it happened hours or days ago and is written now.
  fc.record({ kind: fc.constant('lateSignature' as const), hoursAgo: fc.integer({ min: 1, max: 24 * 30 }) }),
);

async function idsOf(table: typeof supporters | typeof claimants, caseId: string): Promise<string[]> {
  const rows = await db.select({ id: table.id }).from(table).where(eq(table.caseId, caseId)).orderBy(table.id);
  return rows.map((row) => row.id);
}

async function applyLate(caseId: string, event: LateEvent, now: Date): Promise<void> {
  if (event.kind === 'lateSignature') {
    const at = new Date(now.getTime() - event.hoursAgo * HOUR);
    await insertSupporter(db, caseId, { createdAt: at, updatedAt: at, confirmedAt: at, region: 'seoul' });
    return;
  }
  const isSupporter = event.kind === 'confirm' || event.kind === 'withdrawSupporter';
  const ids = await idsOf(isSupporter ? supporters : claimants, caseId);
  if (ids.length === 0) return;
  const id = ids[event.pick % ids.length];
  // A decision or a confirmation recorded now for something that happened a day ago.
  const yesterday = new Date(now.getTime() - 24 * HOUR);
  switch (event.kind) {
    case 'confirm':
      await db
        .update(supporters)
        .set({ confirmedAt: yesterday })
        .where(and(eq(supporters.id, id), sql`${supporters.withdrawnAt} is null`));
      return;
    case 'withdrawSupporter':
      await db.update(supporters).set({ withdrawnAt: now }).where(eq(supporters.id, id));
      return;
    case 'withdrawClaim':
      await db.update(claimants).set({ status: 'withdrawn', withdrawnAt: now }).where(eq(claimants.id, id));
      return;
    case 'verify':
      await db
        .update(claimants)
        .set({ status: 'verified', verifiedAt: yesterday })
        .where(and(eq(claimants.id, id), sql`${claimants.status} in ('submitted', 'needs_info')`));
      return;
    case 'restrict':
      await db
        .update(claimants)
        .set({ isOnFiling: true, filedAt: now, restrictedAt: now })
        .where(and(eq(claimants.id, id), sql`${claimants.status} <> 'withdrawn'`));
      return;
    case 'file':
      await db.update(claimants).set({ isOnFiling: true, filedAt: yesterday }).where(eq(claimants.id, id));
  }
}

/** Data rows of a CSV export, read through the same batches and columns as the download. */
async function csvRows(stream: ReadableStream<Uint8Array>): Promise<number> {
  const text = await new Response(stream).text();
  return text.split('\r\n').filter(Boolean).length - 1;
}

describe('one number for the same moment', () => {
  it('dashboard, one-page report, public stats, CSV exports and badge agree on a seeded volume with withdrawals and late events', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.nat(1_000_000),
          supporters: fc.integer({ min: 0, max: 80 }),
          claimants: fc.integer({ min: 0, max: 25 }),
          // Seeded history ending a few hours to a few days before the moment checked.
          days: fc.integer({ min: 1, max: 14 }),
          late: fc.array(lateEvent, { maxLength: 12 }),
        }),
        async (scenario) => {
          const found = await createTestCase(db, { supporterGoal: 100, plaintiffGoal: 10 });
          const now = new Date();
          await seedVolume(db, { caseId: found.id, referencePrefix: 'AGR', ...scenario, now });
          for (const event of scenario.late) await applyLate(found.id, event, now);
          const moment = new Date();

          const summary = await loadDashboardSummary(db, found, moment);
          const stage = (id: string) => summary.funnel.find((entry) => entry.id === id)?.count;
          const report = await loadSupportReportData(db, found, { locale: 'ko', now: moment });
          const stats = await computePublicStats(db, found, moment);

          // The report of today reads as the live dashboard does.
          expect(report.headline).toEqual({
            supportersSigned: summary.supporters.signed,
            supportersConfirmed: summary.supporters.confirmed,
            supportersWithdrawn: summary.supporters.withdrawn,
            claimantsRegistered: stage('registered'),
            claimantsSubmitted: stage('submitted'),
            claimantsComplete: stage('complete'),
            claimantsVerified: stage('verified'),
            claimantsFiled: stage('filed'),
            claimantsWithdrawn: summary.claimants.withdrawn,
          });
          expect(report.funnel.map(({ id, count }) => ({ id, count }))).toEqual(summary.funnel.map(({ id, count }) => ({ id, count })));
          expect(report.goals.supporters.current).toBe(summary.goals[0].current);
          expect(report.goals.plaintiffs.current).toBe(summary.goals[1].current);

          // The public numbers (the JSON counter) are the same numbers.
          expect(stats.supporters).toEqual({
            signed: summary.supporters.signed,
            confirmed: summary.supporters.confirmed,
            withdrawn: summary.supporters.withdrawn,
          });
          expect(stats.claimants).toEqual({
            registered: stage('registered'),
            submitted: stage('submitted'),
            complete: stage('complete'),
            verified: stage('verified'),
            filed: stage('filed'),
            withdrawn: summary.claimants.withdrawn,
          });

          // The badge shows the signature count, as the counter does.
          for (const locale of ['ko', 'en'] as const) {
            const svg = renderSupportersBadge({ count: stats.supporters.signed, locale, caseTitle: 'x' });
            const shown = Number(/>([^<]*\d[^<]*)<\/text>/.exec(svg)?.[1].replace(/\D/g, ''));
            expect(shown).toBe(summary.supporters.signed);
          }

          // The CSV exports list as many people as are counted.
          const t = getTranslator('ko');
          const supporterRows = await csvRows(
            streamCsv({
              columns: supporterExportColumns(t, 'KR', 'ko'),
              readBatch: (after: SupporterCursor | null) => readSupporterBatch(db, found.id, after),
            }),
          );
          expect(supporterRows).toBe(summary.supporters.signed);
          for (const role of ['organizer', 'lawyer'] as const) {
            const claimantRows = await csvRows(
              streamCsv({
                columns: claimantExportColumns(role, t),
                readBatch: (after: string | null) => readClaimantBatch(db, found.id, role, after),
              }),
            );
            expect(claimantRows).toBe(stage('registered'));
          }

          // And all of them are what the rows themselves say at this moment.
          const [truth] = (
            (await db.execute(sql`
              select
                (select count(*) from supporters where case_id = ${found.id} and withdrawn_at is null)::int as signed,
                (select count(*) from supporters where case_id = ${found.id} and withdrawn_at is null and confirmed_at is not null)::int as confirmed,
                (select count(*) from claimants where case_id = ${found.id} and status <> 'withdrawn')::int as registered,
                (select count(*) from claimants where case_id = ${found.id} and status = 'verified')::int as verified`)) as unknown as {
              rows: { signed: number; confirmed: number; registered: number; verified: number }[];
            }
          ).rows;
          expect({
            signed: summary.supporters.signed,
            confirmed: summary.supporters.confirmed,
            registered: stage('registered'),
            verified: stage('verified'),
          }).toEqual(truth);
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 12) },
    );
  });
});
