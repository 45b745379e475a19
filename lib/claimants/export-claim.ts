import type { Claimant, Evidence } from '@/db/schema';
import { openAnswers } from '@/lib/claims/store';
import { decryptField } from '@/lib/crypto/field-encryption';

/**
 * What the person's data export says about a claim: what they told us and the decisions about
 * them (PIPA art. 35): identity field by field, the case-specific answers under the claim
 * definition version they were given in (sealed answers opened); listed so that a column added
 * to `claimants` stays out until someone decides it belongs here. Our working fields never go out: review counters such as
 * `openFlagCount` (it would tip off a flagged duplicate), `assignedLawyerId`, search keys and
 * hashes, the wizard's bookkeeping, the optimistic-locking version (issue 17, item 16).
 */
export function exportedClaim(claimant: Claimant) {
  return {
    reference: claimant.referenceNumber,
    status: claimant.status,
    category: claimant.category,
    definitionVersion: claimant.definitionVersion,
    answers: openAnswers(claimant.answers),
    legalName: claimant.legalName,
    latinName: claimant.latinName,
    isMinor: claimant.isMinor,
    guardianRelation: claimant.guardianRelation,
    guardianNames: claimant.guardianNames,
    dateOfBirth: decryptField(claimant.dateOfBirthEncrypted),
    phone: decryptField(claimant.phoneEncrypted),
    address: decryptField(claimant.addressEncrypted),
    locality: claimant.locality,
    region: claimant.region,
    businessName: claimant.businessName,
    businessRegistrationNumber: claimant.businessRegistrationNumber,
    source: claimant.source,
    locale: claimant.locale,
    decisions: {
      submittedAt: claimant.submittedAt,
      needsInfoAt: claimant.needsInfoAt,
      verifiedAt: claimant.verifiedAt,
      rejectedAt: claimant.rejectedAt,
      rejectionReason: claimant.rejectionReason,
      withdrawnAt: claimant.withdrawnAt,
      withdrawalReason: claimant.withdrawalReason,
      filedAt: claimant.filedAt,
      restrictedAt: claimant.restrictedAt,
    },
    createdAt: claimant.createdAt,
    updatedAt: claimant.updatedAt,
  };
}

/** A file the person uploaded, as they know it (who uploaded it is them; our ids stay out). */
export function exportedEvidence(row: Evidence, fileInThisArchive: string | undefined) {
  return {
    kind: row.kind,
    label: row.label,
    note: row.note,
    filename: row.originalFilename,
    type: row.detectedMime,
    byteSize: row.byteSize,
    pageCount: row.pageCount,
    sha256: row.sha256,
    uploadedAt: row.uploadedAt,
    fileInThisArchive,
  };
}
