import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { type Database, getDb } from '@/db/client';
import { type Case, type CaseRole, type Claimant, caseInvitations, caseMemberships, cases, claimants, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { isCaseSlug } from '@/lib/format/case-slug';
import { getAuthOptions } from './options';
import { checkSession, isStaffUser } from './sessions';

/**
 * The one module that decides who may do what. Every page, server action and route handler calls
 * one of these before touching data; proxy.ts only redirects for convenience and is never the gate
 * (CVE-2025-29927). Roles come from the database on every request, never from the token.
 */
export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  locale: 'ko' | 'en';
  isPlatformAdmin: boolean;
  emailVerifiedAt: Date | null;
  hasTotp: boolean;
  sessionId: string;
  isStaffSession: boolean;
};

/** Case roles plus the platform admin, who acts as an admin of every case. */
export type EffectiveCaseRole = CaseRole | 'platform_admin';

export type CaseAccess = { user: CurrentUser; case: Case; role: EffectiveCaseRole };
export type ClaimantAccess = { user: CurrentUser; case: Case; claimant: Claimant };

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(getAuthOptions()).catch(() => null);
  const userId = session?.user?.id;
  const sessionId = session?.user?.sessionId;
  if (!userId || !sessionId) return null;
  const db = await getDb();
  const check = await checkSession(db, sessionId, userId);
  if (!check.ok) return null;
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    isPlatformAdmin: user.isPlatformAdmin,
    emailVerifiedAt: user.emailVerifiedAt,
    hasTotp: Boolean(user.totpEnabledAt),
    sessionId,
    isStaffSession: check.session.isStaff,
  };
});

/**
 * Signed in, whether or not the address is proved. Only the "verify first" page, resending the
 * verification mail and the language preference use this; everything else calls requireUser.
 */
export async function requireSignedIn(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthenticated');
  return user;
}

/**
 * A signed-in user whose address is proved. Claims, exports, erasure, petition signatures and
 * roles are all reached through an address; until its holder has shown they read mail sent to
 * it, anyone could have typed it (issue 17, item 1), so every guard below starts here.
 */
export async function requireUser(): Promise<CurrentUser> {
  const user = await requireSignedIn();
  if (!user.emailVerifiedAt) throw new AppError('unverified');
  return user;
}

export async function requirePlatformAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (!user.isPlatformAdmin) throw new AppError('forbidden');
  return user;
}

/** Lawyers' work is open to case admins too; admins see everything in their case. */
function roleSatisfies(role: EffectiveCaseRole, allowed: readonly CaseRole[]): boolean {
  if (role === 'platform_admin' || role === 'admin') return true;
  return allowed.includes(role);
}

export async function findCaseRole(
  db: Database,
  user: Pick<CurrentUser, 'id' | 'isPlatformAdmin'>,
  caseId: string,
): Promise<EffectiveCaseRole | null> {
  if (user.isPlatformAdmin) return 'platform_admin';
  const [membership] = await db
    .select({ role: caseMemberships.role })
    .from(caseMemberships)
    .where(and(eq(caseMemberships.caseId, caseId), eq(caseMemberships.userId, user.id)));
  return membership?.role ?? null;
}

/**
 * The signed-in user must hold one of `roles` in the case named by its slug. Anyone else gets
 * `forbidden`, which every surface answers as 404: a lawyer of another case cannot even learn
 * which records exist.
 */
export async function requireCaseRole(caseSlug: string, roles: readonly CaseRole[]): Promise<CaseAccess> {
  const user = await requireUser();
  if (!isCaseSlug(caseSlug)) throw new AppError('not_found');
  const db = await getDb();
  const [found] = await db.select().from(cases).where(eq(cases.slug, caseSlug));
  if (!found) throw new AppError('not_found');
  const role = await findCaseRole(db, user, found.id);
  if (!role || !roleSatisfies(role, roles)) throw new AppError('forbidden');
  return { user, case: found, role };
}

/** The signed-in user's own claimant record in the case; never someone else's. */
export async function requireOwnClaimant(caseSlug: string): Promise<ClaimantAccess> {
  const user = await requireUser();
  if (!isCaseSlug(caseSlug)) throw new AppError('not_found');
  const db = await getDb();
  const [row] = await db
    .select({ case: cases, claimant: claimants })
    .from(claimants)
    .innerJoin(cases, eq(cases.id, claimants.caseId))
    .where(and(eq(cases.slug, caseSlug), eq(claimants.userId, user.id)));
  if (!row) throw new AppError('not_found');
  return { user, case: row.case, claimant: row.claimant };
}

/** Staff: platform admins and anyone holding a role in some case (lawyers, organizers, case admins). */
export async function requireStaffUser(): Promise<CurrentUser> {
  const user = await requireUser();
  if (!user.isPlatformAdmin && !(await isStaffUser(await getDb(), user.id))) throw new AppError('forbidden');
  return user;
}

/**
 * Staff, or someone who accepted an invitation that waits for their two-step sign-in: the account
 * security page and its actions open to them so that they can set it up (issue 17, item 3).
 */
export async function requireTwoFactorUser(): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.isPlatformAdmin || (await isStaffUser(await getDb(), user.id))) return user;
  const [waiting] = await (
    await getDb()
  )
    .select({ id: caseInvitations.id })
    .from(caseInvitations)
    .where(and(eq(caseInvitations.acceptedUserId, user.id), isNotNull(caseInvitations.acceptedAt), isNull(caseInvitations.activatedAt)))
    .limit(1);
  if (!waiting) throw new AppError('forbidden');
  return user;
}

/** Whether the user may see personal data of the case's claimants (lawyers and admins only). */
export function canSeeClaimantFiles(role: EffectiveCaseRole): boolean {
  return roleSatisfies(role, ['lawyer']);
}

export const LAWYER_ROLES = ['lawyer'] as const satisfies readonly CaseRole[];
export const DASHBOARD_ROLES = ['organizer', 'lawyer'] as const satisfies readonly CaseRole[];
export const ORGANIZER_ROLES = ['organizer'] as const satisfies readonly CaseRole[];
export const CASE_ADMIN_ROLES = ['admin'] as const satisfies readonly CaseRole[];
