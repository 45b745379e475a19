import type { Case, Claimant } from '@/db/schema';
import { decryptField } from '@/lib/crypto/field-encryption';
import { answersToFormValues, type StatementAnswers } from '@/lib/statements/questionnaire';
import { outageHours } from './damages';
import { toKstDateTimeInput } from './validators';
import { formatBusinessNumber, formatPhoneNumber } from '@/lib/format/numbers';

/** Default outage length offered before the claimant says otherwise (the outage lasted about two days). */
const DEFAULT_OUTAGE_MS = 48 * 3600_000;
const FALLBACK_INCIDENT = new Date('2003-01-25T14:30:00+09:00');

/**
 * The saved draft as form values, decrypted for the claimant's own eyes only. A step never saved
 * yet starts from sensible defaults: the outage from the case's incident time.
 */
export function loadIntakeDefaults(claimant: Claimant, caseRow: Case): Record<string, string> {
  const incident = caseRow.incidentStartedAt ?? FALLBACK_INCIDENT;
  const hasConnection = claimant.completedSteps.includes('connection');
  return {
    type: claimant.type ?? '',
    legalName: claimant.legalName ?? '',
    dateOfBirth: decryptField(claimant.dateOfBirthEncrypted) ?? '',
    phone: formatPhone(decryptField(claimant.phoneEncrypted) ?? ''),
    address: decryptField(claimant.addressEncrypted) ?? '',
    locality: claimant.locality ?? '',
    region: claimant.region ?? '',
    businessName: claimant.businessName ?? '',
    businessRegistrationNumber: formatBrn(claimant.businessRegistrationNumber ?? ''),
    pcBangSeats: claimant.pcBangSeats ? String(claimant.pcBangSeats) : '',
    isp: claimant.isp ?? '',
    ispOther: claimant.ispOther ?? '',
    lineType: claimant.lineType ?? '',
    serviceAddress: decryptField(claimant.serviceAddressEncrypted) ?? '',
    sameAsHome: !hasConnection || !claimant.serviceAddressEncrypted ? 'on' : '',
    monthlyFeeKrw: claimant.monthlyFeeKrw !== null ? String(claimant.monthlyFeeKrw) : '',
    outageStartedAt: toKstDateTimeInput(claimant.outageStartedAt ?? incident),
    outageEndedAt: toKstDateTimeInput(claimant.outageEndedAt ?? new Date(incident.getTime() + DEFAULT_OUTAGE_MS)),
    impacts: (claimant.outageImpacts ?? []).join(','),
    outageNote: claimant.outageNote ?? '',
    ...answersToFormValues(claimant.statementDraft as StatementAnswers | null),
  };
}

/** What the damage helpers start from: the fee, seats and outage length already given. */
export function loadHelperDefaults(claimant: Claimant) {
  return {
    claimantType: claimant.type ?? 'home_subscriber',
    monthlyFeeKrw: claimant.monthlyFeeKrw ?? 0,
    seats: claimant.pcBangSeats ?? 0,
    hours: outageHours(claimant.outageStartedAt, claimant.outageEndedAt) || 48,
  };
}

/** 01023456789 → 010-2345-6789 and 1248100998 → 124-81-00998: the one formatter (lib/format). */
export const formatPhone = formatPhoneNumber;
export const formatBrn = formatBusinessNumber;
