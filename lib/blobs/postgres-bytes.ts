import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { blobs } from '@/db/schema';

/** The postgres store is read a slice at a time, so a 50 MB file never sits in memory whole. */
export const POSTGRES_SLICE_BYTES = 1024 * 1024;

/**
 * A stream of a blob kept in blobs.bytes, one `substring` slice per read. `db` must outlive the
 * stream: pass the root database, not a transaction that ends before the stream is read.
 */
export function streamPostgresBytes(db: Database, sha256: string, byteSize: number): Readable {
  let offset = 0;
  return Readable.from(
    (async function* () {
      while (offset < byteSize) {
        const length = Math.min(POSTGRES_SLICE_BYTES, byteSize - offset);
        const [row] = await db
          .select({ chunk: sql<Uint8Array | null>`substring(${blobs.bytes} from ${offset + 1} for ${length})` })
          .from(blobs)
          .where(eq(blobs.sha256, sha256));
        const chunk = row?.chunk ? Buffer.from(row.chunk) : Buffer.alloc(0);
        // A short file ends here; the verifying stream downstream reports it as damaged.
        if (chunk.byteLength === 0) return;
        offset += chunk.byteLength;
        yield chunk;
      }
    })(),
    { objectMode: false },
  );
}
