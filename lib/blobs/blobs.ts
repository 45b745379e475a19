import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type BlobStoreKind, blobs, evidence, filingAttachments, filingParts } from '@/db/schema';
import { sha256Hex } from '@/lib/crypto/hash';
import { AppError } from '@/lib/errors';
import { getBlobStores, objectStoreFor } from './config';
import { BlobIntegrityError, verifyFrom, verifyingStream } from './integrity';
import { blobKey } from './object-store';
import { streamPostgresBytes } from './postgres-bytes';

/**
 * The one way files are kept and read (evidence, filing parts, exports, backups). Every file is
 * content-addressed: its SHA-256 is its key, checked while it streams in and again while it streams
 * out. The `blobs` row indexes each file for the evidence and filing rows that refer to it and says
 * which store holds the bytes: this database (`postgres`, the embedded default), a folder, or an
 * S3 bucket (lib/blobs/config.ts).
 */
export type BlobSource = Uint8Array | Readable | AsyncIterable<Uint8Array>;
export type StoredBlob = { sha256: string; byteSize: number; mime: string; store: BlobStoreKind };

/** All writers and deleters of one hash queue on this lock, so a delete never removes an object a new row just claimed. */
const BLOB_LOCK_SPACE = 0x626c6f62; // "blob"

export async function lockBlobHash(tx: Database, sha256: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${BLOB_LOCK_SPACE}, hashtext(${sha256}))`);
}

function toReadable(source: BlobSource): Readable {
  if (source instanceof Readable) return source;
  if (source instanceof Uint8Array) return Readable.from([Buffer.from(source.buffer, source.byteOffset, source.byteLength)]);
  return Readable.from(source);
}

/** An object store that cannot be reached is the user's "try again", never a 500 or half a file. */
export function storeUnavailable(cause: unknown): AppError {
  return new AppError('unavailable', { messageKey: 'intake.evidence.errors.storeUnavailable', cause, retryAfterSeconds: 30 });
}

/**
 * Keeps a file under its SHA-256 in the configured store and writes its `blobs` row, inside `db`'s
 * transaction if it is one: the row commits with the caller's evidence or filing row or not at
 * all. The bytes are hashed while they stream in; a stream that does not hash to `sha256` (or is
 * not `byteSize` long) stores nothing and throws. A file already kept is not written again.
 */
export async function putBlobStream(
  db: Database,
  input: { sha256: string; byteSize: number; mime: string; source: BlobSource },
): Promise<string> {
  const { sha256, byteSize, mime } = input;
  blobKey(sha256);
  return db.transaction(async (tx) => {
    await lockBlobHash(tx, sha256);
    const [existing] = await tx.select({ store: blobs.store }).from(blobs).where(eq(blobs.sha256, sha256));
    const source = toReadable(input.source);
    if (existing) {
      source.destroy();
      return sha256;
    }
    const current = getBlobStores().current;
    const { stream: verified, failure } = verifyFrom(source, sha256, byteSize);
    if (current === 'postgres') {
      const bytes = Buffer.concat(await verified.toArray());
      await tx.insert(blobs).values({ sha256, bytes, byteSize, mime, store: 'postgres' });
      return sha256;
    }
    const store = objectStoreFor(current);
    try {
      // Content-addressed: an object already under the key (a row deleted and re-added, a migration
      // that ran before) holds these very bytes, and reads verify them anyway.
      if ((await store.size(blobKey(sha256))) === byteSize) {
        source.destroy();
        verified.destroy();
      } else await store.put(blobKey(sha256), verified);
    } catch (error) {
      throw failure() ?? (error instanceof BlobIntegrityError ? error : storeUnavailable(error));
    }
    await tx.insert(blobs).values({ sha256, bytes: null, byteSize, mime, store: current });
    return sha256;
  });
}

/** Keeps bytes already in memory (a rendered part, a re-encoded image); the hash is computed, or checked if given. */
export async function putBlob(db: Database, bytes: Uint8Array, mime: string, knownSha256?: string): Promise<string> {
  const sha256 = knownSha256 ?? sha256Hex(bytes);
  return putBlobStream(db, { sha256, byteSize: bytes.byteLength, mime, source: bytes });
}

export async function findBlob(db: Database, sha256: string): Promise<StoredBlob | null> {
  const [row] = await db
    .select({ sha256: blobs.sha256, byteSize: blobs.byteSize, mime: blobs.mime, store: blobs.store })
    .from(blobs)
    .where(eq(blobs.sha256, sha256));
  return row ?? null;
}

function reportDamage(blob: StoredBlob, error: BlobIntegrityError): void {
  console.error(`[joinder] refused a damaged file from the ${blob.store} store: ${error.message}`);
}

/** The raw bytes of a stored file, unchecked: for the verifying reader below and the migrate command. */
export async function openRawBlob(db: Database, blob: StoredBlob): Promise<Readable | null> {
  if (blob.store === 'postgres') return streamPostgresBytes(db, blob.sha256, blob.byteSize);
  try {
    return await objectStoreFor(blob.store).get(blobKey(blob.sha256));
  } catch (error) {
    throw storeUnavailable(error);
  }
}

/**
 * A stream of a stored file that breaks off with a BlobIntegrityError — and logs it — if the bytes
 * no longer hash to their key, before the last of them is let go. Null if no such file is recorded.
 * `db` must outlive the stream (the root database, not a finished transaction).
 */
export async function openBlob(db: Database, sha256: string): Promise<(StoredBlob & { stream: Readable }) | null> {
  const blob = await findBlob(db, sha256);
  if (!blob) return null;
  const raw = await openRawBlob(db, blob);
  const verified = verifyingStream(blob.sha256, blob.byteSize);
  verified.on('error', (error) => {
    if (error instanceof BlobIntegrityError) reportDamage(blob, error);
  });
  if (!raw) {
    const error = new BlobIntegrityError(sha256, `is recorded but missing from the ${blob.store} store`);
    reportDamage(blob, error);
    throw error;
  }
  raw.on('error', (error) => verified.destroy(error));
  return { ...blob, stream: raw.pipe(verified) };
}

/** A whole stored file, proved against its hash, for the few readers that need all of it (PDF assembly). */
export async function readVerifiedBlob(db: Database, sha256: string): Promise<Uint8Array | null> {
  const opened = await openBlob(db, sha256);
  if (!opened) return null;
  return new Uint8Array(Buffer.concat(await opened.stream.toArray()));
}

/**
 * Deletes a file's row once no evidence and no filing refers to it any more, inside the caller's
 * transaction. Returns what to purge from an object store after that transaction commits (the
 * bytes of the postgres store go with the row).
 */
export async function deleteBlobIfUnused(db: Database, sha256: string): Promise<StoredBlob | null> {
  const [deleted] = await db
    .delete(blobs)
    .where(
      and(
        eq(blobs.sha256, sha256),
        sql`not exists (select 1 from ${evidence} where ${evidence.sha256} = ${sha256})`,
        sql`not exists (select 1 from ${filingParts} where ${filingParts.sha256} = ${sha256})`,
        sql`not exists (select 1 from ${filingAttachments} where ${filingAttachments.sha256} = ${sha256})`,
      ),
    )
    .returning({ sha256: blobs.sha256, byteSize: blobs.byteSize, mime: blobs.mime, store: blobs.store });
  return deleted ?? null;
}

/**
 * Removes objects whose rows were deleted (after the deleting transaction committed). Under the
 * hash's lock, and only if no new row claimed the hash meanwhile. A store that fails here leaves
 * an orphan object, which `npm run blobs:migrate -- --sweep` removes later; nothing refers to it.
 */
export async function purgeDeletedBlobs(db: Database, deleted: readonly (StoredBlob | null)[]): Promise<void> {
  for (const blob of deleted) {
    if (!blob || blob.store === 'postgres') continue;
    try {
      await db.transaction(async (tx) => {
        await lockBlobHash(tx, blob.sha256);
        const [claimed] = await tx.select({ store: blobs.store }).from(blobs).where(eq(blobs.sha256, blob.sha256));
        if (claimed?.store === blob.store) return;
        await objectStoreFor(blob.store as 'fs' | 's3').remove(blobKey(blob.sha256));
      });
    } catch (error) {
      console.warn(
        `[joinder] could not remove ${blob.sha256} from the ${blob.store} store (left for the sweep):`,
        (error as Error).message,
      );
    }
  }
}

/** Health: the store new files go to answers (the database itself is checked by the caller). */
export async function pingBlobStore(): Promise<{ store: BlobStoreKind; label: string }> {
  const current = getBlobStores().current;
  if (current === 'postgres') return { store: current, label: 'postgres' };
  const store = objectStoreFor(current);
  await store.ping();
  return { store: current, label: store.label };
}
