import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { type Claimant, evidence } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { makePdf } from '@/lib/evidence/test-fixtures';
import { createClaimantUser } from '@/lib/intake/test-support';
import { setupTestDatabase } from '@/tests/helpers/database';
import { actAs } from '@/tests/helpers/next-context';
import { UPLOAD_SHA256_HEADER } from '@/lib/evidence/resumable/server';
import { PATCH as resumablePatch, POST as resumablePost } from './resumable/[[...id]]/route';
import { POST } from './route';

vi.mock('next-auth', async () => (await import('@/tests/helpers/next-context')).nextAuthMock);
vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);

let db: Database;
let owner: { userId: string; claimant: Claimant };

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  await seedDemoCase(db);
  owner = await createClaimantUser(db, 'author-date@example.com');
  await actAs(db, owner.userId);
});

function upload(bytes: Uint8Array, meta: Record<string, string>) {
  const query = new URLSearchParams({ kind: 'isp_bill', label: '요금 청구서', note: '', filename: 'bill.pdf', ...meta });
  return POST(
    new Request(`http://localhost:3000/api/evidence/upload/slammer-2003?${query}`, {
      method: 'POST',
      body: bytes as BodyInit,
      headers: { 'content-type': 'application/octet-stream', host: 'localhost:3000' },
    }),
    { params: Promise.resolve({ slug: 'slammer-2003' }) },
  );
}

describe('evidence upload: 작성자 and 작성일 for the exhibit list', () => {
  it('stores the author and date typed with the file', async () => {
    const response = await upload(await makePdf(['January bill'], 1), { documentAuthor: '  한국통신 ', documentDate: '2003-01-31' });
    expect(response.status).toBe(201);
    const { evidence: view } = (await response.json()) as { evidence: { id: string } };
    const [row] = await db.select().from(evidence).where(eq(evidence.id, view.id));
    expect(row).toMatchObject({ label: '요금 청구서', documentAuthor: '한국통신', documentDate: '2003-01-31', provesWhat: '' });
  });

  it('stores no date when none is given', async () => {
    const response = await upload(await makePdf(['February bill'], 1), { documentAuthor: '', documentDate: '' });
    expect(response.status).toBe(201);
    const { evidence: view } = (await response.json()) as { evidence: { id: string } };
    const [row] = await db.select().from(evidence).where(eq(evidence.id, view.id));
    expect(row).toMatchObject({ documentAuthor: '', documentDate: null });
  });

  it('refuses a date after today, an impossible date and an over-long author at the field, storing nothing', async () => {
    const before = await db.$count(evidence, eq(evidence.claimantId, owner.claimant.id));
    const future = await upload(await makePdf(['March bill'], 1), { documentDate: '2999-12-31' });
    expect(future.status).toBe(422);
    expect(await future.json()).toMatchObject({ fieldErrors: { documentDate: '오늘 이후 날짜는 고를 수 없습니다.' } });
    const impossible = await upload(await makePdf(['March bill'], 1), { documentDate: '2003-02-30' });
    expect(((await impossible.json()) as { fieldErrors: Record<string, string> }).fieldErrors.documentDate).toBeTruthy();
    const long = await upload(await makePdf(['March bill'], 1), { documentAuthor: '가'.repeat(101) });
    expect(long.status).toBe(422);
    expect(((await long.json()) as { fieldErrors: Record<string, string> }).fieldErrors.documentAuthor).toBeTruthy();
    expect(await db.$count(evidence, eq(evidence.claimantId, owner.claimant.id))).toBe(before);
  });
});

const RESUMABLE = '/api/evidence/upload/slammer-2003/resumable';
const b64 = (text: string) => Buffer.from(text).toString('base64');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function tusRequest(path: string, headers: Record<string, string>, method: 'POST' | 'PATCH', body?: Uint8Array) {
  return new Request(`http://localhost:3000${path}`, {
    method,
    headers: { host: 'localhost:3000', 'tus-resumable': '1.0.0', ...headers },
    body: body as BodyInit | undefined,
  });
}

function createResumable(file: Uint8Array, meta: Record<string, string>) {
  const fields = { kind: 'isp_bill', label: '요금 청구서', note: '', filename: 'bill.pdf', sha256: sha256(file), ...meta };
  const metadata = Object.entries(fields)
    .map(([key, value]) => `${key} ${b64(value)}`)
    .join(',');
  return resumablePost(tusRequest(RESUMABLE, { 'upload-length': String(file.byteLength), 'upload-metadata': metadata }, 'POST'), {
    params: Promise.resolve({ slug: 'slammer-2003', id: undefined }),
  });
}

describe('resumable evidence upload: 작성자 and 작성일', () => {
  it('keeps the author and date from the start of the upload to the stored file', async () => {
    const file = await makePdf(['April bill'], 1);
    const created = await createResumable(file, { documentAuthor: '한국통신', documentDate: '2003-04-30' });
    expect(created.status, await created.clone().text()).toBe(201);
    const path = new URL(created.headers.get('location')!, 'http://localhost:3000').pathname;
    const headers = { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', [UPLOAD_SHA256_HEADER]: sha256(file) };
    const finished = await resumablePatch(tusRequest(path, headers, 'PATCH', file), {
      params: Promise.resolve({ slug: 'slammer-2003', id: [path.slice(RESUMABLE.length + 1)] }),
    });
    expect(finished.status, await finished.clone().text()).toBe(201);
    const { evidence: view } = (await finished.json()) as { evidence: { id: string } };
    const [row] = await db.select().from(evidence).where(eq(evidence.id, view.id));
    expect(row).toMatchObject({ documentAuthor: '한국통신', documentDate: '2003-04-30' });
  });

  it('refuses a date after today before anything is stored, at the field', async () => {
    const created = await createResumable(await makePdf(['May bill'], 1), { documentDate: '2999-05-01' });
    expect(created.status).toBe(422);
    expect(await created.json()).toMatchObject({ fieldErrors: { documentDate: '오늘 이후 날짜는 고를 수 없습니다.' } });
  });
});
