import type { ClaimantRecord } from '../claimants/record';

export function currentStepOf(record: ClaimantRecord): string {
  return record.step;
}
