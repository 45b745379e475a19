import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AppError } from '@/lib/errors';

/** An upload body kept on local disk until it is judged: only its hash and size are in memory. */
export type StagedUpload = {
  path: string;
  sha256: string;
  byteSize: number;
  readBytes: () => Promise<Uint8Array>;
  discard: () => Promise<void>;
};

const STAGING_DIRECTORY = path.join(os.tmpdir(), 'joinder-uploads');
/** A staged body older than this was left by a process that died mid-request. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;
let stagingReady: Promise<void> | undefined;

function prepareStaging(): Promise<void> {
  stagingReady ??= (async () => {
    await fs.promises.mkdir(STAGING_DIRECTORY, { recursive: true, mode: 0o700 });
    const cutoff = Date.now() - ABANDONED_AFTER_MS;
    for (const name of await fs.promises.readdir(STAGING_DIRECTORY)) {
      const file = path.join(STAGING_DIRECTORY, name);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (stat && stat.mtimeMs < cutoff) await fs.promises.rm(file, { force: true });
    }
  })().catch((error: unknown) => {
    stagingReady = undefined;
    throw error;
  });
  return stagingReady;
}

/**
 * Streams an upload body to a staging file, hashing as it goes, and stops the moment it passes
 * `maxBytes` — a 2 GB body costs no more than the limit, and 200 phones uploading at once cost
 * disk, not memory. The declared Content-Length is checked first so an honest client learns at once.
 */
export async function receiveUpload(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  declaredLength?: number | null,
): Promise<StagedUpload> {
  assertDeclaredSize(declaredLength, maxBytes);
  if (!body) throw emptyFile();
  await prepareStaging();
  const file = path.join(STAGING_DIRECTORY, `${randomBytes(16).toString('hex')}.part`);
  const discard = () => fs.promises.rm(file, { force: true });
  const hash = createHash('sha256');
  let byteSize = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      byteSize += chunk.byteLength;
      if (byteSize > maxBytes) return done(fileTooLarge(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), measure, fs.createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    await discard();
    if (error instanceof AppError) throw error;
    // A full or failing staging disk is ours to fix: the user is told to try again later.
    if ((error as NodeJS.ErrnoException).syscall) {
      throw new AppError('unavailable', { messageKey: 'intake.evidence.errors.storeUnavailable', cause: error, retryAfterSeconds: 30 });
    }
    // The client went away mid-body: nothing was kept (and, most likely, no one is left to answer).
    throw new AppError('invalid_input', { messageKey: 'intake.evidence.errors.network', cause: error });
  }
  if (byteSize === 0) {
    await discard();
    throw emptyFile();
  }
  return {
    path: file,
    sha256: hash.digest('hex'),
    byteSize,
    readBytes: async () => new Uint8Array(await fs.promises.readFile(file)),
    discard,
  };
}

function emptyFile(): AppError {
  return new AppError('invalid_input', { messageKey: 'intake.evidence.errors.empty' });
}

function fileTooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', {
    messageKey: `intake.evidence.errors.fileTooLarge|${JSON.stringify({ max: megabytes(maxBytes) })}`,
  });
}

/** A declared Content-Length over the limit is refused unread — before the session is even looked up. */
export function assertDeclaredSize(declaredLength: number | null | undefined, maxBytes: number): void {
  if (declaredLength && declaredLength > maxBytes) throw fileTooLarge(maxBytes);
}

export function megabytes(bytes: number): string {
  return String(Math.round((bytes / 1024 / 1024) * 10) / 10);
}
