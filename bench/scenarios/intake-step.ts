import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { cases, claimants, users } from '@/db/schema';
import { summarize, trackPeakRss } from '../lib/stats';
import { recreateDatabase } from '../lib/database';
import type { BenchResult, BenchScenario } from '../lib/types';

const TARGET_P95_MS = 50;
const RATE_PER_SECOND = 100;

/**
 * Saving one wizard step under load (issue 18): 100 saves a second of coupang-2025's `harm` step,
 * each the whole server-side path of the save action after the session — the claim brought onto
 * the current definition, the engine's check, the sealed answers written with the step mark, and
 * the triggers that keep the dimension index and the dashboard counters. Server time per save.
 */
export const scenarios: BenchScenario[] = [
  {
    name: 'intake-step',
    description: 'One wizard step saved (coupang-2025, harm step) at 100 saves/s: context, engine check, write, dimension trigger.',
    run: async ({ scale, log }): Promise<BenchResult> => {
      process.env.DATABASE_URL = await recreateDatabase('joinder_bench_intake_step');
      process.env.AUTH_SECRET ??= randomBytes(32).toString('base64url');
      process.env.JOINDER_ENCRYPTION_KEYS ??= `b1:${randomBytes(32).toString('base64')}`;
      process.env.JOINDER_BLIND_INDEX_KEY ??= randomBytes(32).toString('base64');
      process.env.JOINDER_JOBS = 'off';
      const [{ getDatabaseHandle }, { migrateDatabase }, { seedDemoCase }, { enrollClaimant }, { loadClaimContext }, { saveAnswersStep }] =
        await Promise.all([
          import('@/db/client'),
          import('@/db/migrate'),
          import('@/db/seed/demo'),
          import('@/lib/claimants/enrollment'),
          import('@/lib/claimants/claim-context'),
          import('@/lib/claimants/draft'),
        ]);
      const handle = await getDatabaseHandle();
      await migrateDatabase(handle);
      const db = handle.db;
      await seedDemoCase(db);
      const [caseRow] = await db.select().from(cases).where(eq(cases.slug, 'coupang-2025'));
      const people = Math.max(50, Math.round(400 * scale));
      log(`enrolling ${people} claimants`);
      const inserted = await db
        .insert(users)
        .values(
          Array.from({ length: people }, (_, index) => ({ email: `step-${index}@bench.test`, name: `bench ${index}`, passwordHash: 'x' })),
        )
        .returning({ id: users.id });
      const own = [];
      for (const user of inserted) {
        const claimant = await enrollClaimant(db, { userId: user.id, caseSlug: 'coupang-2025', locale: 'ko' });
        await db.update(claimants).set({ category: 'member' }).where(eq(claimants.id, claimant.id));
        own.push(claimant.id);
      }
      const operations = Math.max(300, Math.round(3_000 * scale));
      const durations: number[] = [];
      const rss = trackPeakRss();
      const started = performance.now();
      const pending: Promise<void>[] = [];
      for (let index = 0; index < operations; index++) {
        const due = started + (index * 1000) / RATE_PER_SECOND;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const claimantId = own[index % own.length];
        pending.push(
          (async () => {
            const at = performance.now();
            const [row] = await db.select().from(claimants).where(eq(claimants.id, claimantId));
            const context = await loadClaimContext(db, row, caseRow);
            await saveAnswersStep(db, context, 'harm', {
              harm_suffered: 'yes',
              harm_kinds: index % 2 ? ['smishing'] : ['smishing', 'spam'],
              first_harm_date: '2025-12-02',
              police_report: 'no',
              harm_description: `스미싱 문자 ${index}`,
            });
            durations.push(performance.now() - at);
          })(),
        );
      }
      await Promise.all(pending);
      const summary = summarize(durations, performance.now() - started);
      await handle.close();
      return {
        name: 'intake-step',
        ...summary,
        peakRssMb: rss.stop(),
        value: summary.p95Ms,
        unit: 'ms',
        ceiling: null,
        ratio: null,
        target: `p95 ≤ ${TARGET_P95_MS} ms at ${RATE_PER_SECOND}/s`,
        pass: summary.p95Ms <= TARGET_P95_MS,
      };
    },
  },
];
