import { and, eq, gt, ne } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type BlobStoreKind, blobs } from '@/db/schema';
import { lockBlobHash, openRawBlob, type StoredBlob } from './blobs';
import { objectStoreFor } from './config';
import { BlobIntegrityError, verifyFrom, verifyingStream } from './integrity';
import { blobKey, shaOfBlobKey } from './object-store';

export type MigrationReport = { moved: number; alreadyThere: number; damaged: string[]; failed: { sha256: string; error: string }[] };
const BATCH = 200;

async function drain(stream: NodeJS.ReadableStream): Promise<void> {
  for await (const chunk of stream) void chunk;
}

/**
 * Copies one file to `target` through the verifying stream, reads the copy back and hashes it
 * again, then — in the transaction that holds the hash's lock — points the row at the target and
 * drops the postgres bytes. Only after that commits is the source object removed. A crash at any
 * point leaves the row on a store that has the bytes: the next run picks it up again.
 */
async function moveOne(db: Database, blob: StoredBlob, target: BlobStoreKind, keepSource: boolean): Promise<'moved' | 'alreadyThere'> {
  const outcome = await db.transaction(async (tx) => {
    await lockBlobHash(tx, blob.sha256);
    const [current] = await tx.select({ store: blobs.store }).from(blobs).where(eq(blobs.sha256, blob.sha256));
    if (!current) return 'gone' as const;
    if (current.store === target) return 'alreadyThere' as const;
    const source = await openRawBlob(tx, { ...blob, store: current.store });
    if (!source) throw new BlobIntegrityError(blob.sha256, `is recorded but missing from the ${current.store} store`);
    const { stream: verified, failure } = verifyFrom(source, blob.sha256, blob.byteSize);
    if (target === 'postgres') {
      const bytes = Buffer.concat(await verified.toArray());
      await tx.update(blobs).set({ bytes, store: 'postgres' }).where(eq(blobs.sha256, blob.sha256));
    } else {
      const store = objectStoreFor(target);
      await store.put(blobKey(blob.sha256), verified).catch((error: unknown) => {
        throw failure() ?? error;
      });
      // Read back what the target now holds: the proof is the target's bytes, not what we sent.
      const copy = await store.get(blobKey(blob.sha256));
      if (!copy) throw new BlobIntegrityError(blob.sha256, `did not arrive in the ${target} store`);
      await drain(copy.pipe(verifyingStream(blob.sha256, blob.byteSize)));
      await tx.update(blobs).set({ bytes: null, store: target }).where(eq(blobs.sha256, blob.sha256));
    }
    return current.store;
  });
  if (outcome === 'gone') return 'alreadyThere';
  if (outcome === 'alreadyThere') return outcome;
  if (outcome !== 'postgres' && !keepSource) {
    await db.transaction(async (tx) => {
      await lockBlobHash(tx, blob.sha256);
      const [row] = await tx.select({ store: blobs.store }).from(blobs).where(eq(blobs.sha256, blob.sha256));
      if (row?.store !== outcome) await objectStoreFor(outcome).remove(blobKey(blob.sha256));
    });
  }
  return 'moved';
}

/**
 * Moves every file to the `target` store (`npm run blobs:migrate`). Resumable and idempotent: each
 * file moves in its own transaction, files already there are skipped, so a run that was stopped
 * (or failed on a file) is simply run again. A damaged file is not copied anywhere: it is reported
 * and stays where it is.
 */
export async function migrateBlobs(
  db: Database,
  options: { target: BlobStoreKind; keepSource?: boolean; onProgress?: (report: MigrationReport) => void },
): Promise<MigrationReport> {
  const report: MigrationReport = { moved: 0, alreadyThere: 0, damaged: [], failed: [] };
  let after = '';
  for (;;) {
    const rows = await db
      .select({ sha256: blobs.sha256, byteSize: blobs.byteSize, mime: blobs.mime, store: blobs.store })
      .from(blobs)
      .where(and(ne(blobs.store, options.target), gt(blobs.sha256, after)))
      .orderBy(blobs.sha256)
      .limit(BATCH);
    if (rows.length === 0) break;
    for (const row of rows) {
      try {
        const outcome = await moveOne(db, row, options.target, options.keepSource ?? false);
        report[outcome]++;
      } catch (error) {
        if (error instanceof BlobIntegrityError) report.damaged.push(row.sha256);
        else report.failed.push({ sha256: row.sha256, error: (error as Error).message });
      }
      options.onProgress?.(report);
    }
    after = rows[rows.length - 1].sha256;
  }
  return report;
}

/**
 * Removes objects in the store that no row claims (a transaction that rolled back after its
 * object was written, a purge that failed). Each under the hash's lock, so an upload between its
 * object write and its commit is never swept.
 */
export async function sweepOrphanObjects(db: Database, kind: 'fs' | 's3'): Promise<{ checked: number; removed: string[] }> {
  const store = objectStoreFor(kind);
  const removed: string[] = [];
  let checked = 0;
  for await (const object of store.list('blobs')) {
    const sha256 = shaOfBlobKey(object.key);
    if (!sha256) continue;
    checked++;
    await db.transaction(async (tx) => {
      await lockBlobHash(tx, sha256);
      const [row] = await tx.select({ store: blobs.store }).from(blobs).where(eq(blobs.sha256, sha256));
      if (row?.store === kind) return;
      await store.remove(object.key);
      removed.push(sha256);
    });
  }
  return { checked, removed };
}
