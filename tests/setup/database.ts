import { afterAll } from 'vitest';
import { closeDb } from '@/db/client';
import { dropTestDatabase, prepareTestEnvironment } from '@/tests/helpers/database';

// Every test file is its own process (pool: forks): point it at its own database before any
// module reads the environment. The database itself is created by setupTestDatabase().
prepareTestEnvironment();

afterAll(async () => {
  await (await import('@/lib/jobs/boss')).stopJobQueue();
  await closeDb();
  await dropTestDatabase();
});
