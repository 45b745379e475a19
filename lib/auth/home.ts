import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { caseMemberships, claimants } from '@/db/schema';
import type { CurrentUser } from './guards';

export type NavigationAreas = { hasClaims: boolean; hasStaffRole: boolean; isPlatformAdmin: boolean };

/** Which signed-in areas to show in the navigation (each area checks access again itself). */
export async function findNavigationAreas(db: Database, user: CurrentUser): Promise<NavigationAreas> {
  const [[claim], [membership]] = await Promise.all([
    db.select({ id: claimants.id }).from(claimants).where(eq(claimants.userId, user.id)).limit(1),
    db.select({ id: caseMemberships.id }).from(caseMemberships).where(eq(caseMemberships.userId, user.id)).limit(1),
  ]);
  return { hasClaims: Boolean(claim), hasStaffRole: Boolean(membership), isPlatformAdmin: user.isPlatformAdmin };
}

/** Where each kind of user lands after signing in. */
export function homePathFor(areas: NavigationAreas): string {
  if (areas.isPlatformAdmin) return '/admin';
  if (areas.hasStaffRole) return '/staff';
  return '/my';
}
