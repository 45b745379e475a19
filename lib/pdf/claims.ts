import { PdfInputError } from './errors';
import type { ClaimantSnapshot, PartyListClaimant } from './types';

/** Checks that a claimant's damages add up: the total is what the complaint claims. */
export function assertDamagesAddUp(claimant: Pick<ClaimantSnapshot, 'referenceNumber' | 'damages'>): void {
  const { items, totalKrw } = claimant.damages;
  if (!Number.isSafeInteger(totalKrw) || totalKrw < 0) {
    throw new PdfInputError(
      `damages.totalKrw (${claimant.referenceNumber})`,
      `must be a non-negative whole number of won, got ${totalKrw}`,
    );
  }
  const sum = items.reduce((total, item) => total + item.amountKrw, 0);
  if (items.some((item) => !Number.isSafeInteger(item.amountKrw) || item.amountKrw < 0) || sum !== totalKrw) {
    throw new PdfInputError(`damages (${claimant.referenceNumber})`, `items add up to ${sum} but the total is ${totalKrw}`);
  }
}

/** Sum of all claimants' totals, in won. */
export function totalClaimKrw(claimants: readonly Pick<PartyListClaimant, 'damages'>[]): number {
  let total = 0;
  for (const claimant of claimants) total += claimant.damages.totalKrw;
  if (!Number.isSafeInteger(total)) throw new PdfInputError('damages', 'total claim exceeds the safe integer range');
  return total;
}

export function requireClaimants<T>(claimants: readonly T[], field = 'claimants'): void {
  if (claimants.length === 0) throw new PdfInputError(field, 'at least one claimant is required');
}
