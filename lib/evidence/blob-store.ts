import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { blobs } from '@/db/schema';
import { sha256Hex } from '@/lib/crypto/hash';

/**
 * Content-addressed file storage in Postgres: the SHA-256 of the bytes is the key, so the same
 * file uploaded twice is stored once, and reading back can always be checked against the key.
 */
export async function putBlob(db: Database, bytes: Uint8Array, mime: string, knownSha256?: string): Promise<string> {
  const sha256 = knownSha256 ?? sha256Hex(bytes);
  await db.insert(blobs).values({ sha256, bytes, byteSize: bytes.byteLength, mime }).onConflictDoNothing({ target: blobs.sha256 });
  return sha256;
}

export async function readBlob(db: Database, sha256: string): Promise<{ bytes: Uint8Array; mime: string; byteSize: number } | null> {
  const [row] = await db
    .select({ bytes: blobs.bytes, mime: blobs.mime, byteSize: blobs.byteSize })
    .from(blobs)
    .where(eq(blobs.sha256, sha256));
  return row ? { bytes: new Uint8Array(row.bytes), mime: row.mime, byteSize: row.byteSize } : null;
}

/** Reads a blob and proves the bytes still hash to their key (bit rot, tampering). */
export async function readVerifiedBlob(db: Database, sha256: string): Promise<Uint8Array | null> {
  const blob = await readBlob(db, sha256);
  if (!blob) return null;
  if (sha256Hex(blob.bytes) !== sha256) throw new Error(`Stored file ${sha256} no longer matches its hash`);
  return blob.bytes;
}
