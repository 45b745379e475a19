import type { Database } from '@/db/client';
import type { Case, Claimant, DamageItem, Evidence, Statement } from '@/db/schema';
import { type ClaimConsentKind, listSignedConsents, loadClaimConsentTexts, signedCurrentKinds } from '@/lib/consents/queries';
import { listOwnEvidence } from '@/lib/evidence/store';
import type { Locale } from '@/lib/i18n/config';
import { findLatestStatement, isStatementCurrent } from '@/lib/statements/sign';
import { listDamageItems } from './save-damages';
import { type IntakeStep, needsBusiness } from './steps';

/** One thing the claim still lacks, named for the review page (`intake.review.missing.<key>`) with the step that fixes it. */
export type MissingItem = { step: IntakeStep; key: string };

export type ClaimOverview = {
  damages: DamageItem[];
  evidence: Evidence[];
  latestStatement: Statement | null;
  isStatementCurrent: boolean;
  consentTexts: Awaited<ReturnType<typeof loadClaimConsentTexts>>;
  signedConsentKinds: Set<ClaimConsentKind>;
  missing: MissingItem[];
};

/** Everything the review page shows and the submit checks, read in one place. */
export async function loadClaimOverview(db: Database, claimant: Claimant, caseRow: Case, locale: Locale): Promise<ClaimOverview> {
  const [damages, evidence, latestStatement, consentTexts, signedConsents] = await Promise.all([
    listDamageItems(db, claimant),
    listOwnEvidence(db, claimant),
    findLatestStatement(db, claimant),
    loadClaimConsentTexts(db, claimant.caseId, locale),
    listSignedConsents(db, claimant),
  ]);
  const signedConsentKinds = signedCurrentKinds(signedConsents, consentTexts);
  const isCurrent = isStatementCurrent(latestStatement, claimant, caseRow);
  const missing = findMissingItems({
    claimant,
    damages,
    evidenceCount: evidence.length,
    latestStatement,
    isStatementCurrent: isCurrent,
    consentKinds: consentTexts.map((text) => text.kind),
    signedConsentKinds,
  });
  return { damages, evidence, latestStatement, isStatementCurrent: isCurrent, consentTexts, signedConsentKinds, missing };
}

/** The data decides completeness, not which pages were visited. */
export function findMissingItems(input: {
  claimant: Claimant;
  damages: Pick<DamageItem, 'amountKrw'>[];
  evidenceCount: number;
  latestStatement: Statement | null;
  isStatementCurrent: boolean;
  consentKinds: ClaimConsentKind[];
  signedConsentKinds: Set<ClaimConsentKind>;
}): MissingItem[] {
  const { claimant } = input;
  const missing: MissingItem[] = [];
  const need = (isPresent: unknown, step: IntakeStep, key: string) => {
    if (!isPresent) missing.push({ step, key });
  };
  need(claimant.type, 'type', 'type');
  need(claimant.legalName, 'identity', 'legalName');
  need(claimant.dateOfBirthEncrypted, 'identity', 'dateOfBirth');
  need(claimant.phoneEncrypted, 'identity', 'phone');
  need(claimant.addressEncrypted && claimant.locality, 'identity', 'address');
  need(claimant.region, 'identity', 'region');
  if (needsBusiness(claimant.type)) {
    need(claimant.businessName, 'identity', 'businessName');
    need(claimant.businessRegistrationNumber, 'identity', 'businessRegistrationNumber');
  }
  if (claimant.type === 'pc_bang') need(claimant.pcBangSeats, 'identity', 'pcBangSeats');
  need(claimant.isp && claimant.lineType, 'connection', 'connection');
  need(claimant.monthlyFeeKrw !== null, 'connection', 'monthlyFee');
  need(claimant.outageStartedAt && claimant.outageEndedAt, 'outage', 'outage');
  need(input.damages.length > 0 && input.damages.some((item) => item.amountKrw > 0), 'damages', 'damages');
  need(claimant.statementDraft, 'statement', 'statementAnswers');
  if (claimant.statementDraft) {
    if (!input.latestStatement) missing.push({ step: 'sign', key: 'statementSignature' });
    else if (!input.isStatementCurrent) missing.push({ step: 'sign', key: 'statementOutdated' });
  }
  need(input.evidenceCount > 0, 'evidence', 'evidence');
  for (const kind of input.consentKinds) need(input.signedConsentKinds.has(kind), 'consent', `consent_${kind}`);
  if (input.consentKinds.length === 0) missing.push({ step: 'consent', key: 'consentTexts' });
  return missing;
}
