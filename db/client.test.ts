import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
});

describe('database module', () => {
  it('uses PostgreSQL when DATABASE_URL is set and PGlite otherwise', () => {
    expect(handle.driver).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('chains audit rows by hash and refuses to change them', async () => {
    await handle.db.insert(auditLog).values([{ action: 'test.first' }, { action: 'test.second' }]);
    const rows = await handle.db.select().from(auditLog).orderBy(auditLog.id);
    expect(rows).toHaveLength(2);
    expect(rows[0].prevHash).toBe('');
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(rows[1].hash).toMatch(/^[0-9a-f]{64}$/);
    await expect(handle.db.execute(sql`update audit_log set action = 'forged'`)).rejects.toThrow();
    await expect(handle.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
