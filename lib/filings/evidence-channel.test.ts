import { MessageChannel } from 'node:worker_threads';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { blobs } from '@/db/schema';
import { sha256Hex } from '@/lib/crypto/hash';
import { putBlob } from '@/lib/blobs/blobs';
import { setupTestDatabase } from '@/tests/helpers/database';
import { findDamagedBlobs, serveEvidence } from './evidence-channel';
import { EvidenceClient, EvidenceUnavailableError } from './render/evidence-client';

let handle: DatabaseHandle;
const files = ['갑 제1호증 고지서', '갑 제2호증 사진', '갑 제3호증 화면', '변조될 파일'].map((text) =>
  new TextEncoder().encode(`%PDF-1.4 ${text}`),
);
let hashes: string[];

beforeAll(async () => {
  handle = await setupTestDatabase();
  hashes = [];
  for (const bytes of files) hashes.push(await putBlob(handle.db, bytes, 'application/pdf'));
  await handle.db
    .update(blobs)
    .set({ bytes: new TextEncoder().encode('%PDF-1.4 changed') })
    .where(eq(blobs.sha256, hashes[3]));
});

describe('evidence for the rendering worker', () => {
  it('finds changed and missing files inside the database', async () => {
    const absent = sha256Hex('never stored');
    expect(await findDamagedBlobs(handle.db, [...hashes, absent])).toEqual({ missing: [absent], mismatched: [hashes[3]] });
  });

  it('hands files over one by one, in order, re-checked, and only this filing’s files', async () => {
    const channel = new MessageChannel();
    const stop = serveEvidence(handle.db, channel.port1, new Set(hashes));
    const order = [hashes[0], hashes[1], hashes[0], hashes[2], hashes[3]];
    const client = new EvidenceClient(channel.port2, order);
    try {
      expect(Buffer.from(await client.load(hashes[0])).equals(Buffer.from(files[0]))).toBe(true);
      expect(Buffer.from(await client.load(hashes[1])).equals(Buffer.from(files[1]))).toBe(true);
      expect(Buffer.from(await client.load(hashes[0])).equals(Buffer.from(files[0]))).toBe(true);
      await expect(client.load(hashes[3])).rejects.toMatchObject({ problem: 'mismatch' });
      const outsider = new EvidenceClient(channel.port2, [sha256Hex('someone else’s file')]);
      await expect(outsider.load(sha256Hex('someone else’s file'))).rejects.toBeInstanceOf(EvidenceUnavailableError);
    } finally {
      stop();
      client.close();
    }
  });
});
