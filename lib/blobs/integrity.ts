import { createHash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';

/** The bytes under a key are not the bytes the key names: bit rot, tampering, or the wrong file. */
export class BlobIntegrityError extends Error {
  constructor(
    readonly sha256: string,
    detail: string,
  ) {
    super(`blob ${sha256} ${detail}`);
    this.name = 'BlobIntegrityError';
  }
}

/**
 * Passes bytes through while hashing and counting them, always holding the latest chunk back, and
 * lets that last chunk go only once all the bytes are in and are exactly `byteSize` bytes hashing
 * to `sha256`. So a writer fed through it never completes a wrong object, and a reader (a download
 * with its Content-Length) never receives a wrong file whole: it is broken off short. Too many
 * bytes fail at once, without waiting for the end.
 */
export function verifyingStream(sha256: string, byteSize: number): Transform {
  const hash = createHash('sha256');
  let seen = 0;
  let held: Buffer | null = null;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.byteLength;
      if (seen > byteSize) return callback(new BlobIntegrityError(sha256, `is longer than its recorded ${byteSize} bytes`));
      hash.update(chunk);
      const previous = held;
      held = chunk;
      callback(null, previous ?? undefined);
    },
    flush(callback) {
      if (seen !== byteSize) return callback(new BlobIntegrityError(sha256, `has ${seen} bytes, not its recorded ${byteSize}`));
      const actual = hash.digest('hex');
      if (actual !== sha256) return callback(new BlobIntegrityError(sha256, `no longer matches its hash (the bytes hash to ${actual})`));
      callback(null, held ?? undefined);
    },
  });
}

/**
 * `source` through a verifying stream, with the source's errors passed on. Store clients (the S3
 * SDK) may swallow or wrap the stream's error in their own; `failure()` still says whether the
 * bytes were wrong, so the caller can throw the integrity error rather than the client's.
 */
export function verifyFrom(
  source: Readable,
  sha256: string,
  byteSize: number,
): { stream: Transform; failure: () => BlobIntegrityError | undefined } {
  const stream = verifyingStream(sha256, byteSize);
  let failure: BlobIntegrityError | undefined;
  stream.on('error', (error) => {
    if (error instanceof BlobIntegrityError) failure = error;
  });
  source.on('error', (error) => stream.destroy(error));
  source.pipe(stream);
  return { stream, failure: () => failure };
}
