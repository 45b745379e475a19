import { PgBoss } from 'pg-boss';

/**
 * Queues a job through pg-boss itself over any SQL connection to the app's database, as the app
 * would in its transaction: for benches and soaks that drive a running server from outside.
 */
export async function sendJobOver(
  query: (text: string, values?: unknown[]) => Promise<unknown[]>,
  name: string,
  payload: object,
): Promise<string> {
  const boss = new PgBoss({
    db: { executeSql: async (text: string, values?: unknown[]) => ({ rows: await query(text, values) }) },
    schema: 'pgboss',
    supervise: false,
    schedule: false,
    migrate: false,
  });
  await boss.start();
  try {
    const id = await boss.send(name, payload);
    if (!id) throw new Error(`${name} was not queued`);
    return id;
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
}
