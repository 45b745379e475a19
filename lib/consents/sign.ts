import type { Database } from '@/db/client';
import { type Case, consents } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { sha256Hex } from '@/lib/crypto/hash';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { lockDraftForSigning, type OwnClaimant } from '@/lib/claimants/draft';
import { recordStepDone } from '@/lib/claimants/record';
import type { SignatureRequest } from '@/lib/statements/sign';
import { CLAIM_CONSENT_KINDS, type ClaimConsentKind, listSignedConsents, loadClaimConsentTexts, signedCurrentKinds } from './queries';

/**
 * Signs the consent texts the claimant was shown (`shownDocumentIds`, one per kind). A text
 * published meanwhile, or a stored text whose hash no longer matches, stops the signature:
 * what is signed must be exactly what was read. Signing a version twice changes nothing.
 */
export async function signClaimConsents(
  db: Database,
  input: {
    claimant: OwnClaimant;
    caseRow: Case;
    locale: Locale;
    signerName: string;
    shownDocumentIds: Partial<Record<ClaimConsentKind, string>>;
    request: SignatureRequest;
  },
): Promise<{ signedKinds: ClaimConsentKind[] }> {
  return db.transaction(async (tx) => {
    const claimant = await lockDraftForSigning(tx, input.claimant, input.signerName);
    const texts = await loadClaimConsentTexts(tx, claimant.caseId, input.locale);
    if (texts.length !== CLAIM_CONSENT_KINDS.length) throw new AppError('not_found', { messageKey: 'intake.consent.missingTexts' });
    const signedAt = new Date();
    const newlySigned: ClaimConsentKind[] = [];
    for (const { kind, document } of texts) {
      if (input.shownDocumentIds[kind] !== document.id) throw new AppError('conflict', { messageKey: 'intake.consent.textChanged' });
      const textSha256 = sha256Hex(document.body);
      if (textSha256 !== document.bodySha256)
        throw new AppError('internal', { message: `consent document ${document.id} does not match its hash` });
      const [row] = await tx
        .insert(consents)
        .values({
          claimantId: claimant.id,
          caseId: claimant.caseId,
          kind,
          documentId: document.id,
          documentVersion: document.version,
          textSha256,
          signerName: input.signerName.trim(),
          signedAt,
          signerIp: input.request.ip,
          signerUserAgent: input.request.userAgent || 'unknown',
        })
        .onConflictDoNothing({ target: [consents.claimantId, consents.kind, consents.documentVersion] })
        .returning({ id: consents.id });
      if (!row) continue;
      newlySigned.push(kind);
      await recordAudit(tx, {
        action: 'consent.signed',
        actorUserId: claimant.userId,
        caseId: claimant.caseId,
        subjectType: 'consent',
        subjectId: row.id,
        ip: input.request.ip,
        details: { claimantId: claimant.id, kind, documentId: document.id, documentVersion: document.version, textSha256 },
      });
    }
    const signed = signedCurrentKinds(await listSignedConsents(tx, claimant), texts);
    await recordStepDone(tx, claimant.id, 'consent', { hasSignedConsent: signed.size === CLAIM_CONSENT_KINDS.length });
    return { signedKinds: newlySigned };
  });
}
