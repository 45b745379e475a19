import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Claimant, type ConsentDocument, type ConsentKind, consents } from '@/db/schema';
import { findCurrentConsentDocument } from '@/lib/cases/queries';
import type { Locale } from '@/lib/i18n/config';

/**
 * What a claimant signs before submitting: the retainer (power of attorney to counsel) and the
 * appointment of a representative party (Civil Procedure Act art. 53), which must be provable in
 * writing — so each signature keeps the exact version, its hash, time, IP and browser.
 */
export const CLAIM_CONSENT_KINDS = ['retainer', 'representative_appointment'] as const satisfies readonly ConsentKind[];
export type ClaimConsentKind = (typeof CLAIM_CONSENT_KINDS)[number];

/** The current text of each consent in the reader's language (Korean when there is no translation). */
export async function loadClaimConsentTexts(
  db: Database,
  caseId: string,
  locale: Locale,
): Promise<{ kind: ClaimConsentKind; document: ConsentDocument }[]> {
  const found = await Promise.all(
    CLAIM_CONSENT_KINDS.map(async (kind) => ({
      kind,
      document: (await findCurrentConsentDocument(db, caseId, kind, locale)) ?? (await findCurrentConsentDocument(db, caseId, kind, 'ko')),
    })),
  );
  return found.filter((entry): entry is { kind: ClaimConsentKind; document: ConsentDocument } => entry.document !== null);
}

export async function listSignedConsents(db: Database, claimant: Pick<Claimant, 'id' | 'caseId'>) {
  return db
    .select()
    .from(consents)
    .where(
      and(
        eq(consents.claimantId, claimant.id),
        eq(consents.caseId, claimant.caseId),
        inArray(consents.kind, [...CLAIM_CONSENT_KINDS]),
        isNull(consents.revokedAt),
      ),
    );
}

/** Kinds whose current version the claimant has signed (a new version of a text needs a new signature). */
export function signedCurrentKinds(
  signed: { kind: ConsentKind; documentVersion: number }[],
  texts: { kind: ClaimConsentKind; document: ConsentDocument }[],
): Set<ClaimConsentKind> {
  const result = new Set<ClaimConsentKind>();
  for (const text of texts) {
    if (signed.some((row) => row.kind === text.kind && row.documentVersion === text.document.version)) result.add(text.kind);
  }
  return result;
}
