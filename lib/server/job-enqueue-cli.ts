import { closeDb, getDatabaseHandle } from '@/db/client';
import { getJobQueue, stopJobQueue } from '@/lib/jobs/boss';
import { enqueue } from '@/lib/jobs/define';
import { findJobDefinition } from './job-registry';

/**
 * `npm run jobs:enqueue -- KIND '{"json":"payload"}'` queues one job for the running app (e.g.
 * `blobs.migrate '{"target":"s3"}'`). The payload is checked against the kind's schema. On the
 * embedded database the app must be stopped (PGlite allows one process); the job runs when it starts.
 */
async function main(): Promise<number> {
  const [kindId, payloadText = '{}'] = process.argv.slice(2);
  const definition = kindId ? findJobDefinition(kindId) : undefined;
  if (!definition) {
    console.error(`usage: jobs:enqueue KIND [JSON payload]; unknown kind ${kindId ?? '(none)'}`);
    return 2;
  }
  // This process only queues: supervision and cron belong to the app.
  process.env.JOINDER_JOBS = 'off';
  const handle = await getDatabaseHandle();
  try {
    await getJobQueue();
    const { id } = await enqueue(handle.db, definition, JSON.parse(payloadText) as never);
    console.log(`queued ${definition.id} as job ${id}`);
    return 0;
  } finally {
    await stopJobQueue();
    await closeDb();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
