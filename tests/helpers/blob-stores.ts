import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setBlobStores, createObjectStore } from '@/lib/blobs/config';
import type { ObjectStore } from '@/lib/blobs/object-store';
import { resetEnvCache } from '@/lib/env';

export const TEST_BUCKET = 'joinder-test';
export type TestStoreKind = 'postgres' | 'fs' | 's3';
export const TEST_STORE_KINDS: readonly TestStoreKind[] = ['postgres', 'fs', 's3'];

type S3Server = { endpoint: string; close: () => Promise<void> };
let s3Server: Promise<S3Server> | undefined;

/**
 * A real S3-protocol server on loopback for the blob tests: s3rver (the npm registry's), started
 * in this test file's process on a free port with an empty bucket, or — with
 * JOINDER_TEST_S3_ENDPOINT set (a MinIO or Ceph that .ci/run or a developer started) — that server,
 * with the bucket created there if missing.
 */
export function startTestS3(): Promise<S3Server> {
  s3Server ??= (async () => {
    const external = process.env.JOINDER_TEST_S3_ENDPOINT;
    process.env.S3_ACCESS_KEY_ID ??= 'S3RVER';
    process.env.S3_SECRET_ACCESS_KEY ??= 'S3RVER';
    if (external) {
      process.env.S3_ENDPOINT = external;
      resetEnvCache();
      const { CreateBucketCommand, S3Client } = await import('@aws-sdk/client-s3');
      const client = new S3Client({
        endpoint: external,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: process.env.S3_ACCESS_KEY_ID, secretAccessKey: process.env.S3_SECRET_ACCESS_KEY },
      });
      await client.send(new CreateBucketCommand({ Bucket: TEST_BUCKET })).catch(() => {});
      return { endpoint: external, close: async () => {} };
    }
    const { default: S3rver } = await import('s3rver');
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-s3rver-'));
    const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: TEST_BUCKET }] });
    const { port } = (await server.run()) as { port: number };
    process.env.S3_ENDPOINT = `http://127.0.0.1:${port}`;
    resetEnvCache();
    return {
      endpoint: process.env.S3_ENDPOINT,
      close: async () => {
        await server.close();
        fs.rmSync(directory, { recursive: true, force: true });
      },
    };
  })();
  return s3Server;
}

export async function stopTestS3(): Promise<void> {
  if (s3Server) await (await s3Server).close();
  s3Server = undefined;
}

/** A fresh folder (or bucket prefix) per call, so tests of one file never see each other's objects. */
export async function useTestBlobStore(kind: TestStoreKind): Promise<ObjectStore | null> {
  if (kind === 'postgres') {
    setBlobStores({ current: 'postgres', objects: {} });
    return null;
  }
  const unique = `t${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  if (kind === 'fs') {
    const store = createObjectStore({ kind: 'fs', root: fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-blobs-')) });
    setBlobStores({ current: 'fs', objects: { fs: store } });
    return store;
  }
  await startTestS3();
  const store = createObjectStore({ kind: 's3', bucket: TEST_BUCKET, prefix: `${unique}/` });
  setBlobStores({ current: 's3', objects: { s3: store } });
  return store;
}
