import type { Database } from '@/db/client';
import type { Case } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { toKstDateInput } from '@/lib/forms/validators';
import { type CostBasis, loadFilingCostBasis, loadUnfiledCostBasis } from './queries';
import { type CostWorksheetQuery, DEFAULT_REPRESENTATIVES } from './schemas';
import { type CostWorksheet, buildCostWorksheet } from './worksheet';

export type LoadedWorksheet = { basis: CostBasis; version: number | null; worksheet: CostWorksheet };

/**
 * The worksheet of a case, for the claimants a new filing would take or for one built packet.
 * The caller has checked the reader may see the case's filings (lawyers and admins); every read
 * here is scoped to the case. A worksheet without claimants, without a defendant or with more
 * 선정당사자 than claimants is refused with what to do.
 */
export async function loadCostWorksheet(db: Database, found: Case, query: CostWorksheetQuery, now = new Date()): Promise<LoadedWorksheet> {
  const basis = query.version ? await loadFilingCostBasis(db, found.id, query.version) : await loadUnfiledCostBasis(db, found.id);
  if (!basis) throw new AppError('not_found');
  if (basis.claimantCount === 0) throw new AppError('conflict', { messageKey: 'costs.errors.noClaimants' });
  if (basis.defendantCount === 0) throw new AppError('conflict', { messageKey: 'costs.errors.noDefendants' });
  const representatives = query.representatives ?? Math.min(DEFAULT_REPRESENTATIVES, basis.claimantCount);
  if (representatives > basis.claimantCount)
    throw new AppError('invalid_input', {
      fieldErrors: { representatives: `costs.validation.tooManyRepresentatives|${JSON.stringify({ max: basis.claimantCount })}` },
    });
  const worksheet = buildCostWorksheet({
    claimValueKrw: basis.claimValueKrw,
    claimantCount: basis.claimantCount,
    defendantCount: basis.defendantCount,
    representativeCount: representatives,
    isElectronic: query.filing === 'electronic',
    instance: query.instance,
    court: query.instance === 'first' && query.court !== 'auto' ? query.court : undefined,
    perServiceKrw: query.perService,
    day: query.day ?? toKstDateInput(now),
  });
  return { basis, version: query.version ?? null, worksheet };
}
