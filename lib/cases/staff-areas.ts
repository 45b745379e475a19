import type { EffectiveCaseRole } from '@/lib/auth/guards';

type StaffArea = { path: string; labelKey: `nav.${string}`; roles: readonly EffectiveCaseRole[] };

/**
 * The case areas staff work in, and which roles each opens. Each area's pages still check the
 * role themselves; this only decides which links to show.
 */
export const STAFF_AREAS: readonly StaffArea[] = [
  { path: '', labelKey: 'nav.cases', roles: ['lawyer', 'organizer', 'admin', 'platform_admin'] },
  // Claimant files hold dates of birth, statements and evidence: lawyers and admins only.
  { path: '/review', labelKey: 'nav.review', roles: ['lawyer', 'admin', 'platform_admin'] },
  { path: '/settings', labelKey: 'nav.settings', roles: ['lawyer', 'admin', 'platform_admin'] },
];

export function staffAreasFor(role: EffectiveCaseRole): StaffArea[] {
  return STAFF_AREAS.filter((area) => area.roles.includes(role));
}
