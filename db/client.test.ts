import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { setupTestDatabase } from '@/tests/helpers/database';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
});

describe('database module', () => {
  it('uses PostgreSQL when DATABASE_URL is set and PGlite otherwise', () => {
    expect(handle.driver).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('chains audit rows by keyed hash and refuses to change them', async () => {
    await recordAudit(handle.db, { action: 'keys.rotated', actorUserId: null });
    await recordAudit(handle.db, { action: 'backup.restored', actorUserId: null });
    const rows = await handle.db.select().from(auditLog).orderBy(auditLog.id);
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => [row.chain, row.seq])).toEqual([
      ['platform', 1],
      ['platform', 2],
    ]);
    expect(rows[0].prevHash).toBe('');
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(rows[1].hash).toMatch(/^[0-9a-f]{64}$/);
    await expect(handle.db.execute(sql`update audit_log set action = 'forged'`)).rejects.toThrow();
    await expect(handle.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
