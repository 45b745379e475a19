import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { caseMemberships, cases, users } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';
import type { CurrentUser } from './guards';
import { findNavigationAreas, homePathFor } from './home';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
});

async function staff(email: string, roles: ('lawyer' | 'organizer')[]): Promise<CurrentUser> {
  const [user] = await handle.db.insert(users).values({ email, name: email, passwordHash: '!' }).returning();
  for (const [index, role] of roles.entries()) {
    const [found] = await handle.db
      .insert(cases)
      .values({ slug: `${email.split('@')[0]}-${index}`, titleKo: 't', titleEn: 't', referencePrefix: 'T' })
      .returning();
    await handle.db.insert(caseMemberships).values({ caseId: found.id, userId: user.id, role });
  }
  return {
    id: user.id,
    email,
    name: email,
    locale: 'ko',
    isPlatformAdmin: false,
    emailVerifiedAt: null,
    hasTotp: false,
    sessionId: 's',
    isStaffSession: true,
  };
}

describe('home path after sign-in', () => {
  it('takes a lawyer of exactly one case to its review queue, and everyone else to their usual home', async () => {
    const home = async (user: CurrentUser) => homePathFor(await findNavigationAreas(handle.db, user));
    expect(await home(await staff('solo@x.kr', ['lawyer']))).toBe('/cases/solo-0/review');
    expect(await home(await staff('two@x.kr', ['lawyer', 'lawyer']))).toBe('/staff');
    expect(await home(await staff('org@x.kr', ['organizer']))).toBe('/staff');
    expect(await home(await staff('nobody@x.kr', []))).toBe('/my');
  });
});
