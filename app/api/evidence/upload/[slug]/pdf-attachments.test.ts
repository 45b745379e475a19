import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { auditLog, blobs } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { makePdfWithActions, makePdfWithAttachments } from '@/lib/evidence/test-fixtures';
import { createClaimantUser } from '@/lib/intake/test-support';
import { setupTestDatabase } from '@/tests/helpers/database';
import { actAs } from '@/tests/helpers/next-context';
import { POST } from './route';

vi.mock('next-auth', async () => (await import('@/tests/helpers/next-context')).nextAuthMock);
vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);

let db: Database;
beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  await seedDemoCase(db);
  const owner = await createClaimantUser(db, 'attachments@example.com');
  await actAs(db, owner.userId);
});

function upload(bytes: Uint8Array, filename: string) {
  const query = new URLSearchParams({ kind: 'isp_bill', label: '', note: '', filename });
  return POST(
    new Request(`http://localhost:3000/api/evidence/upload/slammer-2003?${query}`, {
      method: 'POST',
      body: bytes as BodyInit,
      headers: { 'content-type': 'application/pdf', host: 'localhost:3000' },
    }),
    { params: Promise.resolve({ slug: 'slammer-2003' }) },
  );
}

describe('uploading a PDF with attachments or actions (issue 17, item 8)', () => {
  it('stores a rebuilt copy without the attached files and says so in the audit trail', async () => {
    const hostile = await makePdfWithAttachments();
    const response = await upload(hostile, 'bill.pdf');
    expect(response.status).toBe(201);
    const body = (await response.json()) as { evidence: { sha256: string; pageCount: number } };
    expect(body.evidence.pageCount).toBe(1);
    const [blob] = await db.select().from(blobs).where(eq(blobs.sha256, body.evidence.sha256));
    const stored = Buffer.from(blob.bytes!);
    expect(stored.equals(Buffer.from(hostile))).toBe(false);
    expect(stored.includes(Buffer.from('EmbeddedFiles'))).toBe(false);
    expect(stored.includes(Buffer.from('open-me.html'))).toBe(false);
    expect((await PDFDocument.load(stored)).getPageCount()).toBe(1);
    const [row] = await db.select().from(auditLog).where(eq(auditLog.action, 'evidence.uploaded'));
    expect((row.details as { removedFromPdf?: string[] }).removedFromPdf).toEqual(expect.arrayContaining(['EmbeddedFiles']));
  });

  it('stores a page whose links opened other files or sent form data without those actions', async () => {
    const response = await upload(await makePdfWithActions(), 'actions.pdf');
    expect(response.status).toBe(201);
    const { evidence } = (await response.json()) as { evidence: { sha256: string } };
    const [blob] = await db.select().from(blobs).where(eq(blobs.sha256, evidence.sha256));
    const text = Buffer.from(blob.bytes!).toString('latin1');
    for (const name of ['/GoToR', '/GoToE', '/SubmitForm', '/ImportData', '/RichMedia', '/FileAttachment', '/AA', 'attacker.example'])
      expect(text, name).not.toContain(name);
  });
});
