import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { caseMemberships, cases, claimants } from '@/db/schema';
import type { CurrentUser } from './guards';

export type NavigationAreas = {
  hasClaims: boolean;
  hasStaffRole: boolean;
  isPlatformAdmin: boolean;
  /** The case slug when the user is a lawyer of exactly one case and holds no other staff role. */
  soleLawyerCaseSlug?: string | null;
};

/** Which signed-in areas to show in the navigation (each area checks access again itself). */
export async function findNavigationAreas(db: Database, user: CurrentUser): Promise<NavigationAreas> {
  const [[claim], memberships] = await Promise.all([
    db.select({ id: claimants.id }).from(claimants).where(eq(claimants.userId, user.id)).limit(1),
    // Two rows are enough to tell "exactly one case" from "several".
    db
      .select({ role: caseMemberships.role, slug: cases.slug })
      .from(caseMemberships)
      .innerJoin(cases, eq(cases.id, caseMemberships.caseId))
      .where(eq(caseMemberships.userId, user.id))
      .limit(2),
  ]);
  const sole = memberships.length === 1 && memberships[0].role === 'lawyer' ? memberships[0].slug : null;
  return {
    hasClaims: Boolean(claim),
    hasStaffRole: memberships.length > 0,
    isPlatformAdmin: user.isPlatformAdmin,
    soleLawyerCaseSlug: sole,
  };
}

/** Where each kind of user lands after signing in: a lawyer of one case goes straight to its review queue. */
export function homePathFor(areas: NavigationAreas): string {
  if (areas.isPlatformAdmin) return '/admin';
  if (areas.soleLawyerCaseSlug) return `/cases/${areas.soleLawyerCaseSlug}/review`;
  if (areas.hasStaffRole) return '/staff';
  return '/my';
}
