import type { Database } from '@/db/client';
import type { Case, DamageItem, Evidence, Statement } from '@/db/schema';
import { type MissingClaimItem, missingItems } from '@/lib/claims';
import { type ClaimConsentKind, listSignedConsents, loadClaimConsentTexts, signedCurrentKinds } from '@/lib/consents/queries';
import { listOwnEvidence } from '@/lib/evidence/store';
import type { Locale } from '@/lib/i18n/config';
import { findLatestStatement, isStatementCurrent } from '@/lib/statements/sign';
import type { ClaimContext } from '@/lib/claimants/claim-context';
import { listDamageItems, toDamageInputs } from '@/lib/claimants/damages';
import type { IntakeStep } from '@/lib/claimants/intake-steps';

/**
 * One thing the claim still lacks, with the step that fixes it: the wizard's own items are named
 * by a key (`intake.review.missing.<key>`), the definition's by the engine in both languages.
 */
export type MissingItem = { step: IntakeStep; key: string; message?: { ko: string; en: string } };

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
export async function loadClaimOverview(db: Database, context: ClaimContext, caseRow: Case, locale: Locale): Promise<ClaimOverview> {
  const { claimant } = context;
  const [damages, evidence, latestStatement, consentTexts, signedConsents] = await Promise.all([
    listDamageItems(db, claimant),
    listOwnEvidence(db, claimant),
    findLatestStatement(db, claimant),
    loadClaimConsentTexts(db, claimant.caseId, locale),
    listSignedConsents(db, claimant),
  ]);
  const signedConsentKinds = signedCurrentKinds(signedConsents, consentTexts);
  const isCurrent = isStatementCurrent(latestStatement, { claimant, caseRow, definition: context.definition, damages });
  const missing = findMissingItems({
    context,
    damages,
    evidence,
    latestStatement,
    isStatementCurrent: isCurrent,
    consentKinds: consentTexts.map((text) => text.kind),
    signedConsentKinds,
  });
  return { damages, evidence, latestStatement, isStatementCurrent: isCurrent, consentTexts, signedConsentKinds, missing };
}

/** Where the engine's missing item is fixed in the wizard. */
function stepOf(item: MissingClaimItem): IntakeStep {
  if (item.kind === 'category') return 'type';
  if (item.kind === 'evidence') return 'evidence';
  if (item.kind === 'damages') return 'damages';
  return item.stepId ?? 'review';
}

/** The data decides completeness, not which pages were visited. */
export function findMissingItems(input: {
  context: ClaimContext;
  damages: DamageItem[];
  evidence: Pick<Evidence, 'kind'>[];
  latestStatement: Statement | null;
  isStatementCurrent: boolean;
  consentKinds: ClaimConsentKind[];
  signedConsentKinds: Set<ClaimConsentKind>;
}): MissingItem[] {
  const { claimant, definition } = input.context;
  const missing: MissingItem[] = [];
  const need = (isPresent: unknown, step: IntakeStep, key: string) => {
    if (!isPresent) missing.push({ step, key });
  };
  const category = definition.categories.find((item) => item.id === claimant.category) ?? null;
  need(category, 'type', 'type');
  need(claimant.legalName, 'identity', 'legalName');
  need(claimant.dateOfBirthEncrypted, 'identity', 'dateOfBirth');
  need(claimant.phoneEncrypted, 'identity', 'phone');
  need(claimant.addressEncrypted && claimant.locality, 'identity', 'address');
  need(claimant.region, 'identity', 'region');
  if (category?.isBusiness) {
    need(claimant.businessName, 'identity', 'businessName');
    need(claimant.businessRegistrationNumber, 'identity', 'businessRegistrationNumber');
  }
  if (claimant.isMinor) need(claimant.guardianNames.length > 0, 'identity', 'guardian');
  if (category) {
    const evidenceCounts: Record<string, number> = {};
    for (const file of input.evidence) evidenceCounts[file.kind] = (evidenceCounts[file.kind] ?? 0) + 1;
    const items = missingItems(definition, { ...input.context.state, evidenceCounts, damageItems: toDamageInputs(input.damages) });
    for (const item of items)
      missing.push({ step: stepOf(item), key: item.kind === 'answer' ? 'answer' : item.kind, message: item.message });
  }
  if (category && claimant.legalName) {
    if (!input.latestStatement) missing.push({ step: 'sign', key: 'statementSignature' });
    else if (!input.isStatementCurrent) missing.push({ step: 'sign', key: 'statementOutdated' });
  }
  for (const kind of input.consentKinds) need(input.signedConsentKinds.has(kind), 'consent', `consent_${kind}`);
  if (input.consentKinds.length === 0) missing.push({ step: 'consent', key: 'consentTexts' });
  return missing;
}
