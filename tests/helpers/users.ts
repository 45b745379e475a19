import { randomBytes } from 'node:crypto';
import type { Database } from '@/db/client';
import { type CaseRole, type User, caseMemberships, cases, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';

export const TEST_PASSWORD = 'correct horse battery';
let cachedHash: Promise<string> | undefined;

/**
 * A user with a known password (hashed once per test file: argon2id is slow on purpose) and a
 * proved address, as every account that reaches anything past "verify first" has (issue 17,
 * item 1). Pass `emailVerifiedAt: null` for one that never proved it.
 */
export async function createTestUser(db: Database, overrides: Partial<typeof users.$inferInsert> = {}): Promise<User> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db
    .insert(users)
    .values({
      email: `user-${randomBytes(5).toString('hex')}@joinder.test`,
      name: 'Test User',
      passwordHash: await cachedHash,
      emailVerifiedAt: new Date(),
      ...overrides,
    })
    .returning();
  return user;
}

export async function createTestCase(db: Database, slug = `case-${randomBytes(4).toString('hex')}`): Promise<{ id: string; slug: string }> {
  const [found] = await db
    .insert(cases)
    .values({ slug, titleKo: '시험 사건', titleEn: 'Test case', referencePrefix: 'TST' })
    .returning({ id: cases.id, slug: cases.slug });
  return found;
}

export async function grantCaseRole(db: Database, caseId: string, userId: string, role: CaseRole): Promise<void> {
  await db.insert(caseMemberships).values({ caseId, userId, role });
}
