import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertSafeKey, type ObjectStore } from './object-store';

export type S3Settings = {
  bucket: string;
  /** Folded into every key, so one bucket can hold several deployments. */
  prefix: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

/**
 * 5 MiB is S3's smallest multipart part; with one part in flight beside the one being filled, an
 * upload holds at most ~10 MiB however large the file (200 at once stay within the RSS budget).
 */
const PART_BYTES = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 1;

function isMissing(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return error instanceof NoSuchKey || error instanceof NotFound || status === 404;
}

/**
 * Objects in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, Ceph) through the AWS SDK v3.
 * The bucket stays private: nothing here makes a public or presigned URL; every byte a user gets
 * goes through the app's own authorised routes. Writes stream through lib-storage's multipart
 * upload; a body that errors aborts it, so no object appears under the key.
 */
export function createS3Store(settings: S3Settings): ObjectStore {
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials,
    // Checksums only where S3 requires them: the SHA-256 we check ourselves is the proof, and
    // several S3-compatible servers do not understand the SDK's default trailing CRC32.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    // An endpoint that stops answering must fail the request (a "try again" for the user), not hang it.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 120_000 },
  });
  const bucket = settings.bucket;
  const fullKey = (key: string) => {
    assertSafeKey(key);
    return `${settings.prefix}${key}`;
  };
  return {
    kind: 's3',
    label: `s3://${bucket}${settings.prefix ? `/${settings.prefix.replace(/\/$/, '')}` : ''}`,
    async put(key, body) {
      const upload = new Upload({
        client,
        params: { Bucket: bucket, Key: fullKey(key), Body: body, ContentType: 'application/octet-stream' },
        partSize: PART_BYTES,
        queueSize: PARTS_IN_FLIGHT,
        leavePartsOnError: false,
      });
      // lib-storage stops reading on a failed part but does not destroy the source; do it here so
      // whoever feeds the body learns the write is over.
      try {
        await upload.done();
      } catch (error) {
        body.destroy();
        throw error;
      }
    },
    async get(key, range) {
      try {
        const result = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: fullKey(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
        );
        return result.Body as Readable;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async size(key) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: fullKey(key) }));
        return head.ContentLength ?? 0;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: fullKey(key) }));
    },
    async *list(prefix) {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: fullKey(prefix.replace(/\/$/, '')) + '/', ContinuationToken: token }),
        );
        for (const item of page.Contents ?? []) {
          if (item.Key) yield { key: item.Key.slice(settings.prefix.length), byteSize: item.Size ?? 0 };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    async ping() {
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    },
  };
}
