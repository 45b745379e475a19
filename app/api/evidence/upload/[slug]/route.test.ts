import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { auditLog, blobs, type Claimant, claimants, evidence } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { resetEnvCache } from '@/lib/env';
import { makeEncryptedPdf, makeExecutableNamedPdf, makeJpegWithGps, makePdf, makePdfWithJavaScript } from '@/lib/evidence/test-fixtures';
import { createClaimantUser } from '@/lib/intake/test-support';
import { setupTestDatabase } from '@/tests/helpers/database';
import { actAs } from '@/tests/helpers/next-context';
import { DELETE, GET } from '../../../my/cases/[slug]/evidence/[id]/route';
import { POST } from './route';

vi.mock('next-auth', async () => (await import('@/tests/helpers/next-context')).nextAuthMock);
vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);

let db: Database;
let owner: { userId: string; claimant: Claimant };
let stranger: { userId: string; claimant: Claimant };

beforeAll(async () => {
  process.env.EVIDENCE_MAX_FILE_BYTES = String(2 * 1024 * 1024);
  process.env.EVIDENCE_MAX_FILES = '4';
  process.env.EVIDENCE_MAX_TOTAL_BYTES = String(2.5 * 1024 * 1024);
  resetEnvCache();
  db = (await setupTestDatabase()).db;
  await seedDemoCase(db);
  owner = await createClaimantUser(db, 'uploader@example.com');
  stranger = await createClaimantUser(db, 'stranger@example.com');
  await actAs(db, owner.userId);
});

type Meta = { kind?: string; label?: string; note?: string; filename?: string };

function upload(bytes: Uint8Array | ReadableStream<Uint8Array>, meta: Meta = {}, headers: Record<string, string> = {}) {
  const query = new URLSearchParams({ kind: 'isp_bill', label: '요금', note: '', filename: 'file.bin', ...meta });
  const request = new Request(`http://localhost:3000/api/evidence/upload/slammer-2003?${query}`, {
    method: 'POST',
    body: bytes as BodyInit,
    headers: { 'content-type': 'application/octet-stream', host: 'localhost:3000', ...headers },
    ...(bytes instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  return POST(request, { params: Promise.resolve({ slug: 'slammer-2003' }) });
}

function fileRequest(method: 'GET' | 'DELETE', id: string) {
  const handler = method === 'GET' ? GET : DELETE;
  return handler(new Request(`http://localhost:3000/api/my/cases/slammer-2003/evidence/${id}`, { method }), {
    params: Promise.resolve({ slug: 'slammer-2003', id }),
  });
}

describe('evidence upload', () => {
  it('stores a real PDF content-addressed with its page count, audited, and counts it on the claimant', async () => {
    const pdf = await makePdf(['ISP bill'], 2);
    const response = await upload(pdf, { filename: '요금 청구서.pdf' });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.evidence).toMatchObject({ mime: 'application/pdf', pageCount: 2, filename: '요금 청구서.pdf', kind: 'isp_bill' });
    expect(body.evidence.sha256).toBe(body.uploadedSha256);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const [blob] = await db.select().from(blobs).where(eq(blobs.sha256, body.evidence.sha256));
    expect(blob.byteSize).toBe(pdf.byteLength);
    const [row] = await db.select().from(claimants).where(eq(claimants.id, owner.claimant.id));
    expect(row.evidenceCount).toBe(1);
    expect(row.completedSteps).toContain('evidence');
    expect(await db.$count(auditLog, eq(auditLog.action, 'evidence.uploaded'))).toBe(1);
  });

  it('flags the same file uploaded twice instead of storing it again', async () => {
    const pdf = await makePdf(['ISP bill'], 2);
    const response = await upload(pdf, { filename: 'again.pdf' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ isDuplicate: true, evidence: { filename: '요금 청구서.pdf' } });
    expect(await db.$count(evidence, eq(evidence.claimantId, owner.claimant.id))).toBe(1);
  });

  it('re-encodes a phone photo without its GPS position', async () => {
    const response = await upload(await makeJpegWithGps(), { kind: 'screenshot', filename: 'photo.jpg' });
    expect(response.status).toBe(201);
    const { evidence: stored, uploadedSha256 } = await response.json();
    expect(stored.mime).toBe('image/jpeg');
    expect(stored.sha256).not.toBe(uploadedSha256);
    const download = await fileRequest('GET', stored.id);
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
  });

  it('decides by the bytes: a program named .pdf is refused with a clear message', async () => {
    const response = await upload(makeExecutableNamedPdf(), { filename: 'bill.pdf' });
    expect(response.status).toBe(415);
    expect((await response.json()).message).toContain('PDF, JPEG, PNG, WebP 파일만');
  });

  it('refuses a PDF with JavaScript and an encrypted PDF', async () => {
    const script = await upload(await makePdfWithJavaScript(), { filename: 'script.pdf' });
    expect(script.status).toBe(422);
    expect((await script.json()).message).toContain('자바스크립트');
    const locked = await upload(makeEncryptedPdf(), { filename: 'locked.pdf' });
    expect(locked.status).toBe(422);
    expect((await locked.json()).message).toContain('암호가 걸린 PDF');
  });

  it('stops reading an oversize body at the limit, declared or not', async () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(await makePdf());
    const declared = await upload(big, {}, { 'content-length': String(big.byteLength) });
    expect(declared.status).toBe(413);
    expect((await declared.json()).message).toContain('2MB');
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(256 * 1024));
      },
    });
    const streamed = await upload(endless);
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(20);
  });

  it('keeps to the file count and the total quota', async () => {
    const filler = new Uint8Array(
      await sharp({
        create: {
          width: 700,
          height: 700,
          channels: 3,
          background: { r: 0, g: 0, b: 0 },
          noise: { type: 'gaussian', mean: 128, sigma: 60 },
        },
      })
        .png()
        .toBuffer(),
    );
    expect(filler.byteLength).toBeGreaterThan(1024 * 1024);
    expect(filler.byteLength).toBeLessThan(2 * 1024 * 1024);
    const third = await upload(filler, { kind: 'screenshot', filename: 'noise.png' });
    expect(third.status).toBe(201);
    const over = await upload(new Uint8Array(await sharp(filler).flop().png().toBuffer()), { kind: 'screenshot', filename: 'noise2.png' });
    expect(over.status).toBe(413);
    expect((await over.json()).message).toContain('전체 용량');
    await upload(await makePdf(['fourth']), { filename: 'fourth.pdf' });
    const fifth = await upload(await makePdf(['fifth']), { filename: 'fifth.pdf' });
    expect(fifth.status).toBe(413);
    expect((await fifth.json()).message).toContain('4개까지');
  });

  it('refuses strangers, other sites and bad metadata', async () => {
    expect((await upload(await makePdf(), { kind: 'love_letter' })).status).toBe(422);
    expect((await upload(await makePdf(), {}, { origin: 'https://evil.example' })).status).toBe(404);
    await actAs(db, null);
    expect((await upload(await makePdf())).status).toBe(401);
    // A body declared too big is refused unread, whoever sends it.
    const declaredTooBig = await upload(new Uint8Array(16), {}, { 'content-length': String(3 * 1024 * 1024) });
    expect(declaredTooBig.status).toBe(413);
    expect((await declaredTooBig.json()).message).toContain('2MB');
    await actAs(db, owner.userId);
  });
});

describe('evidence download and removal', () => {
  it('downloads the owner’s file as an attachment, never to anyone else', async () => {
    const [row] = await db.select().from(evidence).where(eq(evidence.claimantId, owner.claimant.id)).limit(1);
    const response = await fileRequest('GET', row.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".*"; filename\*=UTF-8''/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe(row.detectedMime);
    await actAs(db, stranger.userId);
    expect((await fileRequest('GET', row.id)).status).toBe(404);
    expect((await fileRequest('DELETE', row.id)).status).toBe(404);
    await actAs(db, owner.userId);
    expect((await fileRequest('GET', 'not-a-uuid')).status).toBe(404);
  });

  it('removes a file before submission and deletes its bytes when nothing else uses them', async () => {
    const [row] = await db.select().from(evidence).where(eq(evidence.originalFilename, 'fourth.pdf'));
    expect((await fileRequest('DELETE', row.id)).status).toBe(204);
    expect(await db.$count(blobs, eq(blobs.sha256, row.sha256))).toBe(0);
    const [claimant] = await db.select().from(claimants).where(eq(claimants.id, owner.claimant.id));
    expect(claimant.evidenceCount).toBe(await db.$count(evidence, eq(evidence.claimantId, owner.claimant.id)));
  });
});
