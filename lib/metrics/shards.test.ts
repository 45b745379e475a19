import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { metricCounters } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';
import { createTestCase, insertSupporter } from './test-fixtures';

let db: Database;
beforeAll(async () => {
  db = (await setupTestDatabase()).db;
});

async function writerShard(connection: Pick<Database, 'execute'>): Promise<number> {
  const { rows } = (await connection.execute(sql`select metric_writer_shard() as shard`)) as unknown as { rows: { shard: number }[] };
  return Number(rows[0].shard);
}

describe('counter shards (migration 0013)', () => {
  it('puts a signature’s counter rows in the shard of the connection that wrote it', async () => {
    const found = await createTestCase(db);
    const shards = await db.transaction(async (tx) => {
      await insertSupporter(tx as unknown as Database, found.id, { region: 'seoul', source: 'naver-cafe' });
      const rows = await tx
        .select({ shard: metricCounters.shard, dimension: metricCounters.dimension })
        .from(metricCounters)
        .where(eq(metricCounters.caseId, found.id));
      return { rows, own: await writerShard(tx) };
    });
    expect(shards.own).toBeGreaterThanOrEqual(1);
    expect(shards.own).toBeLessThanOrEqual(63);
    expect(shards.rows.map((row) => row.dimension).sort()).toEqual(['', 'region', 'source']);
    expect(shards.rows.every((row) => row.shard === shards.own)).toBe(true);
  });

  it.runIf(Boolean(process.env.DATABASE_URL))(
    'lets two signatures in flight on different connections count without waiting for each other',
    async () => {
      const { Client } = await import('pg');
      const found = await createTestCase(db);
      const connect = async () => {
        const client = new Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        const { rows } = await client.query<{ shard: number }>('select metric_writer_shard() as shard');
        return { client, shard: Number(rows[0].shard) };
      };
      const sign = (client: InstanceType<typeof Client>, email: string) =>
        client.query("insert into supporters (case_id, name, email, region, consent_version) values ($1, '김지지', $2, 'seoul', 1)", [
          found.id,
          email,
        ]);
      const first = await connect();
      const others = [await connect()];
      // Two backends share a shard only if their pids are equal modulo 63; then take another one.
      while (others.at(-1)!.shard === first.shard) others.push(await connect());
      const second = others.at(-1)!;
      try {
        // The first signature stays uncommitted, holding its counter rows, while the second is written.
        await first.client.query('begin');
        await sign(first.client, `first-${found.id}@example.test`);
        await second.client.query('begin');
        await second.client.query("set local lock_timeout = '2s'");
        await sign(second.client, `second-${found.id}@example.test`);
        await second.client.query('commit');
        await first.client.query('commit');
      } finally {
        for (const { client } of [first, ...others]) await client.end();
      }
      const rows = await db
        .select({ delta: sql<number>`sum(${metricCounters.delta})::int` })
        .from(metricCounters)
        .where(and(eq(metricCounters.caseId, found.id), eq(metricCounters.metric, 'supporters.signed'), eq(metricCounters.dimension, '')));
      expect(rows[0].delta).toBe(2);
    },
  );
});
