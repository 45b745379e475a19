import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
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

/** Which chunk of a written manifest holds a slice of its entries, and the slice's first row. */
export type ManifestSlice = { chunk: number; firstRow: number; rows: number };

/**
 * A manifest as its bytes, in chunks of shared memory — the frame's start, a chunk per slice of
 * entries, the frame's end — each deflated on its own and never joined: 240 MB of JSON at
 * 100,000 claimants is held for the whole build as a fraction of that, the job stores the chunks
 * inflated one at a time as one file (`manifestBytes`), and a render worker reads the annex's
 * rows from them without a copy. `byteSize` and `sha256` are of the JSON itself.
 */
export type WrittenAuthorityManifest = {
  head: Omit<AuthorityManifest, 'claimants'>;
  chunks: Uint8Array[];
  byteSize: number;
  sha256: string;
  rows: number;
  slices: ManifestSlice[];
};

/** Deflated into shared memory; the fastest level: the manifest is mostly hashes, and the point is memory, not size. */
function sharedDeflated(bytes: Uint8Array): Uint8Array {
  const deflated = deflateRawSync(bytes, { level: 1 });
  const shared = new Uint8Array(new SharedArrayBuffer(deflated.byteLength));
  shared.set(deflated);
  return shared;
}

/** One written chunk's JSON bytes (zlib cannot read a view of shared memory: it is copied out first). */
function inflated(chunk: Uint8Array): Buffer {
  return inflateRawSync(chunk.slice());
}

/** A written manifest's bytes, a chunk at a time, in order: what is stored and downloaded. */
export function* manifestBytes(chunks: readonly Uint8Array[]): Generator<Buffer> {
  for (const chunk of chunks) yield inflated(chunk);
}

/**
 * Writes the manifest's bytes a slice of entries at a time — exactly the bytes of
 * serializeAuthorityManifest, which a test holds it to — hashing as it goes, so 100,000 entries
 * are never all in memory as objects and no step blocks the thread for more than one slice.
 */
export class AuthorityManifestWriter {
  private readonly encoder = new TextEncoder();
  private readonly hash = createHash('sha256');
  private readonly chunks: Uint8Array[];
  private readonly slices: ManifestSlice[] = [];
  private readonly suffix: Uint8Array;
  private rows = 0;
  private byteSize = 0;

  constructor(private readonly head: Omit<AuthorityManifest, 'claimants'>) {
    const frame = JSON.stringify({ ...head, claimants: [] }, withSortedKeys);
    const at = frame.indexOf('"claimants":[]') + '"claimants":['.length;
    const prefix = this.encoder.encode(frame.slice(0, at));
    this.suffix = this.encoder.encode(frame.slice(at));
    this.chunks = [sharedDeflated(prefix)];
    this.hash.update(prefix);
    this.byteSize = prefix.byteLength;
  }

  add(entries: readonly AuthorityManifestEntry[]): void {
    if (entries.length === 0) return;
    const text = entries.map((entry) => JSON.stringify(entry, withSortedKeys)).join(',');
    const chunk = this.encoder.encode(this.rows === 0 ? text : `,${text}`);
    this.hash.update(chunk);
    this.slices.push({ chunk: this.chunks.length, firstRow: this.rows, rows: entries.length });
    this.chunks.push(sharedDeflated(chunk));
    this.byteSize += chunk.byteLength;
    this.rows += entries.length;
  }

  finish(): WrittenAuthorityManifest {
    this.hash.update(this.suffix);
    return {
      head: this.head,
      chunks: [...this.chunks, sharedDeflated(this.suffix)],
      byteSize: this.byteSize + this.suffix.byteLength,
      sha256: this.hash.digest('hex'),
      rows: this.rows,
      slices: this.slices,
    };
  }
}

/** The entries of one slice, parsed back from the manifest's chunks. */
export function readManifestSlice(chunks: readonly Uint8Array[], slice: ManifestSlice): AuthorityManifestEntry[] {
  const text = inflated(chunks[slice.chunk]).toString('utf8');
  return JSON.parse(`[${text.startsWith(',') ? text.slice(1) : text}]`) as AuthorityManifestEntry[];
}

export function authorityManifestSha256(bytes: Uint8Array): string {
  return sha256Hex(bytes);
}

export function authorityFileNames(caseSlug: string, filingVersion: number): { annex: string; manifest: string } {
  const base = `${caseSlug}-v${filingVersion}-authority`;
  return { annex: `${base}.pdf`, manifest: `${base}.json` };
}
