import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { claimants, reviews } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { readMetricTotals } from '@/lib/metrics/counters';
import { onClaimantSubmitted } from '@/lib/reviews/duplicates-hook';
import { setupTestDatabase } from '@/tests/helpers/database';
import { loadClaimOverview } from './completeness';
import { loadClaimContext } from '@/lib/claimants/claim-context';
import { submitClaim } from './submit';
import { createClaimantUser, fillCompleteClaim } from './test-support';

vi.mock('@/lib/reviews/duplicates-hook', () => ({ onClaimantSubmitted: vi.fn(async () => {}) }));

let db: Database;

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  await seedDemoCase(db);
});

describe('submitClaim', () => {
  it('names every missing item of a fresh draft, by the step that fixes it', async () => {
    const { claimant, caseRow } = await createClaimantUser(db, 'fresh@example.com');
    const overview = await loadClaimOverview(db, await loadClaimContext(db, claimant, caseRow), caseRow, 'ko');
    expect(overview.missing.map((item) => `${item.step}:${item.key}`)).toEqual([
      'type:type',
      'identity:legalName',
      'identity:dateOfBirth',
      'identity:phone',
      'identity:address',
      'identity:region',
      'consent:consent_retainer',
      'consent:consent_representative_appointment',
    ]);
    // Once the category is known, the definition's own items follow, named in both languages by the step that fixes them.
    await db.update(claimants).set({ category: 'pc_bang' }).where(eq(claimants.id, claimant.id));
    const [withCategory] = await db.select().from(claimants).where(eq(claimants.id, claimant.id));
    const detailed = await loadClaimOverview(db, await loadClaimContext(db, withCategory, caseRow), caseRow, 'ko');
    const steps = new Set(detailed.missing.map((item) => item.step));
    expect([...steps]).toEqual(expect.arrayContaining(['identity', 'connection', 'outage', 'statement', 'damages', 'evidence', 'consent']));
    expect(detailed.missing.map((item) => item.key)).toEqual(expect.arrayContaining(['businessName', 'businessRegistrationNumber']));
    expect(detailed.missing.find((item) => item.step === 'connection')?.message?.ko).toContain('PC방 좌석 수');
    await db.update(claimants).set({ category: null }).where(eq(claimants.id, claimant.id));
    const user = { id: claimant.userId, email: 'fresh@example.com', name: 'fresh' };
    await expect(submitClaim(db, { claimant, caseRow, user, locale: 'ko', ip: '1.1.1.1', appUrl: 'http://x' })).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'intake.review.incomplete',
    });
  });

  it('gives concurrent submissions distinct, consecutive reference numbers and runs the duplicate hook in the transaction', async () => {
    const people = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((name) => createClaimantUser(db, `${name}@submit.example`)));
    const filled = [];
    for (const person of people) filled.push({ ...person, claimant: await fillCompleteClaim(db, person) });
    const before = await readMetricTotals(db, filled[0].caseRow.id, ['claimants.submitted', 'claimants.complete'] as const);
    const results = await Promise.all(
      filled.map((person) =>
        submitClaim(db, {
          claimant: person.claimant,
          caseRow: person.caseRow,
          user: { id: person.userId, email: 'p@example.com', name: 'p' },
          locale: 'ko',
          ip: '1.1.1.1',
          appUrl: 'http://x',
        }),
      ),
    );
    const numbers = results.map((result) => Number(result.referenceNumber.slice(4))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(5);
    expect(numbers[4] - numbers[0]).toBe(4);
    expect(results[0].referenceNumber).toMatch(/^SLM-\d{6}$/);
    expect(vi.mocked(onClaimantSubmitted)).toHaveBeenCalledTimes(5);
    expect(
      vi
        .mocked(onClaimantSubmitted)
        .mock.calls.map((call) => call[1])
        .sort(),
    ).toEqual(filled.map((person) => person.claimant.id).sort());
    const after = await readMetricTotals(db, filled[0].caseRow.id, ['claimants.submitted', 'claimants.complete'] as const);
    expect(after['claimants.submitted'] - before['claimants.submitted']).toBe(5);
    expect(after['claimants.complete'] - before['claimants.complete']).toBe(5);
    const [row] = await db.select().from(claimants).where(eq(claimants.id, filled[0].claimant.id));
    expect(row).toMatchObject({
      status: 'submitted',
      hasSignedStatement: true,
      hasSignedConsent: true,
      evidenceCount: 1,
      claimedTotalKrw: 2115,
    });
    expect(await db.$count(reviews, eq(reviews.claimantId, row.id))).toBe(1);
  });

  it('continues after the highest existing number of the case', async () => {
    const person = await createClaimantUser(db, 'after-seed@example.com');
    await db
      .update(claimants)
      .set({ status: 'submitted', referenceNumber: 'SLM-000900' })
      .where(eq(claimants.id, (await createClaimantUser(db, 'seeded@example.com')).claimant.id));
    const claimant = await fillCompleteClaim(db, person);
    const result = await submitClaim(db, {
      claimant,
      caseRow: person.caseRow,
      user: { id: person.userId, email: 'x@example.com', name: 'x' },
      locale: 'en',
      ip: '1.1.1.1',
      appUrl: 'http://x',
    });
    expect(result.referenceNumber).toBe('SLM-000901');
  });
});
