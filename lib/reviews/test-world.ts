import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type NewClaimant, caseMemberships, cases, claimants, users } from '@/db/schema';
import { DEMO_CASE_SLUG } from '@/db/seed/demo-case';
import { seedDemoCase } from '@/db/seed/demo';
import { REVIEW_DEMO_EMAIL } from '@/db/seed/review-fixtures';
import { seedVolume } from '@/db/seed/volume';

/**
 * Test data for the review workspace (used by the *.test.ts files beside it): the demo case with
 * its accounts, a few hundred synthetic claimants and the planted duplicates, plus a second case
 * with its own lawyer and claimant, to prove nothing crosses from one case to the other.
 */
export const TEST_NOW = new Date('2026-03-01T09:00:00Z');

export async function createReviewWorld(db: Database, options: { claimants?: number } = {}) {
  const demo = await seedDemoCase(db, TEST_NOW);
  const [caseA] = await db.select().from(cases).where(eq(cases.slug, DEMO_CASE_SLUG));
  await seedVolume(db, {
    caseId: caseA.id,
    referencePrefix: caseA.referencePrefix,
    claimants: options.claimants ?? 300,
    supporters: 0,
    now: TEST_NOW,
    seed: 7,
    reviewFixtures: true,
  });

  const [caseB] = await db
    .insert(cases)
    .values({ slug: 'blaster-2003', titleKo: '블래스터 웜 사건', titleEn: 'Blaster worm case', referencePrefix: 'BLS' })
    .returning();
  const account = async (email: string, name: string) => {
    const [user] = await db.insert(users).values({ email, name, passwordHash: '!test', emailVerifiedAt: new Date() }).returning();
    return user;
  };
  const lawyerB = await account('lawyer-b@joinder.test', '다른 사건 변호사');
  await db.insert(caseMemberships).values({ caseId: caseB.id, userId: lawyerB.id, role: 'lawyer' });
  const otherCaseClaimant = await insertClaimant(db, caseB.id, {
    referenceNumber: 'BLS-000001',
    status: 'submitted',
    legalName: '한가람',
    nameNormalized: '한가람',
    nameInitials: 'ㅎㄱㄹ',
  });

  const byEmail = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0];
  const [walkthrough] = await db
    .select()
    .from(claimants)
    .innerJoin(users, eq(users.id, claimants.userId))
    .where(and(eq(users.email, REVIEW_DEMO_EMAIL), eq(claimants.caseId, caseA.id)));
  return {
    caseA,
    caseB,
    demoCaseId: demo.caseId,
    lawyerA: await byEmail('lawyer@joinder.test'),
    organizerA: await byEmail('organizer@joinder.test'),
    adminA: await byEmail('admin@joinder.test'),
    lawyerB,
    walkthrough: walkthrough.claimants,
    otherCaseClaimant,
  };
}

export type ReviewWorld = Awaited<ReturnType<typeof createReviewWorld>>;

let serial = 0;

/** A claimant with a fresh account; fields default to a submitted home subscriber. */
export async function insertClaimant(db: Database, caseId: string, values: Partial<NewClaimant> = {}) {
  serial += 1;
  const [user] = await db
    .insert(users)
    .values({
      email: `t${serial}.${Date.now()}@test.kr`,
      name: values.legalName ?? `테스트${serial}`,
      passwordHash: '!test',
      emailVerifiedAt: new Date(),
    })
    .returning();
  const [claimant] = await db
    .insert(claimants)
    .values({
      caseId,
      userId: user.id,
      status: 'submitted',
      category: 'home_subscriber',
      referenceNumber: `T-${String(serial).padStart(6, '0')}`,
      ...values,
    })
    .returning();
  return claimant;
}
