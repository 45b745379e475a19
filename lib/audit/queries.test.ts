import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { setupTestDatabase } from '@/tests/helpers/database';
import { createTestCase, createTestUser } from '@/tests/helpers/users';
import { listAuditEntries, redactAuditDetails } from './queries';
import { recordAudit } from './record';

let handle: DatabaseHandle;
let caseA: { id: string; slug: string };
let actorId: string;

beforeAll(async () => {
  handle = await setupTestDatabase();
  caseA = await createTestCase(handle.db);
  const caseB = await createTestCase(handle.db);
  actorId = (await createTestUser(handle.db)).id;
  for (let i = 0; i < 7; i++) {
    await recordAudit(handle.db, {
      action: 'review.verified',
      actorUserId: actorId,
      caseId: caseA.id,
      subjectType: 'claimant',
      subjectId: `a-${i}`,
      ip: '198.51.100.9',
      details: { version: i },
    });
  }
  await recordAudit(handle.db, { action: 'export.claimants', actorUserId: null, caseId: caseB.id, details: { rows: 12, name: '홍길동' } });
});

describe('browsing the audit trail', () => {
  it('pages newest first with a cursor, without gaps or repeats', async () => {
    const first = await listAuditEntries(handle.db, { caseId: caseA.id }, 3);
    expect(first.entries.map((entry) => entry.subjectId)).toEqual(['a-6', 'a-5', 'a-4']);
    expect(first.entries[0].caseSlug).toBe(caseA.slug);
    const second = await listAuditEntries(handle.db, { caseId: caseA.id, beforeId: first.nextBeforeId! }, 3);
    const third = await listAuditEntries(handle.db, { caseId: caseA.id, beforeId: second.nextBeforeId! }, 3);
    expect([...second.entries, ...third.entries].map((entry) => entry.subjectId)).toEqual(['a-3', 'a-2', 'a-1', 'a-0']);
    expect(third.nextBeforeId).toBeNull();
  });

  it('filters by action and by actor', async () => {
    expect((await listAuditEntries(handle.db, { action: 'export.claimants' })).entries).toHaveLength(1);
    expect((await listAuditEntries(handle.db, { actorUserId: actorId })).entries).toHaveLength(7);
  });

  it('never lists the IP, and hides detail values that are not ids, hashes, codes or numbers', async () => {
    const { entries } = await listAuditEntries(handle.db, { action: 'export.claimants' });
    expect(entries[0]).not.toHaveProperty('ip');
    expect(entries[0].details).toEqual({ rows: '12', name: '•••' });
    expect(
      redactAuditDetails({
        claimantId: '00000000-0000-4000-8000-000000000a01',
        status: 'verified',
        ref: 'SLM-000123',
        email: 'a@b.kr',
        note: 'free text',
      }),
    ).toEqual({
      claimantId: '00000000-0000-4000-8000-000000000a01',
      status: 'verified',
      ref: 'SLM-000123',
      email: '•••',
      note: '•••',
    });
  });
});
