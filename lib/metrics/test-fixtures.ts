import { randomBytes } from 'node:crypto';
import type { Database } from '@/db/client';
import {
  type Case,
  type CaseRole,
  type NewClaimant,
  type NewSupporter,
  caseMemberships,
  cases,
  claimants,
  supporters,
  users,
} from '@/db/schema';

/**
 * Rows for the metrics and organizer tests, written straight to the tables (the rollup triggers do
 * the rest, exactly as for rows the petition and the intake write). Test-only: nothing in the app
 * imports this.
 */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export async function createTestCase(db: Database, overrides: Partial<Case> = {}): Promise<Case> {
  const suffix = uniqueSuffix();
  const [row] = await db
    .insert(cases)
    .values({
      slug: `case-${suffix}`,
      titleKo: `테스트 사건 ${suffix}`,
      titleEn: `Test case ${suffix}`,
      referencePrefix: 'TST',
      supporterGoal: 100,
      plaintiffGoal: 20,
      ...overrides,
    })
    .returning();
  return row;
}

export async function createTestUser(db: Database, overrides: { isPlatformAdmin?: boolean; name?: string } = {}) {
  const [row] = await db
    .insert(users)
    .values({
      email: `u-${uniqueSuffix()}@example.test`,
      passwordHash: '!test',
      name: overrides.name ?? '테스트',
      isPlatformAdmin: overrides.isPlatformAdmin ?? false,
      emailVerifiedAt: new Date(),
    })
    .returning();
  return row;
}

export async function addCaseMember(db: Database, caseId: string, role: CaseRole) {
  const user = await createTestUser(db);
  await db.insert(caseMemberships).values({ caseId, userId: user.id, role });
  return user;
}

export async function insertSupporter(db: Database, caseId: string, values: Partial<NewSupporter> = {}) {
  const [row] = await db
    .insert(supporters)
    .values({ caseId, name: '김지지', email: `s-${uniqueSuffix()}@example.test`, consentVersion: 1, ...values })
    .returning();
  return row;
}

let referenceSerial = 0;

/** A claimant with its own account; reference numbers are set up front so any status is allowed. */
export async function insertClaimant(db: Database, caseId: string, values: Partial<NewClaimant> = {}) {
  const user = await createTestUser(db, { name: '이원고' });
  const [row] = await db
    .insert(claimants)
    .values({ caseId, userId: user.id, referenceNumber: `TST-${uniqueSuffix()}-${++referenceSerial}`, ...values })
    .returning();
  return row;
}
