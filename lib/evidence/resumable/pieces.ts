import { Readable } from 'node:stream';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type BlobStoreKind, uploadPieces } from '@/db/schema';
import { storeUnavailable } from '@/lib/blobs/blobs';
import { objectStoreFor } from '@/lib/blobs/config';

/**
 * Where the pieces of an unfinished upload wait: in the upload_pieces table for the postgres
 * store, as objects under `uploads/<id>/` in a folder or bucket otherwise — the same place the
 * finished file will go, so a deployment on S3 does not push hundreds of GB of half-uploads
 * through PostgreSQL. Pieces are numbered from 0; the upload row counts them.
 */
const pieceKey = (uploadId: string, position: number) => `uploads/${uploadId}/${String(position).padStart(6, '0')}`;

export async function putPiece(db: Database, store: BlobStoreKind, uploadId: string, position: number, bytes: Buffer): Promise<void> {
  if (store === 'postgres') {
    await db
      .insert(uploadPieces)
      .values({ uploadId, position, bytes })
      .onConflictDoUpdate({ target: [uploadPieces.uploadId, uploadPieces.position], set: { bytes } });
    return;
  }
  try {
    await objectStoreFor(store).put(pieceKey(uploadId, position), Readable.from([bytes]));
  } catch (error) {
    throw storeUnavailable(error);
  }
}

/** The pieces in order, one at a time (`db` must outlive the stream). */
export function readPieces(db: Database, store: BlobStoreKind, uploadId: string, count: number): Readable {
  return Readable.from(
    (async function* () {
      for (let position = 0; position < count; position++) {
        if (store === 'postgres') {
          const [row] = await db
            .select({ bytes: uploadPieces.bytes })
            .from(uploadPieces)
            .where(and(eq(uploadPieces.uploadId, uploadId), eq(uploadPieces.position, position)))
            .orderBy(asc(uploadPieces.position));
          if (!row) throw new Error(`upload ${uploadId} lost piece ${position}`);
          yield Buffer.from(row.bytes);
          continue;
        }
        const stream = await objectStoreFor(store).get(pieceKey(uploadId, position));
        if (!stream) throw new Error(`upload ${uploadId} lost piece ${position}`);
        for await (const chunk of stream) yield chunk as Buffer;
      }
    })(),
  );
}

/** Best effort: a piece left behind belongs to no row and is swept with the expired uploads. */
export async function removePieces(db: Database, store: BlobStoreKind, uploadId: string, count: number): Promise<void> {
  if (store === 'postgres') {
    await db.delete(uploadPieces).where(eq(uploadPieces.uploadId, uploadId));
    return;
  }
  const objects = objectStoreFor(store);
  for (let position = 0; position < count; position++) {
    await objects.remove(pieceKey(uploadId, position)).catch(() => {});
  }
}
