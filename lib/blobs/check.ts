import { inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { blobs } from '@/db/schema';
import { objectStoreFor } from './config';
import { blobKey } from './object-store';

/** How many object stores' HEAD requests run at once while checking a filing's thousand files. */
const PARALLEL_CHECKS = 16;

/**
 * Before a filing is rendered: every file is there and, for files in this database, still hashes
 * to its key (proved in PostgreSQL without moving a byte to Node). Files in an object store are
 * checked for presence and length here — re-downloading a thousand files to hash them twice would
 * double the filing's reads — and hashed in full as the renderer reads them (openBlob).
 */
export async function findDamagedBlobs(db: Database, hashes: readonly string[]): Promise<{ missing: string[]; mismatched: string[] }> {
  const found = new Set<string>();
  const mismatched: string[] = [];
  const elsewhere: { sha256: string; byteSize: number; store: 'fs' | 's3' }[] = [];
  for (let start = 0; start < hashes.length; start += 1_000) {
    const slice = hashes.slice(start, start + 1_000);
    const rows = await db
      .select({
        sha256: blobs.sha256,
        store: blobs.store,
        byteSize: blobs.byteSize,
        isIntact: sql<
          boolean | null
        >`case when ${blobs.store} = 'postgres' then encode(sha256(${blobs.bytes}), 'hex') = ${blobs.sha256} end`,
      })
      .from(blobs)
      .where(inArray(blobs.sha256, slice));
    for (const row of rows) {
      found.add(row.sha256);
      if (row.store === 'postgres') {
        if (!row.isIntact) mismatched.push(row.sha256);
      } else elsewhere.push({ sha256: row.sha256, byteSize: row.byteSize, store: row.store });
    }
  }
  const missing = hashes.filter((hash) => !found.has(hash));
  for (let start = 0; start < elsewhere.length; start += PARALLEL_CHECKS) {
    await Promise.all(
      elsewhere.slice(start, start + PARALLEL_CHECKS).map(async (blob) => {
        const size = await objectStoreFor(blob.store).size(blobKey(blob.sha256));
        if (size === null) missing.push(blob.sha256);
        else if (size !== blob.byteSize) mismatched.push(blob.sha256);
      }),
    );
  }
  return { missing, mismatched };
}
