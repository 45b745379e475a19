import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { claimants } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';
import { createTestCase, createTestUser } from '@/tests/helpers/users';
import { type ClaimantStatus, watchClaimantStatus } from './claimant-status';
import { listenConnectFor } from './connect';
import { LiveHub } from './hub';

let handle: DatabaseHandle;
let hub: LiveHub;
beforeAll(async () => {
  handle = await setupTestDatabase();
  hub = new LiveHub(listenConnectFor(handle));
});
afterAll(async () => {
  await hub.stop();
});

const until = async (condition: () => boolean, timeoutMs = 10_000) => {
  for (const started = Date.now(); !condition(); await new Promise((resolve) => setTimeout(resolve, 20)))
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
};

/** On the test's real database (PGlite or PostgreSQL): a status change travels trigger → NOTIFY → the watcher. */
describe("the claimant's live status", () => {
  it('tells each watching claimant of their own status change only, once, and nobody else', async () => {
    const found = await createTestCase(handle.db);
    const [a, b] = await Promise.all(
      ['live-a@joinder.test', 'live-b@joinder.test'].map(async (email) => {
        const user = await createTestUser(handle.db, { email });
        const [row] = await handle.db.insert(claimants).values({ caseId: found.id, userId: user.id }).returning();
        return row;
      }),
    );
    const seenA: ClaimantStatus[] = [];
    const seenB: ClaimantStatus[] = [];
    const stopA = watchClaimantStatus(handle.db, hub, a, (status) => seenA.push(status));
    const stopB = watchClaimantStatus(handle.db, hub, b, (status) => seenB.push(status));
    await hub.ready();

    await handle.db
      .update(claimants)
      .set({ status: 'submitted', referenceNumber: 'TST-LIVE-A', updatedAt: new Date() })
      .where(eq(claimants.id, a.id));
    await until(() => seenA.length > 0);
    expect(seenA.map((status) => status.status)).toEqual(['submitted']);

    // Another change in the case (B's) reaches B; A hears nothing, its status did not move.
    await handle.db
      .update(claimants)
      .set({ status: 'needs_info', referenceNumber: 'TST-LIVE-B', updatedAt: new Date() })
      .where(eq(claimants.id, b.id));
    await until(() => seenB.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(seenB.map((status) => status.status)).toEqual(['needs_info']);
    expect(seenA.map((status) => status.status)).toEqual(['submitted']);
    stopA();
    stopB();
  });
});
