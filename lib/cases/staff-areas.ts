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
  // Filings hold the claimants' personal data in full: lawyers and admins only.
  { path: '/filings', labelKey: 'nav.filings', roles: ['lawyer', 'admin', 'platform_admin'] },
  // Filing rounds name claimants (the 소취하 list): lawyers and admins only.
  { path: '/rounds', labelKey: 'nav.rounds', roles: ['lawyer', 'admin', 'platform_admin'] },
  // DASHBOARD_ROLES (admins pass every role check).
  { path: '/dashboard', labelKey: 'nav.dashboard', roles: ['organizer', 'lawyer', 'admin', 'platform_admin'] },
  // ORGANIZER_ROLES.
  { path: '/campaigns', labelKey: 'nav.campaigns', roles: ['organizer', 'admin', 'platform_admin'] },
  { path: '/settings', labelKey: 'nav.settings', roles: ['lawyer', 'admin', 'platform_admin'] },
];

export function staffAreasFor(role: EffectiveCaseRole): StaffArea[] {
  return STAFF_AREAS.filter((area) => area.roles.includes(role));
}
