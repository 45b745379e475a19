import { count } from 'drizzle-orm';
import { getDatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { cases } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { seedVolume } from '@/db/seed/volume';
import { getEnv } from '@/lib/env';

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
  const [{ n: caseCount }] = await handle.db.select({ n: count() }).from(cases);
  const isFreshEmbedded = handle.driver === 'pglite' && caseCount === 0;
  if (env.JOINDER_SEED_DEMO === 'always' || (env.JOINDER_SEED_DEMO === 'auto' && isFreshEmbedded)) {
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
    const { startJobRunner } = await import('@/lib/jobs/runner');
    startJobRunner();
  }
  console.log(`[joinder] ready on ${handle.driver === 'pglite' ? 'the embedded database (PGlite)' : 'PostgreSQL'}.`);
}

async function withRetries<T>(work: () => Promise<T>, what: string, attempts = 15): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || (error as Error).name === 'DataDirLockedError') throw error;
      console.warn(`[joinder] could not ${what} (${(error as Error).message}); retrying in 2 s`);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}
