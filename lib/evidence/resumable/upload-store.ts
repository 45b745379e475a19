import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataStore, ERRORS, Upload } from '@tus/server';
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type EvidenceUpload, type UploadMeta, evidenceUploads } from '@/db/schema';
import { getBlobStores } from '@/lib/blobs/config';
import { putPiece, removePieces } from './pieces';

/** Bytes held in memory per upload before they are kept as a piece: also the most a dropped connection can cost. */
export const PIECE_BYTES = 1024 * 1024;
/** An upload not finished within a day is given up (its pieces are swept). */
export const UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type UploadOwner = { claimantId: string; caseId: string; userId: string };
export type NewUpload = { byteSize: number; sha256: string; meta: UploadMeta };

/**
 * Writes still finishing, by upload id. When a connection drops, tus answers the aborted PATCH
 * without waiting for the store to keep what arrived; the client's next HEAD must not read the
 * offset before that is kept, or it resumes too early and is sent back (409) once more.
 */
const WRITES_KEY = Symbol.for('joinder.upload-writes');
function writesInFlight(): Map<string, Promise<unknown>> {
  const g = globalThis as typeof globalThis & { [WRITES_KEY]?: Map<string, Promise<unknown>> };
  g[WRITES_KEY] ??= new Map();
  return g[WRITES_KEY];
}

export function newUploadId(): string {
  return randomBytes(16).toString('hex');
}

/** One claimant's upload, found only by its id AND its owner: another user's id finds nothing. */
export async function findOwnUpload(db: Database, owner: UploadOwner, id: string): Promise<EvidenceUpload | null> {
  if (!/^[0-9a-f]{32}$/.test(id)) return null;
  const [row] = await db
    .select()
    .from(evidenceUploads)
    .where(
      and(
        eq(evidenceUploads.id, id),
        eq(evidenceUploads.claimantId, owner.claimantId),
        eq(evidenceUploads.caseId, owner.caseId),
        eq(evidenceUploads.userId, owner.userId),
      ),
    );
  return row ?? null;
}

/**
 * The tus data store over Joinder's blob stores, bound to one signed-in claimant for one request.
 * What arrives is cut into pieces of at most PIECE_BYTES, each kept (and counted on the upload
 * row, under its lock) before the next is read: when the connection drops, everything up to the
 * last byte that arrived is kept — the piece in progress too — and the client resumes from there.
 */
export class EvidenceUploadStore extends DataStore {
  constructor(
    private readonly db: Database,
    private readonly owner: UploadOwner,
    private readonly pending: NewUpload | null,
  ) {
    super();
    this.extensions = ['creation', 'termination', 'expiration'];
  }

  getExpiration(): number {
    return UPLOAD_LIFETIME_MS;
  }

  async create(upload: Upload): Promise<Upload> {
    if (!this.pending) throw ERRORS.INVALID_METADATA;
    await this.db.insert(evidenceUploads).values({
      id: upload.id,
      ...this.owner,
      byteSize: this.pending.byteSize,
      fingerprint: this.pending.sha256,
      meta: this.pending.meta,
      store: getBlobStores().current,
      expiresAt: new Date(Date.now() + UPLOAD_LIFETIME_MS),
    });
    upload.creation_date = new Date().toISOString();
    return upload;
  }

  async getUpload(id: string): Promise<Upload> {
    await writesInFlight()
      .get(id)
      ?.catch(() => {});
    const row = await findOwnUpload(this.db, this.owner, id);
    if (!row) throw ERRORS.FILE_NOT_FOUND;
    if (row.expiresAt.getTime() < Date.now()) throw ERRORS.FILE_NO_LONGER_EXISTS;
    return new Upload({ id, size: row.byteSize, offset: row.receivedBytes, creation_date: row.createdAt.toISOString() });
  }

  async write(stream: Readable, id: string, offset: number): Promise<number> {
    const writing = this.receive(stream, id, offset);
    const writes = writesInFlight();
    writes.set(id, writing);
    try {
      return await writing;
    } finally {
      if (writes.get(id) === writing) writes.delete(id);
    }
  }

  private async receive(stream: Readable, id: string, offset: number): Promise<number> {
    let received = offset;
    let buffered: Buffer[] = [];
    let bufferedBytes = 0;
    // One piece is written while the next fills, so the connection keeps being read (what arrives
    // is not left in socket buffers to be lost on a drop); at most two pieces are held per upload.
    let writing: Promise<void> = Promise.resolve();
    const keep = () => {
      if (bufferedBytes === 0) return;
      const bytes = Buffer.concat(buffered, bufferedBytes);
      buffered = [];
      bufferedBytes = 0;
      writing = writing.then(async () => {
        received = await this.keepPiece(id, received, bytes);
      });
    };
    try {
      for await (const chunk of stream) {
        buffered.push(chunk as Buffer);
        bufferedBytes += (chunk as Buffer).byteLength;
        if (bufferedBytes >= PIECE_BYTES) {
          await writing;
          keep();
        }
      }
    } catch (error) {
      // The client went away mid-request: keep what did arrive, then let tus answer the abort.
      keep();
      await writing.catch(() => {});
      throw error;
    }
    keep();
    await writing;
    return received;
  }

  /** Stores one piece and moves the offset, in one transaction holding the upload row's lock. */
  private async keepPiece(id: string, offset: number, bytes: Buffer): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(evidenceUploads)
        .where(and(eq(evidenceUploads.id, id), eq(evidenceUploads.userId, this.owner.userId)))
        .for('update');
      if (!row) throw ERRORS.FILE_NOT_FOUND;
      if (row.receivedBytes !== offset) throw ERRORS.INVALID_OFFSET;
      if (offset + bytes.byteLength > row.byteSize) throw ERRORS.ERR_SIZE_EXCEEDED;
      await putPiece(tx, row.store, id, row.pieceCount, bytes);
      await tx
        .update(evidenceUploads)
        .set({
          receivedBytes: sql`${evidenceUploads.receivedBytes} + ${bytes.byteLength}`,
          pieceCount: sql`${evidenceUploads.pieceCount} + 1`,
        })
        .where(eq(evidenceUploads.id, id));
      return offset + bytes.byteLength;
    });
  }

  async remove(id: string): Promise<void> {
    const row = await findOwnUpload(this.db, this.owner, id);
    if (!row) throw ERRORS.FILE_NOT_FOUND;
    await discardUpload(this.db, row);
  }
}

/** Drops an upload's row and its pieces (finished, refused, cancelled or expired). */
export async function discardUpload(db: Database, row: EvidenceUpload): Promise<void> {
  await db.delete(evidenceUploads).where(eq(evidenceUploads.id, row.id));
  await removePieces(db, row.store, row.id, row.pieceCount);
}

/**
 * Gives up uploads nobody finished within their lifetime (a phone that never came back), a few
 * at a time: each new upload clears up to `limit` of them, so abandoned pieces never pile up and
 * no request pays for all of them at once.
 */
export async function discardExpiredUploads(db: Database, limit = 20, now = new Date()): Promise<number> {
  const expired = await db
    .select()
    .from(evidenceUploads)
    .where(lt(evidenceUploads.expiresAt, now))
    .orderBy(asc(evidenceUploads.expiresAt))
    .limit(limit);
  for (const row of expired) await discardUpload(db, row);
  return expired.length;
}
