import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { auditLog } from '@/db/schema';
import { authenticate } from '@/lib/auth/sign-in';
import { setupTestDatabase } from '@/tests/helpers/database';
import { TEST_PASSWORD, createTestUser } from '@/tests/helpers/users';
import { auditPasswordReset } from './auth-events';
import { verifyAuditChains } from './verify';

let db: Database;
beforeAll(async () => {
  db = (await setupTestDatabase()).db;
});

const attempt = (email: string, password: string) =>
  authenticate(db, { email, password, ip: '203.0.113.5', ipHash: 'ip-hash', userAgent: 'vitest' });

const rowsFor = (action: 'auth.signed_in' | 'auth.sign_in_failed') => db.select().from(auditLog).where(eq(auditLog.action, action));

describe('sign-ins on the audit trail', () => {
  it('records a successful sign-in with the account, the session and the address it came from, on the platform chain', async () => {
    const user = await createTestUser(db, { email: 'audited@example.kr' });
    const result = await attempt('Audited@Example.kr', TEST_PASSWORD);
    expect(result.ok).toBe(true);
    const [row] = await rowsFor('auth.signed_in');
    expect(row).toMatchObject({ chain: 'platform', actorUserId: user.id, subjectId: user.id, ip: '203.0.113.5', caseId: null });
    expect(row.details).toEqual({ sessionId: result.ok ? result.sessionId : '', method: 'password' });
  });

  it('records failures with the reason and the account when there is one, never the address typed', async () => {
    const user = await createTestUser(db, { email: 'target@example.kr' });
    await attempt('target@example.kr', 'not the password at all');
    await attempt('nobody-here@example.kr', 'whatever it is 123');
    const failures = await rowsFor('auth.sign_in_failed');
    expect(failures.map((row) => [row.subjectId, row.details])).toEqual([
      [user.id, { reason: 'invalid', knownAccount: true }],
      [null, { reason: 'invalid', knownAccount: false }],
    ]);
    expect(JSON.stringify(failures)).not.toContain('nobody-here');
    expect(JSON.stringify(failures)).not.toContain('target@');
  });

  it('records resets asked for and done, and the platform chain stays intact', async () => {
    const user = await createTestUser(db);
    await auditPasswordReset(db, { kind: 'requested', userId: user.id, ip: '203.0.113.5' });
    await auditPasswordReset(db, { kind: 'completed', userId: user.id });
    const rows = await db
      .select({ action: auditLog.action, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, user.id), eq(auditLog.chain, 'platform')))
      .orderBy(auditLog.seq);
    expect(rows).toEqual([
      { action: 'auth.password_reset_requested', actor: null },
      { action: 'auth.password_reset', actor: user.id },
    ]);
    expect((await verifyAuditChains(db, { anchorLog: { anchors: [], badLines: [] } })).ok).toBe(true);
  });
});
