import { z } from 'zod';
import { sha256Hex } from '@/lib/crypto/hash';

export const AUTHORITY_MANIFEST_VERSION = 1;

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

const documentSchema = z.object({
  kind: z.enum(['retainer', 'representative_appointment', 'privacy', 'statement']),
  /** The consents row, or the statements row for `statement`. */
  id: z.string().uuid(),
  /** The consent_documents row whose body was signed; null for a statement (its text is on its row). */
  documentId: z.string().uuid().nullable(),
  version: z.number().int(),
  locale: z.string(),
  textSha256: sha256Schema,
  signedAt: z.string(),
  signerName: z.string(),
  ip: z.string(),
  /** consents.signer_ip and statements.signer_ip keep the address as received, not hashed. */
  ipStoredAs: z.literal('plain'),
  userAgent: z.string(),
});

const auditEntrySchema = z.object({
  id: z.number().int(),
  chain: z.string(),
  seq: z.number().int(),
  action: z.string(),
  occurredAt: z.string(),
  hash: z.string(),
});

const entrySchema = z.object({
  position: z.number().int(),
  claimantId: z.string().uuid(),
  referenceNumber: z.string(),
  legalName: z.string(),
  legalNameLatin: z.string().nullable(),
  dateOfBirth: z.string(),
  isMinor: z.boolean(),
  guardian: z.object({ relation: z.string(), names: z.array(z.string()) }).nullable(),
  email: z.object({ address: z.string(), verifiedAt: z.string().nullable() }),
  /** The platform has no phone verification: `verifiedAt` stays null rather than pretend. */
  phone: z.object({ number: z.string().nullable(), verifiedAt: z.null() }),
  documents: z.array(documentSchema),
  auditEntries: z.array(auditEntrySchema),
});

export const authorityManifestSchema = z.object({
  version: z.literal(AUTHORITY_MANIFEST_VERSION),
  filing: z.object({ id: z.string().uuid(), version: z.number().int(), caseId: z.string().uuid(), caseSlug: z.string() }),
  generatedAt: z.string(),
  auditChain: z.string(),
  claimants: z.array(entrySchema),
});

export type AuthorityManifest = z.infer<typeof authorityManifestSchema>;
export type AuthorityManifestEntry = z.infer<typeof entrySchema>;
export type AuthorityManifestDocument = z.infer<typeof documentSchema>;

/** JSON.stringify's replacer that hands over every object with its keys in sort order (arrays keep theirs). */
function withSortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key];
  return sorted;
}

/**
 * The one spelling of a manifest: keys sorted, no whitespace, UTF-8 — the bytes safe-stable-stringify
 * gives (as before), written by the engine's own JSON.stringify: 3 s instead of 9 s for a 240 MB manifest of
 * 100,000 claimants, time the job's thread (and the web server on it) is blocked. The stored file
 * is exactly these bytes, so the SHA-256 printed in the annex is the file's own and anyone can
 * recompute it with sha256sum.
 */
export function serializeAuthorityManifest(manifest: AuthorityManifest): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(manifest, withSortedKeys));
}

export function authorityManifestSha256(bytes: Uint8Array): string {
  return sha256Hex(bytes);
}

export function authorityFileNames(caseSlug: string, filingVersion: number): { annex: string; manifest: string } {
  const base = `${caseSlug}-v${filingVersion}-authority`;
  return { annex: `${base}.pdf`, manifest: `${base}.json` };
}
