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

describe('the README and the app', () => {
  it('agree on where each demo account lands after signing in', async () => {
    const { seedDemoCase } = await import('@/db/seed/demo');
    const { eq } = await import('drizzle-orm');
    const fs = await import('node:fs');
    await seedDemoCase(handle.db);
    const readme = fs.readFileSync('README.md', 'utf8');
    const rows = [...readme.matchAll(/^\| `([^`]+@joinder\.test)` \| [^|]+ \| `([^`]+)` \|$/gm)];
    expect(rows.map((row) => row[1])).toEqual([
      'admin@joinder.test',
      'lawyer@joinder.test',
      'organizer@joinder.test',
      'claimant@joinder.test',
    ]);
    for (const [, email, documented] of rows) {
      const [user] = await handle.db.select().from(users).where(eq(users.email, email));
      const current: CurrentUser = {
        id: user.id,
        email,
        name: user.name,
        locale: 'ko',
        isPlatformAdmin: user.isPlatformAdmin,
        emailVerifiedAt: user.emailVerifiedAt,
        hasTotp: false,
        sessionId: 's',
        isStaffSession: true,
      };
      expect({ email, lands: homePathFor(await findNavigationAreas(handle.db, current)) }).toEqual({ email, lands: documented });
    }
  });
});
