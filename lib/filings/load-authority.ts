import { and, asc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditLog, cases, claimants, consentDocuments, consents, filingClaimants, filings, statements, users } from '@/db/schema';
import { auditChainOf } from '@/lib/audit/record';
import type { ClaimantSnapshot } from '@/lib/pdf/types';
import {
  AUTHORITY_MANIFEST_VERSION,
  type AuthorityManifest,
  type AuthorityManifestDocument,
  type AuthorityManifestEntry,
} from './authority-manifest';

/** Claimants per read: small, so what this thread does with one slice never holds the web server up for long. */
const SLICE = 250;

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

type AuthorityFiling = { id: string; version: number; caseId: string; caseSlug: string };

/** What a manifest says before its rows: the filing, when, and the audit chain its entries are in. */
export type AuthorityManifestHead = Omit<AuthorityManifest, 'claimants'>;

async function loadFiling(db: Database, filingId: string): Promise<AuthorityFiling> {
  const [filing] = await db
    .select({ id: filings.id, version: filings.version, caseId: filings.caseId, caseSlug: cases.slug })
    .from(filings)
    .innerJoin(cases, eq(cases.id, filings.caseId))
    .where(eq(filings.id, filingId));
  if (!filing) throw new Error(`filing ${filingId} not found`);
  return filing;
}

/** The entries of the claimants at positions after `afterPosition`, at most SLICE of them, in packet order. */
async function loadEntries(db: Database, filing: AuthorityFiling, afterPosition: number): Promise<AuthorityManifestEntry[]> {
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
    .where(and(eq(filingClaimants.filingId, filing.id), gt(filingClaimants.position, afterPosition)))
    .orderBy(asc(filingClaimants.position))
    .limit(SLICE);
  if (people.length === 0) return [];
  const ids = people.map((person) => person.claimantId);
  const consentRows: ConsentRow[] = await db
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
    .orderBy(asc(consents.claimantId), asc(consents.signedAt), asc(consents.kind));
  const statementRows: StatementRow[] = await db
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
    .where(and(eq(statements.caseId, filing.caseId), inArray(statements.claimantId, ids), eq(statements.kind, 'claim')));

  const documentsOf = new Map<string, AuthorityManifestDocument[]>();
  const snapshotOf = new Map(people.map((person) => [person.claimantId, person.snapshot]));
  const add = (claimantId: string, document: AuthorityManifestDocument) => {
    const list = documentsOf.get(claimantId);
    if (list) list.push(document);
    else documentsOf.set(claimantId, [document]);
  };
  for (const row of consentRows) {
    if (!isFrozenConsent(snapshotOf.get(row.claimantId)!, row)) continue;
    add(row.claimantId, {
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
  }
  for (const row of statementRows) {
    if (snapshotOf.get(row.claimantId)?.statementVersion !== row.version) continue;
    add(row.claimantId, {
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
  }

  const chain = auditChainOf(filing.caseId);
  const documents = [...documentsOf.values()].flat();
  const audits: AuditRow[] = [];
  // In slices, as snapshot.ts does, so no single query carries thousands of parameters.
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
    const list = auditsOf.get(entry.subjectId);
    if (list) list.push(entry);
    else auditsOf.set(entry.subjectId, [entry]);
  }

  return people.map((person) => {
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
  });
}

/**
 * The proof of authority of a filing, read from the database a slice of claimants at a time, in
 * packet order: each with the typed name and birth date frozen in the snapshot, the account's
 * e-mail and when it was verified, the guardian of a minor as the snapshot froze it, every signed
 * document the snapshot names (consents and the statement) with its stored record, and the audit
 * entries that recorded those signatures. Scoped to the filing's case in every query. `read.head`
 * gets what precedes the rows, then `read.slice` each slice in turn, so a round of 100,000 is never all in memory; a turn of the event loop
 * passes between slices, so the web requests this thread also serves are not held up.
 */
export async function readAuthorityManifest(
  db: Database,
  filingId: string,
  now: Date,
  read: { head?: (head: AuthorityManifestHead) => void; slice: (entries: AuthorityManifestEntry[]) => void | Promise<void> },
): Promise<AuthorityManifestHead> {
  const filing = await loadFiling(db, filingId);
  const head: AuthorityManifestHead = {
    version: AUTHORITY_MANIFEST_VERSION,
    filing: { id: filing.id, version: filing.version, caseId: filing.caseId, caseSlug: filing.caseSlug },
    generatedAt: now.toISOString(),
    auditChain: auditChainOf(filing.caseId),
  };
  read.head?.(head);
  for (let after = -1; ;) {
    const entries = await loadEntries(db, filing, after);
    if (entries.length === 0) break;
    await read.slice(entries);
    after = entries[entries.length - 1].position;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return head;
}

/** The whole manifest in memory: for verification and tests (a filing's job streams it, authority-attachments.ts). */
export async function loadAuthorityManifest(db: Database, filingId: string, now: Date): Promise<AuthorityManifest> {
  const claimants: AuthorityManifestEntry[] = [];
  const head = await readAuthorityManifest(db, filingId, now, {
    slice: (entries) => {
      claimants.push(...entries);
    },
  });
  return { ...head, claimants };
}
