import { randomBytes } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { type Database, openDatabaseAt } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { claimants } from '@/db/schema';
import { resetEnvCache } from '@/lib/env';
import { decideInBulk } from '@/lib/reviews/bulk';
import { addReviewNote } from '@/lib/reviews/notes';
import { createReviewWorld, insertClaimant } from '@/lib/reviews/test-world';
import { recreateDatabase } from '../lib/database';
import { summarize, trackPeakRss } from '../lib/stats';
import type { BenchResult, BenchScenario } from '../lib/types';

const BULK_SIZE = 200;
/** Lawyers working in case B at the same time, each on a file of their own, writing notes back to back. */
const CASE_B_CLIENTS = 2;
const P99_TARGET_MS = 50;
/** The lock every audited action took before chains were per case (migration 0001), for the control. */
const OLD_GLOBAL_LOCK = 730125143000;

type Phase = { durations: number[]; wallMs: number; bulks: number[] };

/**
 * Audited actions in case B (a lawyer's note: its row, the claimant's activity time and the audit
 * row, in one transaction) while case A runs 200-claimant bulk decisions back to back, each one
 * transaction with 200 reviews, 200 audit rows and 200 mails. With a chain per case, B's audit
 * rows lock only B's chain head, so B's latency should not notice A. Measured in this process
 * against PostgreSQL, three ways: B alone, B beside A's bulk decisions, and the same again with
 * the old single advisory lock taken by every audited transaction (the control that shows what
 * the per-case chains removed).
 */
export const scenarios: BenchScenario[] = [
  {
    name: 'audit-contention',
    description: `Audited actions in case B (${CASE_B_CLIENTS} lawyers) while case A runs ${BULK_SIZE}-claimant bulk decisions; p99 ≤ ${P99_TARGET_MS} ms.`,
    run: async ({ scale, log }): Promise<BenchResult> => {
      process.env.AUTH_SECRET ??= randomBytes(32).toString('base64url');
      process.env.JOINDER_ENCRYPTION_KEYS ??= `bench:${randomBytes(32).toString('base64')}`;
      process.env.JOINDER_BLIND_INDEX_KEY ??= randomBytes(32).toString('base64');
      process.env.JOINDER_AUDIT_KEYS ??= `bench:${randomBytes(32).toString('base64')}`;
      process.env.DATABASE_POOL_MAX = '10';
      resetEnvCache();
      const databaseUrl = await recreateDatabase('joinder_bench_audit_contention');
      const handle = await openDatabaseAt({ databaseUrl });
      try {
        await migrateDatabase(handle);
        log('migrated; seeding two cases');
        const db = handle.db;
        const world = await createReviewWorld(db, { claimants: 10 });
        const bulkIds: string[] = [];
        for (let index = 0; index < BULK_SIZE; index++) bulkIds.push((await insertClaimant(db, world.caseA.id)).id);
        log(`seeded ${BULK_SIZE} claimants in case A`);
        const phaseMs = Math.max(3_000, Math.round(15_000 * scale));
        const bFiles = [world.otherCaseClaimant.id];
        while (bFiles.length < CASE_B_CLIENTS) bFiles.push((await insertClaimant(db, world.caseB.id)).id);
        const bCase = (lawyer: number) => ({
          caseId: world.caseB.id,
          claimantId: bFiles[lawyer],
          actorId: world.lawyerB.id,
          ip: '192.0.2.20',
        });
        const aBase = { caseId: world.caseA.id, actorId: world.lawyerA.id, ip: '192.0.2.10', appUrl: 'https://joinder.example' };

        const noteInB = async (lawyer: number, withGlobalLock: boolean) => {
          const started = performance.now();
          if (withGlobalLock)
            await db.transaction(async (tx) => {
              await tx.execute(sql`select pg_advisory_xact_lock(${OLD_GLOBAL_LOCK})`);
              await addReviewNote(tx, { ...bCase(lawyer), body: 'bench note' });
            });
          else await addReviewNote(db, { ...bCase(lawyer), body: 'bench note' });
          return performance.now() - started;
        };
        let round = 0;
        const bulkInA = async (withGlobalLock: boolean) => {
          const rows = await db
            .select({ id: claimants.id, version: claimants.version })
            .from(claimants)
            .where(inArray(claimants.id, bulkIds));
          const items = rows.map((row) => ({ claimantId: row.id, version: row.version }));
          const decision = round++ % 2 === 0 ? ('request_info' as const) : ('verify' as const);
          const input = { ...aBase, decision, items, text: decision === 'request_info' ? '영수증 사본을 올려 주세요.' : undefined };
          const started = performance.now();
          const result = withGlobalLock
            ? await db.transaction(async (tx) => {
                await tx.execute(sql`select pg_advisory_xact_lock(${OLD_GLOBAL_LOCK})`);
                return decideInBulk(tx, input);
              })
            : await decideInBulk(db, input);
          if (result.done.length !== BULK_SIZE) throw new Error(`bulk decided ${result.done.length} of ${BULK_SIZE}`);
          return performance.now() - started;
        };

        const runPhase = async (options: { withBulk: boolean; withGlobalLock: boolean }): Promise<Phase> => {
          const deadline = performance.now() + phaseMs;
          const durations: number[] = [];
          const bulks: number[] = [];
          const started = performance.now();
          const lawyers = Array.from({ length: CASE_B_CLIENTS }, async (_, lawyer) => {
            while (performance.now() < deadline) durations.push(await noteInB(lawyer, options.withGlobalLock));
          });
          const bulk = options.withBulk
            ? (async () => {
                while (performance.now() < deadline) bulks.push(await bulkInA(options.withGlobalLock));
              })()
            : Promise.resolve();
          await Promise.all([...lawyers, bulk]);
          return { durations, bulks, wallMs: performance.now() - started };
        };

        await runPhase({ withBulk: true, withGlobalLock: false }); // warm-up: plans, pool, JIT
        log('warmed up');
        const rss = trackPeakRss();
        const alone = summarize((await runPhase({ withBulk: false, withGlobalLock: false })).durations, phaseMs);
        const contended = await runPhase({ withBulk: true, withGlobalLock: false });
        const control = await runPhase({ withBulk: true, withGlobalLock: true });
        const peakRssMb = rss.stop();
        const beside = summarize(contended.durations, contended.wallMs);
        const locked = summarize(control.durations, control.wallMs);
        const bulkStats = summarize(contended.bulks, contended.wallMs);
        const lockedBulkStats = summarize(control.bulks, control.wallMs);
        const chainsOk = await countChainRows(db, world.caseA.id, world.caseB.id);
        log(`case B alone: median ${alone.medianMs.toFixed(1)} ms, p99 ${alone.p99Ms.toFixed(1)} ms (${alone.n} notes)`);
        log(
          `case B beside case A's bulk decisions (per-case chains): median ${beside.medianMs.toFixed(1)} ms, p99 ${beside.p99Ms.toFixed(1)} ms (${beside.n} notes; ${contended.bulks.length} bulk decisions of ${BULK_SIZE}, median ${bulkStats.medianMs.toFixed(0)} ms each)`,
        );
        log(
          `control, one global audit lock as before: case B median ${locked.medianMs.toFixed(1)} ms, p99 ${locked.p99Ms.toFixed(1)} ms (${locked.n} notes; ${control.bulks.length} bulk decisions, median ${lockedBulkStats.medianMs.toFixed(0)} ms each)`,
        );
        log(`audit rows: case A chain ${chainsOk.a}, case B chain ${chainsOk.b}`);
        return {
          name: 'audit-contention',
          n: beside.n,
          medianMs: beside.medianMs,
          p95Ms: beside.p95Ms,
          p99Ms: beside.p99Ms,
          throughput: beside.throughput,
          peakRssMb,
          value: Math.round(beside.p99Ms * 10) / 10,
          unit: 'ms p99',
          ceiling: null,
          ratio: null,
          target: `case B p99 ≤ ${P99_TARGET_MS} ms during ${BULK_SIZE}-claimant bulk decisions in case A`,
          pass: contended.bulks.length > 0 && beside.n > 0 && beside.p99Ms <= P99_TARGET_MS,
          notes:
            `${CASE_B_CLIENTS} lawyers in case B; alone p99 ${alone.p99Ms.toFixed(1)} ms; beside ${contended.bulks.length} bulk decisions (median ${bulkStats.medianMs.toFixed(0)} ms each) p99 ${beside.p99Ms.toFixed(1)} ms; ` +
            `with the old global lock p99 ${locked.p99Ms.toFixed(1)} ms (median ${locked.medianMs.toFixed(1)} ms)`,
        };
      } finally {
        await handle.close();
      }
    },
  },
];

async function countChainRows(db: Database, caseA: string, caseB: string): Promise<{ a: number; b: number }> {
  const count = async (chain: string) => {
    const result = await db.execute(sql`select count(*)::int as n from audit_log where chain = ${chain}`);
    return Number((result as unknown as { rows: { n: number }[] }).rows[0].n);
  };
  return { a: await count(caseA), b: await count(caseB) };
}
