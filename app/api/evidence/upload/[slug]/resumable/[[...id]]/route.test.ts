import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable, Transform } from 'node:stream';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { Upload } from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { type Claimant, blobs, evidence, evidenceUploads, uploadPieces } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { setBlobStores } from '@/lib/blobs/config';
import { UPLOAD_SHA256_HEADER } from '@/lib/evidence/resumable/server';
import { createClaimantUser } from '@/lib/intake/test-support';
import { stopTestS3, useTestBlobStore } from '@/tests/helpers/blob-stores';
import { setupTestDatabase } from '@/tests/helpers/database';
import { actAs } from '@/tests/helpers/next-context';
import { DELETE, HEAD, PATCH, POST } from './route';

vi.mock('next-auth', async () => (await import('@/tests/helpers/next-context')).nextAuthMock);
vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);

const HANDLERS = { POST, HEAD, PATCH, DELETE } as const;
const BASE = '/api/evidence/upload/slammer-2003/resumable';
let db: Database;
let owner: { userId: string; claimant: Claimant };
let stranger: { userId: string; claimant: Claimant };

/** A photo of noise: about 2.5 MB as PNG, so an upload spans several pieces. */
async function makeNoisePng(seed: number): Promise<Buffer> {
  const width = 1000;
  const height = 840;
  const pixels = randomBytes(width * height * 3);
  pixels[0] = seed;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const b64 = (text: string) => Buffer.from(text).toString('base64');

function metadataHeader(file: Buffer, filename = '화면.png') {
  return `kind ${b64('screenshot')},label ${b64('접속 오류 화면')},note ${b64('')},filename ${b64(filename)},sha256 ${b64(sha256(file))}`;
}

/** Calls the route handler as Next.js would, without a socket. */
async function tus(method: keyof typeof HANDLERS, path: string, headers: Record<string, string>, body?: Uint8Array) {
  const request = new Request(`http://localhost:3000${path}`, {
    method,
    headers: { host: 'localhost:3000', 'tus-resumable': '1.0.0', ...headers },
    body: body as BodyInit | undefined,
  });
  const id = path.slice(BASE.length + 1);
  return HANDLERS[method](request, { params: Promise.resolve({ slug: 'slammer-2003', id: id ? [id] : undefined }) });
}

async function create(file: Buffer, filename?: string): Promise<string> {
  const response = await tus('POST', BASE, { 'upload-length': String(file.byteLength), 'upload-metadata': metadataHeader(file, filename) });
  expect(response.status, await response.clone().text()).toBe(201);
  return new URL(response.headers.get('location')!, 'http://localhost:3000').pathname;
}

function patch(path: string, file: Buffer, offset: number, bytes: Buffer) {
  return tus(
    'PATCH',
    path,
    { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', [UPLOAD_SHA256_HEADER]: sha256(file) },
    bytes,
  );
}

/**
 * A real HTTP server in front of the route handler, as Next.js puts one there, that cuts the
 * connection once 80 % of the file has arrived: what a phone losing its signal looks like to us.
 */
function startCuttingServer(fileSize: number) {
  const log = { patchBytes: 0, patchOffsets: [] as number[], heads: 0, cut: false, answers: [] as string[] };
  const server = http.createServer((req, res) => {
    void (async () => {
      const method = req.method as keyof typeof HANDLERS;
      if (method === 'HEAD') log.heads++;
      let body: ReadableStream<Uint8Array> | undefined;
      if (method === 'PATCH') {
        const offset = Number(req.headers['upload-offset']);
        log.patchOffsets.push(offset);
        // Counted as the handler reads them (with backpressure): the cut comes when 80 % reached the app.
        let passed = 0;
        const counter = new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            passed += chunk.byteLength;
            log.patchBytes += chunk.byteLength;
            callback(null, chunk);
            if (!log.cut && offset + passed >= fileSize * 0.8) {
              log.cut = true;
              req.socket.destroy();
              counter.destroy(new Error('aborted'));
            }
          },
        });
        req.on('error', (error) => counter.destroy(error));
        req.pipe(counter);
        body = Readable.toWeb(counter) as ReadableStream<Uint8Array>;
      } else if (method === 'POST') {
        req.resume();
      }
      const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)]));
      const request = new Request(`http://localhost:3000${req.url}`, { method, headers, body, duplex: 'half' } as RequestInit);
      const id = req.url!.slice(BASE.length + 1);
      const response = await HANDLERS[method](request, { params: Promise.resolve({ slug: 'slammer-2003', id: id ? [id] : undefined }) });
      log.answers.push(`${method} ${response.status} ${response.headers.get('upload-offset') ?? ''}`);
      if (res.destroyed) return;
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch(() => res.destroy());
  });
  return new Promise<{ url: string; log: typeof log; close: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        log,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  await seedDemoCase(db);
  owner = await createClaimantUser(db, 'phone@example.com');
  stranger = await createClaimantUser(db, 'stranger2@example.com');
});
afterAll(async () => {
  setBlobStores(undefined);
  await stopTestS3();
});

describe.each(['s3', 'postgres'] as const)('resumable evidence upload (%s store)', (kind) => {
  beforeAll(async () => {
    await useTestBlobStore(kind);
    await actAs(db, owner.userId);
  });

  it('survives a connection cut at 80 %: tus-js-client resumes from where it stopped, and the file becomes evidence', async () => {
    const file = await makeNoisePng(kind === 's3' ? 1 : 2);
    const server = await startCuttingServer(file.byteLength);
    try {
      const outcome = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const upload = new Upload(file, {
          endpoint: `${server.url}${BASE}`,
          retryDelays: [0, 100, 300],
          metadata: { kind: 'screenshot', label: '접속 오류 화면', note: '', filename: `화면-${kind}.png`, sha256: sha256(file) },
          headers: { [UPLOAD_SHA256_HEADER]: sha256(file) },
          uploadSize: file.byteLength,
          onSuccess: (payload) => resolve({ status: payload.lastResponse.getStatus(), body: payload.lastResponse.getBody() }),
          onError: reject,
        });
        upload.start();
      });
      expect(server.log.cut).toBe(true);
      expect(server.log.heads).toBeGreaterThanOrEqual(1);
      // The second PATCH started where the first was cut, not at zero; nothing was sent twice over.
      expect(server.log.patchOffsets.length).toBe(2);
      expect(server.log.patchOffsets[1]).toBeGreaterThanOrEqual(Math.floor(file.byteLength * 0.7));
      expect(server.log.patchBytes).toBeLessThan(file.byteLength * 1.2);
      // The HEAD after the drop waited for what had arrived to be kept, and told exactly that offset.
      expect(server.log.answers.slice(1, 3)).toEqual(['PATCH 400 ', `HEAD 200 ${server.log.patchOffsets[1]}`]);

      expect(outcome.status).toBe(201);
      const body = JSON.parse(outcome.body) as { evidence: { id: string; mime: string; sha256: string }; uploadedSha256: string };
      expect(body.uploadedSha256).toBe(sha256(file));
      expect(body.evidence.mime).toBe('image/png');
      const [row] = await db.select().from(evidence).where(eq(evidence.id, body.evidence.id));
      expect(row.originalFilename).toBe(`화면-${kind}.png`);
      const [blob] = await db.select({ store: blobs.store }).from(blobs).where(eq(blobs.sha256, row.sha256));
      expect(blob.store).toBe(kind);
      expect(await db.$count(evidenceUploads, eq(evidenceUploads.userId, owner.userId))).toBe(0);
      expect(await db.$count(uploadPieces)).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('refuses a resume with a different file under the same upload id, and pieces of two files put together', async () => {
    const before = await db.$count(evidence, eq(evidence.claimantId, owner.claimant.id));
    const first = await makeNoisePng(11);
    const other = await makeNoisePng(12);
    const path = await create(first);
    const half = Math.floor(first.byteLength / 2);
    expect((await patch(path, first, 0, first.subarray(0, half))).status).toBe(204);

    const resumed = await patch(path, other, half, other.subarray(half));
    expect(resumed.status).toBe(409);
    expect((await resumed.json()).message).toContain('이 업로드를 시작한 파일과 다른 파일');
    const head = await tus('HEAD', path, { [UPLOAD_SHA256_HEADER]: sha256(other) });
    expect(head.status).toBe(409);

    // A client that lies about which file it sends is caught when the bytes are put together.
    const finished = await patch(path, first, half, other.subarray(half, first.byteLength));
    expect(finished.status).toBe(409);
    expect(await db.$count(evidence, eq(evidence.claimantId, owner.claimant.id))).toBe(before);
    expect(await db.$count(evidenceUploads, eq(evidenceUploads.userId, owner.userId))).toBe(0);
  });

  it('judges the finished file by its bytes: a renamed non-image is refused and nothing is kept', async () => {
    const before = await db.$count(evidence, eq(evidence.claimantId, owner.claimant.id));
    const fake = Buffer.concat([Buffer.from('MZ'), randomBytes(300_000)]);
    const path = await create(fake, 'photo.png');
    const response = await patch(path, fake, 0, fake);
    expect(response.status).toBe(415);
    expect((await response.json()).message).toMatch(/PDF|JPEG/);
    expect(await db.$count(evidence, eq(evidence.claimantId, owner.claimant.id))).toBe(before);
    expect(await db.$count(evidenceUploads)).toBe(0);
  });

  it('keeps uploads to their owner: another claimant finds nothing under the id', async () => {
    const file = await makeNoisePng(21);
    const path = await create(file);
    await actAs(db, stranger.userId);
    try {
      expect((await tus('HEAD', path, { [UPLOAD_SHA256_HEADER]: sha256(file) })).status).toBe(404);
      expect((await patch(path, file, 0, file.subarray(0, 1000))).status).toBe(404);
      expect((await tus('DELETE', path, { [UPLOAD_SHA256_HEADER]: sha256(file) })).status).toBe(404);
    } finally {
      await actAs(db, owner.userId);
    }
    const [row] = await db.select().from(evidenceUploads).where(eq(evidenceUploads.userId, owner.userId));
    expect(row.receivedBytes).toBe(0);
    expect((await tus('DELETE', path, { [UPLOAD_SHA256_HEADER]: sha256(file) })).status).toBe(204);
    expect(await db.$count(evidenceUploads)).toBe(0);
  });

  it('gives up uploads left unfinished past their lifetime when the next one starts', async () => {
    const file = await makeNoisePng(31);
    const path = await create(file);
    expect((await patch(path, file, 0, file.subarray(0, 1500_000))).status).toBe(204);
    await db
      .update(evidenceUploads)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(evidenceUploads.userId, owner.userId));
    expect((await tus('HEAD', path, { [UPLOAD_SHA256_HEADER]: sha256(file) })).status).toBe(404);
    const nextFile = await makeNoisePng(32);
    const next = await create(nextFile);
    expect(await db.$count(evidenceUploads)).toBe(1);
    expect(await db.$count(uploadPieces)).toBe(0);
    expect((await tus('DELETE', next, { [UPLOAD_SHA256_HEADER]: sha256(nextFile) })).status).toBe(204);
  });

  it('refuses a file over the size limit, or bad metadata, before anything is stored', async () => {
    const tooLarge = await tus('POST', BASE, {
      'upload-length': String(21 * 1024 * 1024),
      'upload-metadata': metadataHeader(Buffer.from('x')),
    });
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).message).toContain('MB');
    const noHash = await tus('POST', BASE, {
      'upload-length': '1000',
      'upload-metadata': `kind ${b64('screenshot')},filename ${b64('a.png')}`,
    });
    expect(noHash.status).toBe(422);
    expect(await db.$count(evidenceUploads)).toBe(0);
  });
});
