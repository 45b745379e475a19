import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  type DamageCategory as DbDamageCategory,
  claimants,
  consentDocuments,
  consents,
  damageItems,
  evidence,
  statements,
} from '@/db/schema';
import { decryptField } from '@/lib/crypto/field-encryption';
import type { ClaimantSnapshot, ConsentKind, DamageItem, EvidenceItem, Language, SignedStatement } from '@/lib/pdf/types';

/** Large filings are loaded in slices so no single query carries 100,000 parameters. */
const SLICE = 1_000;

/**
 * Our damage categories in the renderer's terms. Fees for the outage period are claimed back
 * (이용요금 반환); data loss has no printed category, so its label is written in the filing's
 * language.
 */
const DATA_LOSS_LABEL: Record<Language, string> = { ko: '데이터 손실', en: 'Data loss' };

function damageCategory(category: DbDamageCategory, language: Language): DamageItem['category'] {
  if (category === 'service_fee') return 'fee_refund';
  if (category === 'data_loss') return DATA_LOSS_LABEL[language];
  return category;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

async function loadSlice(db: Database, caseId: string, ids: string[], language: Language): Promise<ClaimantSnapshot[]> {
  // One query after another: inside a transaction they share one connection anyway.
  // Scoped to the case and to verified claimants in the query itself: an id from elsewhere finds nothing.
  const people = await db
    .select()
    .from(claimants)
    .where(and(eq(claimants.caseId, caseId), inArray(claimants.id, ids), eq(claimants.status, 'verified')));
  const damages = await db
    .select()
    .from(damageItems)
    .where(and(eq(damageItems.caseId, caseId), inArray(damageItems.claimantId, ids)))
    .orderBy(asc(damageItems.claimantId), asc(damageItems.position));
  const signed = await db
    .select({ consent: consents, locale: consentDocuments.locale })
    .from(consents)
    .innerJoin(consentDocuments, eq(consentDocuments.id, consents.documentId))
    .where(
      and(
        eq(consents.caseId, caseId),
        inArray(consents.claimantId, ids),
        isNull(consents.revokedAt),
        ne(consents.kind, 'petition_privacy'),
      ),
    )
    .orderBy(asc(consents.claimantId), asc(consents.signedAt));
  const latestStatements = await db
    .selectDistinctOn([statements.claimantId])
    .from(statements)
    .where(and(eq(statements.caseId, caseId), inArray(statements.claimantId, ids), eq(statements.kind, 'patch_status')))
    .orderBy(statements.claimantId, desc(statements.version));
  const files = await db
    .select()
    .from(evidence)
    .where(and(eq(evidence.caseId, caseId), inArray(evidence.claimantId, ids)))
    .orderBy(asc(evidence.claimantId), asc(evidence.uploadedAt), asc(evidence.id));
  const damagesOf = groupBy(damages, (row) => row.claimantId);
  const consentsOf = groupBy(signed, (row) => row.consent.claimantId);
  const statementOf = new Map(latestStatements.map((row) => [row.claimantId, row]));
  const filesOf = groupBy(files, (row) => row.claimantId);

  return people.map((person): ClaimantSnapshot => {
    const items: DamageItem[] = (damagesOf.get(person.id) ?? []).map((item) => ({
      category: damageCategory(item.category, language),
      description: item.description,
      amountKrw: item.amountKrw,
    }));
    const statement = statementOf.get(person.id);
    const signedStatement: SignedStatement | undefined = statement && {
      version: statement.version,
      text: statement.renderedText,
      language: statement.language === 'en' ? 'en' : 'ko',
      signerName: statement.signerName,
      signedAt: statement.signedAt.toISOString(),
      ip: statement.signerIp,
      userAgent: statement.signerUserAgent,
      textSha256: statement.textSha256,
    };
    return {
      id: person.id,
      referenceNumber: person.referenceNumber ?? '',
      legalName: person.legalName ?? '',
      dateOfBirth: decryptField(person.dateOfBirthEncrypted) ?? '',
      address: decryptField(person.addressEncrypted) ?? '',
      locality: person.locality ?? '',
      phone: decryptField(person.phoneEncrypted) ?? undefined,
      claimantType: person.type ?? 'other',
      businessName: person.businessName ?? undefined,
      businessRegistrationNumber: person.businessRegistrationNumber ?? undefined,
      damages: { items, totalKrw: items.reduce((sum, item) => sum + item.amountKrw, 0) },
      consents: (consentsOf.get(person.id) ?? []).map(({ consent, locale }) => ({
        kind: consent.kind as ConsentKind,
        documentVersion: `v${consent.documentVersion} (${locale})`,
        textSha256: consent.textSha256,
        signedAt: consent.signedAt.toISOString(),
        signerName: consent.signerName,
        ip: consent.signerIp,
      })),
      statement: signedStatement,
      evidence: (filesOf.get(person.id) ?? []).map((file): EvidenceItem => ({
        id: file.id,
        kind: file.kind,
        label: file.label || file.originalFilename,
        originalFilename: file.originalFilename,
        mime: file.detectedMime,
        sha256: file.sha256,
        pageCount: file.pageCount ?? undefined,
      })),
    };
  });
}

/**
 * The exact claimant data a filing is built from, frozen at request time: personal fields
 * decrypted, damages with their total, signed consents with their records, the latest signed
 * statement and the evidence list with each file's SHA-256. Only verified claimants of this case
 * come back, in the order of `claimantIds`; ids that do not qualify are left out.
 */
export async function buildClaimantSnapshots(
  db: Database,
  caseId: string,
  claimantIds: readonly string[],
  language: Language,
): Promise<ClaimantSnapshot[]> {
  const byId = new Map<string, ClaimantSnapshot>();
  for (let start = 0; start < claimantIds.length; start += SLICE) {
    for (const snapshot of await loadSlice(db, caseId, claimantIds.slice(start, start + SLICE), language)) byId.set(snapshot.id, snapshot);
  }
  return claimantIds.map((id) => byId.get(id)).filter((snapshot): snapshot is ClaimantSnapshot => Boolean(snapshot));
}
