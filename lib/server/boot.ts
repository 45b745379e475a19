import { count } from 'drizzle-orm';
import { getDatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { cases } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { seedVolume } from '@/db/seed/volume';
import { getEnv } from '@/lib/env';
import { shouldSeedDemo } from './deployment';

const BOOT_KEY = Symbol.for('joinder.boot');
type GlobalWithBoot = typeof globalThis & { [BOOT_KEY]?: Promise<void> };

/** Idempotent per process: Next.js may load the instrumentation hook from more than one bundle. */
export function bootServer(): Promise<void> {
  const g = globalThis as GlobalWithBoot;
  g[BOOT_KEY] ??= runBoot().catch((error) => {
    g[BOOT_KEY] = undefined;
    throw error;
  });
  return g[BOOT_KEY];
}

async function runBoot(): Promise<void> {
  const env = getEnv();
  const handle = await withRetries(() => getDatabaseHandle(), 'connect to the database');
  await migrateDatabase(handle);
  // The job queue starts before any request can open a transaction that enqueues (lib/jobs/boss.ts).
  const { getJobQueue } = await import('@/lib/jobs/boss');
  await withRetries(() => getJobQueue(), 'start the job queue');
  const [{ n: caseCount }] = await handle.db.select({ n: count() }).from(cases);
  const isFreshEmbedded = handle.driver === 'pglite' && caseCount === 0;
  // A deployment (APP_URL set) never gets the demo accounts unless JOINDER_SEED_DEMO=always asks.
  if (shouldSeedDemo({ isFreshEmbedded })) {
    const demo = await seedDemoCase(handle.db);
    if (demo.created) {
      // A lived-in demo: enough people for the dashboards and the review queue to mean something.
      await seedVolume(handle.db, { caseId: demo.caseId, referencePrefix: 'SLM', claimants: 240, supporters: 2_700, reviewFixtures: true });
      console.log('[joinder] seeded the demo case slammer-2003 and the demo accounts (see README).');
    }
    if (env.JOINDER_SEED_FIXTURES === 'access-matrix') {
      const { seedAccessFixtures } = await import('@/db/seed/access-fixtures');
      await seedAccessFixtures(handle.db);
    }
  }
  if (env.JOINDER_JOBS === 'on') {
    const { startJobRunner } = await import('./job-runner');
    // Every mail goes out through the outbox, swept by the mail.sweep job (lib/jobs/mail-job.ts).
    startJobRunner();
    // Audit chain heads go to the anchor log outside the database every few minutes.
    const { startAuditAnchoring } = await import('@/lib/audit/anchors');
    startAuditAnchoring(() => getDatabaseHandle().then((current) => current.db));
  }
  console.log(`[joinder] ready on ${handle.driver === 'pglite' ? 'the embedded database (PGlite)' : 'PostgreSQL'}.`);
}

async function withRetries<T>(work: () => Promise<T>, what: string, attempts = 15): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      // A locked or group-readable data folder will not fix itself: say so once, do not retry.
      if (attempt >= attempts || ['DataDirLockedError', 'DataDirPermissionError'].includes((error as Error).name)) throw error;
      console.warn(`[joinder] could not ${what} (${(error as Error).message}); retrying in 2 s`);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}
