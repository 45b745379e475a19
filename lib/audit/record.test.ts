import { asc, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';
import { createTestCase } from '@/tests/helpers/users';
import { PLATFORM_CHAIN, recordAudits } from './record';
import { verifyAuditChains } from './verify';

let handle: DatabaseHandle;
let cases: string[];

beforeAll(async () => {
  handle = await setupTestDatabase();
  cases = [(await createTestCase(handle.db)).id, (await createTestCase(handle.db)).id, (await createTestCase(handle.db)).id].sort();
});

const entry = (caseId: string | undefined, subjectId: string) => ({
  action: 'export.own_data' as const,
  actorUserId: null,
  caseId,
  subjectType: 'claimant',
  subjectId,
  details: {},
});

describe('recordAudits', () => {
  it('writes several chains in one order whatever order they come in, keeping each chain’s own order', async () => {
    const [a, b, c] = cases;
    await recordAudits(handle.db, [entry(undefined, 'p1'), entry(c, 'c1'), entry(a, 'a1'), entry(c, 'c2'), entry(b, 'b1'), entry(a, 'a2')]);
    const rows = await handle.db
      .select({ chain: auditLog.chain, subjectId: auditLog.subjectId })
      .from(auditLog)
      .where(inArray(auditLog.subjectId, ['p1', 'c1', 'a1', 'c2', 'b1', 'a2']))
      .orderBy(asc(auditLog.id));
    expect(rows.map((row) => row.subjectId)).toEqual(['a1', 'a2', 'b1', 'c1', 'c2', 'p1']);
    expect(rows.at(-1)?.chain).toBe(PLATFORM_CHAIN);
  });

  it('lets transactions writing the same chains the other way round all commit (they queue, none deadlocks)', async () => {
    const [a, b, c] = cases;
    const orders = [
      [a, b, c],
      [c, b, a],
      [b, c, a],
      [c, a, b],
    ];
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        handle.db.transaction((tx) =>
          recordAudits(
            tx,
            orders[index % orders.length].map((caseId) => entry(caseId, `crossed-${index}`)),
          ),
        ),
      ),
    );
    expect(
      await handle.db.$count(
        auditLog,
        inArray(
          auditLog.subjectId,
          Array.from({ length: 12 }, (_, index) => `crossed-${index}`),
        ),
      ),
    ).toBe(36);
    expect((await verifyAuditChains(handle.db, { anchorLog: { anchors: [], badLines: [] } })).ok).toBe(true);
  });
});
