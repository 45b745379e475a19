import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BlobStoreKind } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { createFsStore } from './fs-store';
import type { ObjectStore } from './object-store';
import { createS3Store } from './s3-store';

export type BlobStoreSpec = { kind: 'postgres' } | { kind: 'fs'; root: string } | { kind: 's3'; bucket: string; prefix: string };

/**
 * Reads a store as written in BLOB_STORE or on the migrate command line: `postgres`, a folder
 * (`file:///srv/joinder-files` or `fs:./files`), or `s3://bucket[/prefix]`. The S3 endpoint and
 * credentials come from S3_* settings, never from the string (it ends up in logs and messages).
 */
export function parseBlobStoreSpec(value: string): BlobStoreSpec {
  const text = value.trim();
  if (text === '' || text === 'postgres') return { kind: 'postgres' };
  if (text.startsWith('file://')) return { kind: 'fs', root: fileURLToPath(text) };
  if (text.startsWith('fs:')) return { kind: 'fs', root: path.resolve(text.slice(3)) };
  if (text.startsWith('s3://')) {
    const [bucket, ...rest] = text.slice(5).split('/');
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new Error(`BLOB_STORE: "${bucket}" is not an S3 bucket name`);
    const prefix = rest.filter(Boolean).join('/');
    if (text.includes('@')) throw new Error('BLOB_STORE: put S3 credentials in S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY, not in the URL');
    return { kind: 's3', bucket, prefix: prefix ? `${prefix}/` : '' };
  }
  throw new Error(`BLOB_STORE: "${text}" is not postgres, file:///path, fs:PATH or s3://bucket`);
}

export function createObjectStore(spec: Exclude<BlobStoreSpec, { kind: 'postgres' }>): ObjectStore {
  if (spec.kind === 'fs') return createFsStore(spec.root);
  const env = getEnv();
  return createS3Store({
    bucket: spec.bucket,
    prefix: spec.prefix,
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === 'true' : Boolean(env.S3_ENDPOINT),
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
  });
}

/** The store new files go to, and the object stores a row may name (at most one of each kind). */
export type BlobStores = { current: BlobStoreKind; objects: Partial<Record<'fs' | 's3', ObjectStore>> };

// On globalThis for the same reason as the database handle: Next.js evaluates modules in several graphs.
const STORES_KEY = Symbol.for('joinder.blob-stores');
type GlobalWithStores = typeof globalThis & { [STORES_KEY]?: BlobStores };

function storesFromEnv(): BlobStores {
  const env = getEnv();
  const current = parseBlobStoreSpec(env.BLOB_STORE);
  const stores: BlobStores = { current: current.kind, objects: {} };
  const previous = env.BLOB_STORE_PREVIOUS ? parseBlobStoreSpec(env.BLOB_STORE_PREVIOUS) : null;
  if (previous && previous.kind !== 'postgres') stores.objects[previous.kind] = createObjectStore(previous);
  if (current.kind !== 'postgres') stores.objects[current.kind] = createObjectStore(current);
  return stores;
}

export function getBlobStores(): BlobStores {
  const g = globalThis as GlobalWithStores;
  g[STORES_KEY] ??= storesFromEnv();
  return g[STORES_KEY];
}

/** Tests, the migrate command and restore choose the stores explicitly. */
export function setBlobStores(stores: BlobStores | undefined): void {
  (globalThis as GlobalWithStores)[STORES_KEY] = stores;
}

/** The object store a row's `store` names; a row naming a store this deployment no longer has is a configuration error. */
export function objectStoreFor(kind: 'fs' | 's3'): ObjectStore {
  const store = getBlobStores().objects[kind];
  if (!store) throw new Error(`files are kept in the ${kind} store, but neither BLOB_STORE nor BLOB_STORE_PREVIOUS names one`);
  return store;
}
