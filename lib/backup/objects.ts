import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { eq, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { blobs } from '@/db/schema';
import { openBlob } from '@/lib/blobs/blobs';
import { getBlobStores, objectStoreFor } from '@/lib/blobs/config';
import { verifyFrom } from '@/lib/blobs/integrity';
import { blobKey } from '@/lib/blobs/object-store';
import type { BackupLine, BackupObjects } from './format';

/** Raw bytes per chunk line (base64 makes it 1 MiB of text): one line in memory at a time on either side. */
const CHUNK_BYTES = 768 * 1024;

/** A running digest over the list of objects, so the manifest vouches for the whole set, not only the count. */
export function createObjectTally() {
  const digest = createHash('sha256');
  const tally = { count: 0, bytes: 0 };
  return {
    add(sha256: string, byteSize: number) {
      digest.update(`${sha256}:${byteSize}\n`);
      tally.count++;
      tally.bytes += byteSize;
    },
    result(): BackupObjects {
      return { ...tally, digest: digest.digest('hex') };
    },
  };
}

/**
 * Copies into the backup every file kept outside the database (a folder, an S3 bucket), after the
 * tables: an `object` line with its hash and length, then its bytes as base64 `chunk` lines, each
 * file read through the verifying stream so a damaged or missing file fails the backup loudly
 * instead of being saved as it is. Files in the postgres store are already in the blobs rows.
 */
export async function writeObjectLines(tx: Database, write: (line: BackupLine) => Promise<void>): Promise<BackupObjects> {
  const tally = createObjectTally();
  let after = '';
  for (;;) {
    const rows = await tx
      .select({ sha256: blobs.sha256, byteSize: blobs.byteSize })
      .from(blobs)
      .where(sql`${ne(blobs.store, 'postgres')} and ${blobs.sha256} > ${after}`)
      .orderBy(blobs.sha256)
      .limit(500);
    if (rows.length === 0) break;
    for (const row of rows) {
      const opened = await openBlob(tx, row.sha256);
      if (!opened) throw new Error(`file ${row.sha256} vanished during the backup`);
      await write({ object: { sha256: row.sha256, byteSize: row.byteSize } });
      let pending: Buffer = Buffer.alloc(0);
      for await (const chunk of opened.stream) {
        pending = pending.length ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
        while (pending.length >= CHUNK_BYTES) {
          await write({ chunk: pending.subarray(0, CHUNK_BYTES).toString('base64') });
          pending = pending.subarray(CHUNK_BYTES);
        }
      }
      if (pending.length) await write({ chunk: pending.toString('base64') });
      tally.add(row.sha256, row.byteSize);
    }
    after = rows[rows.length - 1].sha256;
  }
  return tally.result();
}

/**
 * Restores one file from its chunk lines into the store this deployment writes to (which may not
 * be the one it was backed up from), hashing it on the way: bytes that do not match the hash the
 * backup names fail the restore. The row (already loaded with the tables) is pointed at the new home.
 */
export async function restoreObject(
  tx: Database,
  object: { sha256: string; byteSize: number },
  chunks: AsyncIterable<Buffer>,
): Promise<void> {
  const { stream: verified, failure } = verifyFrom(Readable.from(chunks), object.sha256, object.byteSize);
  const current = getBlobStores().current;
  if (current === 'postgres') {
    const bytes = Buffer.concat(await verified.toArray());
    await tx.update(blobs).set({ bytes, store: 'postgres' }).where(eq(blobs.sha256, object.sha256));
    return;
  }
  await objectStoreFor(current)
    .put(blobKey(object.sha256), verified)
    .catch((error: unknown) => {
      throw failure() ?? error;
    });
  await tx.update(blobs).set({ bytes: null, store: current }).where(eq(blobs.sha256, object.sha256));
}
