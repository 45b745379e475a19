import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs once before all test files. With DATABASE_URL set, every test file gets its own fresh
 * database on that server (tests/helpers/database.ts) and we only check the server answers, so a
 * stopped PostgreSQL fails loudly at the start. Without it, we migrate one in-memory PGlite and
 * snapshot it; each test file then loads its own copy of the snapshot.
 */
export default async function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('select 1');
    } catch (error) {
      throw new Error(`DATABASE_URL is set but PostgreSQL does not answer (${(error as Error).message}).`);
    } finally {
      await client.end().catch(() => {});
    }
    return;
  }
  const [{ PGlite }, { drizzle }, { migrate }, { PgBoss, fromPglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
    import('pg-boss'),
  ]);
  const pglite = await PGlite.create();
  await migrate(drizzle({ client: pglite }), { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') });
  // pg-boss's schema too (lib/jobs/boss.ts); each file's migrateDatabase then only adds the queues.
  const boss = new PgBoss({ db: fromPglite(pglite), backend: 'pglite', schema: 'pgboss', supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ graceful: false, close: false });
  const snapshot = await pglite.dumpDataDir('none');
  await pglite.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-pglite-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await snapshot.arrayBuffer()));
  process.env.JOINDER_PGLITE_TEMPLATE = file;
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
