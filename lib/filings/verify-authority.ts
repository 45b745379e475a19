import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { consentDocuments, consents, filings, statements } from '@/db/schema';
import { type AuditEntryCheck, checkAuditEntries, verifyAuditChain } from '@/lib/audit/verify';
import { sha256Hex } from '@/lib/crypto/hash';
import type { AuthorityManifest } from './authority-manifest';

const SLICE = 1_000;

export type AuthorityRowResult = {
  position: number;
  referenceNumber: string;
  legalName: string;
  ok: boolean;
  /** What no longer holds, in plain words; empty when the row holds. */
  problems: string[];
};

export type AuthorityVerification = {
  ok: boolean;
  /** Problems with the manifest as a whole (the filing, the case's audit chain). */
  problems: string[];
  rows: AuthorityRowResult[];
};

/**
 * Checks a proof of authority manifest against the database: the filing it names, for every
 * signed document that its stored text still hashes to the manifest's SHA-256 (the consent
 * document's body, the statement's rendered text) and that the row still records that hash, for
 * every audit entry that its keyed hash is recomputed here and equals the manifest's, that no
 * consent was revoked since, and that the case's audit chain is unbroken. Every hash is recomputed; nothing stored is trusted.
 */
export async function verifyAuthorityManifest(db: Database, manifest: AuthorityManifest): Promise<AuthorityVerification> {
  const problems: string[] = [];
  const [filing] = await db
    .select({ version: filings.version, caseId: filings.caseId })
    .from(filings)
    .where(eq(filings.id, manifest.filing.id));
  if (!filing) problems.push(`filing ${manifest.filing.id} is not in this database`);
  else if (filing.version !== manifest.filing.version || filing.caseId !== manifest.filing.caseId)
    problems.push(`filing ${manifest.filing.id} is version ${filing.version} of case ${filing.caseId}, not what the manifest says`);

  const documents = manifest.claimants.flatMap((entry) => entry.documents);
  const consentIds = documents.filter((document) => document.kind !== 'statement').map((document) => document.id);
  const statementIds = documents.filter((document) => document.kind === 'statement').map((document) => document.id);
  type StoredText = { id: string; textSha256: string; body: string; revokedAt: Date | null };
  const stored = new Map<string, StoredText>();
  const audits = new Map<number, AuditEntryCheck>();
  // In slices, so no single query carries 100,000 parameters.
  for (let start = 0; start < Math.max(consentIds.length, statementIds.length); start += SLICE) {
    const consentSlice = consentIds.slice(start, start + SLICE);
    const statementSlice = statementIds.slice(start, start + SLICE);
    const found: StoredText[] = [
      ...(consentSlice.length
        ? await db
            .select({ id: consents.id, textSha256: consents.textSha256, body: consentDocuments.body, revokedAt: consents.revokedAt })
            .from(consents)
            .innerJoin(consentDocuments, eq(consentDocuments.id, consents.documentId))
            .where(and(eq(consents.caseId, manifest.filing.caseId), inArray(consents.id, consentSlice)))
        : []),
      ...(statementSlice.length
        ? await db
            .select({ id: statements.id, textSha256: statements.textSha256, body: statements.renderedText })
            .from(statements)
            .where(and(eq(statements.caseId, manifest.filing.caseId), inArray(statements.id, statementSlice)))
            .then((rows) => rows.map((row) => ({ ...row, revokedAt: null })))
        : []),
    ];
    for (const row of found) stored.set(row.id, row);
  }
  const auditIds = manifest.claimants.flatMap((entry) => entry.auditEntries.map((audit) => audit.id));
  for (let start = 0; start < auditIds.length; start += SLICE)
    for (const [id, check] of await checkAuditEntries(db, auditIds.slice(start, start + SLICE))) audits.set(id, check);

  const rows = manifest.claimants.map((entry): AuthorityRowResult => {
    const found: string[] = [];
    for (const document of entry.documents) {
      const label = `${document.kind} v${document.version} (${document.id})`;
      const row = stored.get(document.id);
      if (!row) {
        found.push(`${label}: no longer in the database`);
        continue;
      }
      const recomputed = sha256Hex(row.body);
      if (recomputed !== document.textSha256)
        found.push(`${label}: the stored text hashes to ${recomputed}, the manifest says ${document.textSha256}`);
      if (row.textSha256 !== document.textSha256)
        found.push(`${label}: the signature records ${row.textSha256}, the manifest says ${document.textSha256}`);
      // Not a broken hash, but the authority it proved no longer stands.
      if (row.revokedAt) found.push(`${label}: revoked on ${new Date(row.revokedAt).toISOString()}`);
    }
    for (const audit of entry.auditEntries) {
      const label = `audit entry ${audit.id} (${audit.action}, seq ${audit.seq})`;
      const check = audits.get(audit.id);
      if (!check) found.push(`${label}: no longer in the audit log`);
      else if (check.problem === 'hash') found.push(`${label}: its content no longer matches its keyed hash`);
      else if (check.problem === 'key') found.push(`${label}: signed with a key this server does not hold`);
      else if (check.hash !== audit.hash || check.chain !== audit.chain || check.seq !== audit.seq)
        found.push(
          `${label}: the log holds ${check.chain}#${check.seq} ${check.hash}, the manifest says ${audit.chain}#${audit.seq} ${audit.hash}`,
        );
    }
    return {
      position: entry.position,
      referenceNumber: entry.referenceNumber,
      legalName: entry.legalName,
      ok: !found.length,
      problems: found,
    };
  });

  const chain = await verifyAuditChain(db, manifest.auditChain);
  if (!chain.ok && chain.broken)
    problems.push(`the audit chain ${manifest.auditChain} breaks at entry ${chain.broken.seq} (${chain.broken.reason})`);
  return { ok: problems.length === 0 && rows.every((row) => row.ok), problems, rows };
}
