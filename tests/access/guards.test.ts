import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { cases, users } from '@/db/schema';
import { ACCESS_FIXTURE_CASE_SLUG, ACCESS_FIXTURE_EMAILS, seedAccessFixtures } from '@/db/seed/access-fixtures';
import { DEMO_CASE_SLUG } from '@/db/seed/demo-case';
import { seedDemoCase } from '@/db/seed/demo';
import { canSeeClaimantFiles, findCaseRole } from '@/lib/auth/guards';
import { isStaffUser } from '@/lib/auth/sessions';
import { setupTestDatabase } from '@/tests/helpers/database';
import { ACTORS, type Actor, recordProbes } from './policies';

/**
 * The roles the guards resolve for each matrix actor, straight from the database (the HTTP matrix
 * checks the same people through every surface). Also pins what recordProbes expands to.
 */
let handle: DatabaseHandle;
let caseIds: { demo: string; other: string };

beforeAll(async () => {
  handle = await setupTestDatabase();
  await seedDemoCase(handle.db);
  await seedAccessFixtures(handle.db);
  const idOf = async (slug: string) => (await handle.db.select({ id: cases.id }).from(cases).where(eq(cases.slug, slug)))[0].id;
  caseIds = { demo: await idOf(DEMO_CASE_SLUG), other: await idOf(ACCESS_FIXTURE_CASE_SLUG) };
});

async function userOf(actor: Exclude<Actor, 'anonymous'>) {
  const [user] = await handle.db
    .select({ id: users.id, isPlatformAdmin: users.isPlatformAdmin })
    .from(users)
    .where(eq(users.email, ACCESS_FIXTURE_EMAILS[actor]));
  return user;
}

describe('roles per actor', () => {
  const expected: Record<Exclude<Actor, 'anonymous'>, { demo: string | null; other: string | null; isStaff: boolean }> = {
    claimantA: { demo: null, other: null, isStaff: false },
    claimantB: { demo: null, other: null, isStaff: false },
    lawyer: { demo: 'lawyer', other: null, isStaff: true },
    otherLawyer: { demo: null, other: 'lawyer', isStaff: true },
    organizer: { demo: 'organizer', other: null, isStaff: true },
    admin: { demo: 'platform_admin', other: 'platform_admin', isStaff: true },
  };

  for (const actor of ACTORS.filter((name): name is Exclude<Actor, 'anonymous'> => name !== 'anonymous')) {
    it(`${actor}: ${JSON.stringify(expected[actor])}`, async () => {
      const user = await userOf(actor);
      expect({
        demo: await findCaseRole(handle.db, user, caseIds.demo),
        other: await findCaseRole(handle.db, user, caseIds.other),
        isStaff: await isStaffUser(handle.db, user.id),
      }).toEqual(expected[actor]);
    });
  }

  it('opens claimant files to lawyers and admins only, never to organizers', () => {
    expect([
      canSeeClaimantFiles('lawyer'),
      canSeeClaimantFiles('admin'),
      canSeeClaimantFiles('platform_admin'),
      canSeeClaimantFiles('organizer'),
    ]).toEqual([true, true, true, false]);
  });
});

describe('recordProbes', () => {
  it("tries each claimant's record as every actor: the owner and the case's lawyer in, everyone else 404", () => {
    const [a, b, c] = recordProbes('/api/evidence/{evidence}', { owner: 'allow', caseLawyer: 'allow' });
    expect([a.url, b.url, c.url]).toEqual(['/api/evidence/{evidenceA}', '/api/evidence/{evidenceB}', '/api/evidence/{evidenceC}']);
    expect(a.expect).toEqual({
      anonymous: 'signin',
      claimantA: 'allow',
      claimantB: 'deny',
      lawyer: 'allow',
      otherLawyer: 'deny',
      organizer: 'deny',
      admin: 'allow',
    });
    expect(b.expect).toMatchObject({ claimantA: 'deny', claimantB: 'allow' });
    expect(c.expect).toMatchObject({ claimantA: 'deny', claimantB: 'deny', lawyer: 'deny', otherLawyer: 'allow' });
  });
});
