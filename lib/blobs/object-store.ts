import type { Readable } from 'node:stream';

/**
 * What a place outside the database that keeps bytes under keys must do (a folder, an S3 bucket).
 * The database's own store (blobs.bytes) is not one of these: its bytes are written with the row
 * that indexes them (lib/blobs/blobs.ts).
 */
export type ObjectStore = {
  kind: 'fs' | 's3';
  /** For messages and the health check: `file:///srv/joinder`, `s3://bucket/prefix` (never a secret). */
  label: string;
  /**
   * Streams `body` in under `key`. If the body errors (a failed hash check, a dropped client),
   * nothing is left under the key: readers never see a partial object.
   */
  put(key: string, body: Readable): Promise<void>;
  /** A stream of the object, or null if there is none. `range` is inclusive, as in HTTP. */
  get(key: string, range?: { start: number; end: number }): Promise<Readable | null>;
  size(key: string): Promise<number | null>;
  remove(key: string): Promise<void>;
  list(prefix: string): AsyncIterable<{ key: string; byteSize: number }>;
  /** Throws if the store cannot be reached or written (health check, start-up). */
  ping(): Promise<void>;
};

const SHA256 = /^[0-9a-f]{64}$/;

/** A fan-out of 256 folders/prefixes, so no directory listing holds a case's 750,000 files. */
export function blobKey(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return `blobs/${sha256.slice(0, 2)}/${sha256}`;
}

export function shaOfBlobKey(key: string): string | null {
  const match = /^blobs\/[0-9a-f]{2}\/([0-9a-f]{64})$/.exec(key);
  return match ? match[1] : null;
}

/** Keys are ours alone (hashes, upload ids, numbers): anything else is a bug, never a path to follow. */
export function assertSafeKey(key: string): void {
  if (!/^[a-z0-9][a-z0-9/_.-]*$/.test(key) || key.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error(`unsafe object key: ${key}`);
  }
}
