import { type CaseAccess, LAWYER_ROLES, canSeeClaimantFiles, requireCaseRole } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';

/**
 * The review workspace is the lawyers' (case admins and platform admins pass too). Organizers and
 * lawyers of other cases are refused with `forbidden`, which every surface answers as 404.
 */
export async function requireReviewer(caseSlug: string): Promise<CaseAccess> {
  const access = await requireCaseRole(caseSlug, LAWYER_ROLES);
  // Belt and braces: claimant files hold dates of birth, statements and evidence.
  if (!canSeeClaimantFiles(access.role)) throw new AppError('forbidden');
  return access;
}
