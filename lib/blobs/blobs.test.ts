import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { blobs, evidence } from '@/db/schema';
import { sha256Hex } from '@/lib/crypto/hash';
import { AppError } from '@/lib/errors';
import { setupTestDatabase } from '@/tests/helpers/database';
import { stopTestS3, TEST_STORE_KINDS, useTestBlobStore } from '@/tests/helpers/blob-stores';
import { deleteBlobIfUnused, openBlob, pingBlobStore, purgeDeletedBlobs, putBlob, putBlobStream, readVerifiedBlob } from './blobs';
import { findDamagedBlobs } from './check';
import { setBlobStores } from './config';
import { BlobIntegrityError } from './integrity';
import { blobKey, type ObjectStore } from './object-store';
import { createS3Store } from './s3-store';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
});
afterAll(async () => {
  setBlobStores(undefined);
  await stopTestS3();
});

/** A file made piece by piece, never whole: 12 MB crosses S3's 5 MB multipart boundary twice. */
function* pieces(total: number, seed: number): Generator<Buffer> {
  for (let offset = 0; offset < total; offset += 256 * 1024) {
    const piece = Buffer.alloc(Math.min(256 * 1024, total - offset));
    for (let i = 0; i < piece.length; i += 4096) piece[i] = (seed + offset + i) & 0xff;
    yield piece;
  }
}

function hashOfPieces(total: number, seed: number): string {
  return sha256Hex(Buffer.concat([...pieces(total, seed)]));
}

async function collect(stream: Readable): Promise<Buffer> {
  return Buffer.concat(await stream.toArray());
}

/** Overwrites the stored bytes behind the app's back, keeping the length: bit rot or tampering. */
async function tamper(store: ObjectStore | null, sha256: string, bytes: Buffer): Promise<void> {
  if (store) await store.put(blobKey(sha256), Readable.from([bytes]));
  else await handle.db.update(blobs).set({ bytes }).where(eq(blobs.sha256, sha256));
}

describe.each(TEST_STORE_KINDS)('blob store: %s', (kind) => {
  let store: ObjectStore | null;
  beforeAll(async () => {
    store = await useTestBlobStore(kind);
  });

  it('keeps a file once under its SHA-256 and streams it back intact', async () => {
    const bytes = new TextEncoder().encode(`%PDF-1.4 청구서 ${kind}`);
    const first = await putBlob(handle.db, bytes, 'application/pdf');
    const second = await putBlob(handle.db, bytes, 'application/pdf');
    expect(first).toBe(sha256Hex(bytes));
    expect(second).toBe(first);
    const [row] = await handle.db.select().from(blobs).where(eq(blobs.sha256, first));
    expect(row.store).toBe(kind);
    expect(row.bytes === null).toBe(kind !== 'postgres');
    if (store) expect(await store.size(blobKey(first))).toBe(bytes.byteLength);
    const opened = await openBlob(handle.db, first);
    expect(opened).toMatchObject({ byteSize: bytes.byteLength, mime: 'application/pdf', store: kind });
    expect((await collect(opened!.stream)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('streams a 12 MB file in and out piece by piece, hashing on both ways', async () => {
    const total = 12 * 1024 * 1024 + 17;
    const sha256 = hashOfPieces(total, 3);
    await putBlobStream(handle.db, { sha256, byteSize: total, mime: 'application/pdf', source: Readable.from(pieces(total, 3)) });
    const opened = await openBlob(handle.db, sha256);
    let received = 0;
    const hash = (await import('node:crypto')).createHash('sha256');
    for await (const chunk of opened!.stream) {
      received += (chunk as Buffer).byteLength;
      hash.update(chunk as Buffer);
    }
    expect(received).toBe(total);
    expect(hash.digest('hex')).toBe(sha256);
  });

  it('stores nothing — no row, no object — when the bytes do not hash to the claimed key', async () => {
    const claimed = sha256Hex('the file the client promised');
    const upload = putBlobStream(handle.db, {
      sha256: claimed,
      byteSize: 6 * 1024 * 1024,
      mime: 'application/pdf',
      source: Readable.from(pieces(6 * 1024 * 1024, 9)),
    });
    await expect(upload).rejects.toBeInstanceOf(BlobIntegrityError);
    expect(await handle.db.$count(blobs, eq(blobs.sha256, claimed))).toBe(0);
    if (store) expect(await store.size(blobKey(claimed))).toBeNull();
  });

  it('refuses a file whose bytes no longer match its key, breaking off before the end', async () => {
    const bytes = Buffer.from(`%PDF-1.4 원본 ${kind} ${'x'.repeat(3000)}`);
    const sha256 = await putBlob(handle.db, bytes, 'application/pdf');
    const altered = Buffer.from(bytes);
    altered[10] ^= 0xff;
    await tamper(store, sha256, altered);
    const opened = await openBlob(handle.db, sha256);
    const received: Buffer[] = [];
    const read = (async () => {
      for await (const chunk of opened!.stream) received.push(chunk as Buffer);
    })();
    await expect(read).rejects.toBeInstanceOf(BlobIntegrityError);
    expect(Buffer.concat(received).byteLength).toBeLessThan(bytes.byteLength);
    await expect(readVerifiedBlob(handle.db, sha256)).rejects.toThrow(/no longer matches its hash/);
    expect(await findDamagedBlobs(handle.db, [sha256])).toEqual(
      // An object store is checked by length before a filing; the full hash is checked as it is read.
      kind === 'postgres' ? { missing: [], mismatched: [sha256] } : { missing: [], mismatched: [] },
    );
  });

  it('reports a file recorded but gone from its store, and a file never stored', async () => {
    const bytes = Buffer.from(`gone ${kind}`);
    const sha256 = await putBlob(handle.db, bytes, 'image/png');
    const never = sha256Hex(`never ${kind}`);
    if (store) {
      await store.remove(blobKey(sha256));
      await expect(openBlob(handle.db, sha256)).rejects.toThrow(/missing from the/);
      expect(await findDamagedBlobs(handle.db, [sha256, never])).toEqual({ missing: [never, sha256], mismatched: [] });
    } else expect(await findDamagedBlobs(handle.db, [sha256, never])).toEqual({ missing: [never], mismatched: [] });
    expect(await openBlob(handle.db, never)).toBeNull();
  });

  it('deletes an unreferenced file with its row and purges its object after commit, keeping referenced ones', async () => {
    const bytes = Buffer.from(`to delete ${kind}`);
    const sha256 = await putBlob(handle.db, bytes, 'application/pdf');
    const deleted = await handle.db.transaction((tx) => deleteBlobIfUnused(tx, sha256));
    expect(deleted).toMatchObject({ sha256, store: kind });
    if (store) expect(await store.size(blobKey(sha256))).toBe(bytes.byteLength);
    await purgeDeletedBlobs(handle.db, [deleted]);
    expect(await handle.db.$count(blobs, eq(blobs.sha256, sha256))).toBe(0);
    if (store) expect(await store.size(blobKey(sha256))).toBeNull();

    // Stored again before the purge ran: the new row keeps its object.
    const again = await putBlob(handle.db, bytes, 'application/pdf');
    const stale = await handle.db.transaction((tx) => deleteBlobIfUnused(tx, again));
    await putBlob(handle.db, bytes, 'application/pdf');
    await purgeDeletedBlobs(handle.db, [stale]);
    expect((await readVerifiedBlob(handle.db, again))!.byteLength).toBe(bytes.byteLength);

    const [used] = await handle.db.select({ sha256: evidence.sha256 }).from(evidence).limit(1);
    if (used) expect(await handle.db.transaction((tx) => deleteBlobIfUnused(tx, used.sha256))).toBeNull();
  });

  it('answers the health check', async () => {
    expect(await pingBlobStore()).toMatchObject({ store: kind });
  });
});

describe('an S3 endpoint that is down', () => {
  it('gives a clear try-again, stores no row, and fails the health check', async () => {
    const down = createS3Store({
      bucket: 'joinder-test',
      prefix: '',
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
    setBlobStores({ current: 's3', objects: { s3: down } });
    const bytes = Buffer.from('while the bucket is away');
    const error = await putBlob(handle.db, bytes, 'application/pdf').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'unavailable', messageKey: 'intake.evidence.errors.storeUnavailable' });
    expect(await handle.db.$count(blobs, eq(blobs.sha256, sha256Hex(bytes)))).toBe(0);
    await expect(pingBlobStore()).rejects.toThrow();
  });
});
