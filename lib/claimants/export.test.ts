import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { claimants } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { submitClaim } from '@/lib/intake/submit';
import { createClaimantUser, fillCompleteClaim } from '@/lib/intake/test-support';
import { setupTestDatabase } from '@/tests/helpers/database';
import { createTestUser } from '@/tests/helpers/users';
import { readZip } from '@/tests/helpers/zip';
import { streamOwnDataExport } from './export';

let db: Database;
beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  await seedDemoCase(db);
});

/** Fields of ours that must never reach the person: the review's working state (issue 17, item 16). */
const WORKING_FIELDS = [
  'openFlagCount',
  'assignedLawyerId',
  'nameNormalized',
  'nameInitials',
  'phoneHash',
  'identityHash',
  'signupIpHash',
  'completedSteps',
  'lastActivityAt',
  'evidenceCount',
  'hasSignedStatement',
  'hasSignedConsent',
  'isOnFiling',
  'uploadedBy',
];

describe('the data export of a claimant under review', () => {
  it('holds their data and the decisions about them, not our working fields', async () => {
    const person = await createClaimantUser(db, 'flagged-exporter@example.com');
    const claimant = await fillCompleteClaim(db, person);
    await submitClaim(db, {
      claimant,
      caseRow: person.caseRow,
      user: { id: person.userId, email: 'flagged-exporter@example.com', name: 'x' },
      locale: 'ko',
      ip: '1.1.1.1',
      appUrl: 'http://x',
    });
    const lawyer = await createTestUser(db);
    // A flagged duplicate with a lawyer on it: exactly what the export must not tip off.
    await db.update(claimants).set({ openFlagCount: 2, assignedLawyerId: lawyer.id }).where(eq(claimants.id, claimant.id));

    const stream = await streamOwnDataExport(db, { userId: person.userId, ip: '1.1.1.1' });
    const zip = readZip(Buffer.from(await new Response(stream).arrayBuffer()));
    const text = zip.get('claims/slammer-2003/claim.json')!.toString('utf8');
    const claim = JSON.parse(text) as { claim: Record<string, unknown>; evidence: Record<string, unknown>[] };

    expect(claim.claim).toMatchObject({ legalName: '김철수', phone: '01023456789', dateOfBirth: '1975-03-02', status: 'submitted' });
    expect((claim.claim.decisions as Record<string, unknown>).submittedAt).toBeTruthy();
    expect(claim.claim.reference).toMatch(/^SLM-\d+$/);
    for (const field of WORKING_FIELDS) expect(text, field).not.toContain(`"${field}"`);
    // `version` is the optimistic lock of a review decision (statements keep their own versions).
    expect(Object.keys(claim.claim)).not.toContain('version');
    expect(text).not.toContain(lawyer.id);
    expect(claim.evidence[0]).toMatchObject({ filename: 'bill.pdf', type: 'application/pdf' });
  });
});
