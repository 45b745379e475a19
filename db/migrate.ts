import path from 'node:path';
import type { Pool } from 'pg';
import type { DatabaseHandle } from './client';

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');
// Any constant works; it only has to be the same for every app instance.
const MIGRATION_LOCK_KEY = 730125001;

/**
 * Applies the committed drizzle-kit migrations. Safe to call from several instances at once.
 * `migrationsFolder` is for tests that stop at an older migration (a data move's old shape).
 */
export async function migrateDatabase(handle: DatabaseHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  if (handle.driver === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder });
    await installJobs(handle);
    return;
  }
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  // Serialise concurrent starts on one session-level lock: the second instance waits, then finds
  // nothing left to apply.
  const pool = (handle.db as unknown as { $client: Pool }).$client;
  const lockClient = await pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrate(handle.db as never, { migrationsFolder });
    await installJobs(handle);
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    lockClient.release();
  }
}

/** pg-boss's own schema and our queues (lib/jobs/boss.ts): installed or migrated with ours. */
async function installJobs(handle: DatabaseHandle): Promise<void> {
  const [{ installJobQueue }, { JOB_KINDS }] = await Promise.all([import('@/lib/jobs/boss'), import('@/lib/server/job-registry')]);
  await installJobQueue(handle, JOB_KINDS);
}
