import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { claimants, consentDocuments, consents, damageItems, evidence, statements } from '@/db/schema';
import { type ClaimDefinition, formatDimension, listDimensions } from '@/lib/claims';
import { loadPublishedDefinition, openAnswers } from '@/lib/claims/store';
import { decryptField } from '@/lib/crypto/field-encryption';
import { formatLocality } from '@/lib/regions';
import type {
  ClaimCategory,
  ClaimantSnapshot,
  ConsentKind,
  DamageItem,
  EvidenceItem,
  Guardian,
  Language,
  LocalizedText,
  SignedStatement,
} from '@/lib/pdf/types';

/** Large filings are loaded in slices so no single query carries 100,000 parameters. */
const SLICE = 1_000;

/** A damage category as the claim definition names it in the filing's language; its id when unknown. */
function damageCategoryLabel(definition: ClaimDefinition | undefined, category: string, language: Language): string {
  return definition?.damages.categories.find((entry) => entry.id === category)?.label[language] ?? category;
}

function categoryOf(definition: ClaimDefinition | undefined, id: string | null): ClaimCategory | undefined {
  if (!id) return undefined;
  const found = definition?.categories.find((category) => category.id === id);
  return { id, label: found ? { ...found.label } : { ko: id, en: id } };
}

/** The printed values of the definition's party-list dimensions (the party list's columns). */
function partyListValues(
  definition: ClaimDefinition | undefined,
  category: string | null,
  answers: ReturnType<typeof openAnswers>,
): Record<string, LocalizedText> {
  if (!definition) return {};
  const state = { category, answers };
  return Object.fromEntries(
    listDimensions(definition, 'party_list').map((dimension) => [
      dimension.id,
      { ko: formatDimension(definition, dimension, state, 'ko'), en: formatDimension(definition, dimension, state, 'en') },
    ]),
  );
}

/** Each claim definition version the claimants are on (published versions, cached per process). */
async function loadDefinitions(db: Database, caseId: string, versions: Iterable<number | null>): Promise<Map<number, ClaimDefinition>> {
  const byVersion = new Map<number, ClaimDefinition>();
  for (const version of new Set(versions)) {
    if (version === null) continue;
    const loaded = await loadPublishedDefinition(db, caseId, version);
    if (loaded) byVersion.set(version, loaded.definition);
  }
  return byVersion;
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
    .where(and(eq(statements.caseId, caseId), inArray(statements.claimantId, ids), eq(statements.kind, 'claim')))
    .orderBy(statements.claimantId, desc(statements.version));
  const files = await db
    .select()
    .from(evidence)
    .where(and(eq(evidence.caseId, caseId), inArray(evidence.claimantId, ids)))
    .orderBy(asc(evidence.claimantId), asc(evidence.uploadedAt), asc(evidence.id));
  const definitions = await loadDefinitions(
    db,
    caseId,
    people.map((person) => person.definitionVersion),
  );
  const damagesOf = groupBy(damages, (row) => row.claimantId);
  const consentsOf = groupBy(signed, (row) => row.consent.claimantId);
  const statementOf = new Map(latestStatements.map((row) => [row.claimantId, row]));
  const filesOf = groupBy(files, (row) => row.claimantId);

  return people.map((person): ClaimantSnapshot => {
    const definition = person.definitionVersion === null ? undefined : definitions.get(person.definitionVersion);
    const items: DamageItem[] = (damagesOf.get(person.id) ?? []).map((item) => ({
      category: damageCategoryLabel(definition, item.category, language),
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
      legalNameLatin: person.latinName ?? undefined,
      dateOfBirth: decryptField(person.dateOfBirthEncrypted) ?? '',
      address: decryptField(person.addressEncrypted) ?? '',
      // English papers print the place as English addresses write it (Busanjin-gu, Busan).
      locality:
        language === 'en'
          ? formatLocality(definition?.jurisdiction ?? 'KR', person.region, person.locality, 'en')
          : (person.locality ?? ''),
      phone: decryptField(person.phoneEncrypted) ?? undefined,
      category: categoryOf(definition, person.category),
      dimensions: partyListValues(definition, person.category, openAnswers(person.answers as Record<string, unknown> | null)),
      guardian:
        person.isMinor && person.guardianRelation
          ? { relation: person.guardianRelation as Guardian['relation'], names: person.guardianNames ?? [] }
          : undefined,
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
        author: file.documentAuthor,
        documentDate: file.documentDate ?? undefined,
        provesWhat: file.provesWhat,
      })),
    };
  });
}

/**
 * The exact claimant data a filing is built from, frozen at request time: personal fields
 * decrypted, the category and party-list dimensions as the claimant's claim definition version
 * prints them, damages with their total, signed consents with their records, the latest signed
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
