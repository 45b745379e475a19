import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditLog, cases, claimants, consentDocuments, consents, filingClaimants, filings, statements, users } from '@/db/schema';
import { auditChainOf } from '@/lib/audit/record';
import type { ClaimantSnapshot } from '@/lib/pdf/types';
import { AUTHORITY_MANIFEST_VERSION, type AuthorityManifest, type AuthorityManifestDocument } from './authority-manifest';

const SLICE = 1_000;

type AuditRow = { id: number; chain: string; seq: number; action: string; occurredAt: Date; hash: string; subjectId: string | null };

type ConsentRow = {
  id: string;
  claimantId: string;
  kind: string;
  documentId: string;
  documentVersion: number;
  locale: string;
  textSha256: string;
  signedAt: Date;
  signerName: string;
  signerIp: string;
  signerUserAgent: string;
};

/** What the proof of authority reads of a frozen snapshot: who, and which signatures it names. */
type FrozenSigner = Pick<ClaimantSnapshot, 'referenceNumber' | 'legalName' | 'dateOfBirth' | 'consents' | 'guardian'> & {
  legalNameLatin: string | null;
  phone: string | null;
  statementVersion: number | null;
};

type StatementRow = {
  id: string;
  claimantId: string;
  version: number;
  language: string;
  textSha256: string;
  signedAt: Date;
  signerName: string;
  signerIp: string;
  signerUserAgent: string;
};

/**
 * Only those fields of the snapshot, picked out in the query: a snapshot also holds the address,
 * the damages, the evidence list and the statement's whole text, which at 100,000 claimants would
 * be hundreds of megabytes parsed on the job's thread for nothing.
 */
const frozenSigner = sql<FrozenSigner>`jsonb_build_object(
  'referenceNumber', ${filingClaimants.snapshot}->'referenceNumber',
  'legalName', ${filingClaimants.snapshot}->'legalName',
  'legalNameLatin', ${filingClaimants.snapshot}->'legalNameLatin',
  'dateOfBirth', ${filingClaimants.snapshot}->'dateOfBirth',
  'phone', ${filingClaimants.snapshot}->'phone',
  'consents', ${filingClaimants.snapshot}->'consents',
  'guardian', ${filingClaimants.snapshot}->'guardian',
  'statementVersion', ${filingClaimants.snapshot}->'statement'->'version')`;

function isFrozenConsent(snapshot: FrozenSigner, row: ConsentRow): boolean {
  // The snapshot names what the packet prints; a consent signed after it was taken is not on the packet.
  return snapshot.consents.some(
    (consent) => consent.kind === row.kind && consent.textSha256 === row.textSha256 && consent.signedAt === row.signedAt.toISOString(),
  );
}

/**
 * The proof of authority of a filing, read from the database: each claimant on it (in packet
 * order) with the typed name and birth date frozen in the snapshot, the account's e-mail and when
 * it was verified, the guardian of a minor as the snapshot froze it, every signed document the
 * snapshot names (consents and the statement) with its stored record, and the audit entries that recorded those signatures.
 * Scoped to the filing's case in every query.
 */
export async function loadAuthorityManifest(db: Database, filingId: string, now: Date): Promise<AuthorityManifest> {
  const [filing] = await db
    .select({ id: filings.id, version: filings.version, caseId: filings.caseId, caseSlug: cases.slug })
    .from(filings)
    .innerJoin(cases, eq(cases.id, filings.caseId))
    .where(eq(filings.id, filingId));
  if (!filing) throw new Error(`filing ${filingId} not found`);
  const people = await db
    .select({
      position: filingClaimants.position,
      snapshot: frozenSigner,
      claimantId: claimants.id,
      email: users.email,
      emailVerifiedAt: users.emailVerifiedAt,
    })
    .from(filingClaimants)
    .innerJoin(claimants, and(eq(claimants.id, filingClaimants.claimantId), eq(claimants.caseId, filing.caseId)))
    .innerJoin(users, eq(users.id, claimants.userId))
    .where(eq(filingClaimants.filingId, filing.id))
    .orderBy(asc(filingClaimants.position));
  const consentRows: ConsentRow[] = [];
  const statementRows: StatementRow[] = [];
  // In slices, as snapshot.ts does, so no single query carries 100,000 parameters.
  for (let start = 0; start < people.length; start += SLICE) {
    const ids = people.slice(start, start + SLICE).map((person) => person.claimantId);
    consentRows.push(
      ...(await db
        .select({
          id: consents.id,
          claimantId: consents.claimantId,
          kind: consents.kind,
          documentId: consents.documentId,
          documentVersion: consents.documentVersion,
          locale: consentDocuments.locale,
          textSha256: consents.textSha256,
          signedAt: consents.signedAt,
          signerName: consents.signerName,
          signerIp: consents.signerIp,
          signerUserAgent: consents.signerUserAgent,
        })
        .from(consents)
        .innerJoin(consentDocuments, eq(consentDocuments.id, consents.documentId))
        .where(
          and(
            eq(consents.caseId, filing.caseId),
            inArray(consents.claimantId, ids),
            isNull(consents.revokedAt),
            ne(consents.kind, 'petition_privacy'),
          ),
        )
        .orderBy(asc(consents.claimantId), asc(consents.signedAt), asc(consents.kind))),
    );
    statementRows.push(
      ...(await db
        .select({
          id: statements.id,
          claimantId: statements.claimantId,
          version: statements.version,
          language: statements.language,
          textSha256: statements.textSha256,
          signedAt: statements.signedAt,
          signerName: statements.signerName,
          signerIp: statements.signerIp,
          signerUserAgent: statements.signerUserAgent,
        })
        .from(statements)
        .where(and(eq(statements.caseId, filing.caseId), inArray(statements.claimantId, ids), eq(statements.kind, 'claim')))),
    );
  }

  const documentsOf = new Map<string, AuthorityManifestDocument[]>();
  const snapshotOf = new Map(people.map((person) => [person.claimantId, person.snapshot]));
  for (const row of consentRows) {
    if (!isFrozenConsent(snapshotOf.get(row.claimantId)!, row)) continue;
    const list = documentsOf.get(row.claimantId) ?? [];
    list.push({
      kind: row.kind as AuthorityManifestDocument['kind'],
      id: row.id,
      documentId: row.documentId,
      version: row.documentVersion,
      locale: row.locale,
      textSha256: row.textSha256,
      signedAt: row.signedAt.toISOString(),
      signerName: row.signerName,
      ip: row.signerIp,
      ipStoredAs: 'plain',
      userAgent: row.signerUserAgent,
    });
    documentsOf.set(row.claimantId, list);
  }
  for (const row of statementRows) {
    if (snapshotOf.get(row.claimantId)?.statementVersion !== row.version) continue;
    const list = documentsOf.get(row.claimantId) ?? [];
    list.push({
      kind: 'statement',
      id: row.id,
      documentId: null,
      version: row.version,
      locale: row.language,
      textSha256: row.textSha256,
      signedAt: row.signedAt.toISOString(),
      signerName: row.signerName,
      ip: row.signerIp,
      ipStoredAs: 'plain',
      userAgent: row.signerUserAgent,
    });
    documentsOf.set(row.claimantId, list);
  }

  const chain = auditChainOf(filing.caseId);
  const documents = [...documentsOf.values()].flat();
  const audits: AuditRow[] = [];
  for (let start = 0; start < documents.length; start += SLICE) {
    const slice = documents.slice(start, start + SLICE);
    const consentIds = slice.filter((document) => document.kind !== 'statement').map((document) => document.id);
    const statementIds = slice.filter((document) => document.kind === 'statement').map((document) => document.id);
    const subjects = [
      consentIds.length ? and(eq(auditLog.subjectType, 'consent'), inArray(auditLog.subjectId, consentIds)) : undefined,
      statementIds.length ? and(eq(auditLog.subjectType, 'statement'), inArray(auditLog.subjectId, statementIds)) : undefined,
    ].filter((condition) => condition !== undefined);
    audits.push(
      ...(await db
        .select({
          id: auditLog.id,
          chain: auditLog.chain,
          seq: auditLog.seq,
          action: auditLog.action,
          occurredAt: auditLog.occurredAt,
          hash: auditLog.hash,
          subjectId: auditLog.subjectId,
        })
        .from(auditLog)
        .where(and(eq(auditLog.caseId, filing.caseId), eq(auditLog.chain, chain), or(...subjects)))),
    );
  }
  audits.sort((a, b) => a.id - b.id);
  const auditsOf = new Map<string, AuditRow[]>();
  for (const entry of audits) {
    if (entry.subjectId === null) continue;
    auditsOf.set(entry.subjectId, [...(auditsOf.get(entry.subjectId) ?? []), entry]);
  }

  return {
    version: AUTHORITY_MANIFEST_VERSION,
    filing: { id: filing.id, version: filing.version, caseId: filing.caseId, caseSlug: filing.caseSlug },
    generatedAt: now.toISOString(),
    auditChain: chain,
    claimants: people.map((person) => {
      const snapshot = snapshotOf.get(person.claimantId)!;
      const documents = documentsOf.get(person.claimantId) ?? [];
      return {
        position: person.position,
        claimantId: person.claimantId,
        referenceNumber: snapshot.referenceNumber,
        legalName: snapshot.legalName,
        legalNameLatin: snapshot.legalNameLatin ?? null,
        dateOfBirth: snapshot.dateOfBirth,
        // As the papers printed them: a guardian named on the record after filing is not who appointed.
        isMinor: Boolean(snapshot.guardian),
        guardian: snapshot.guardian ? { relation: snapshot.guardian.relation, names: snapshot.guardian.names } : null,
        email: { address: person.email, verifiedAt: person.emailVerifiedAt?.toISOString() ?? null },
        phone: { number: snapshot.phone ?? null, verifiedAt: null },
        documents,
        auditEntries: documents
          .flatMap((document) => auditsOf.get(document.id) ?? [])
          .sort((a, b) => a.id - b.id)
          .map((entry) => ({
            id: entry.id,
            chain: entry.chain,
            seq: entry.seq,
            action: entry.action,
            occurredAt: entry.occurredAt.toISOString(),
            hash: entry.hash,
          })),
      };
    }),
  };
}
