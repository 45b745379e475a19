import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { type User, auditLog } from '@/db/schema';
import { readVerifiedBlob } from '@/lib/blobs/blobs';
import { setupTestDatabase } from '@/tests/helpers/database';
import { runQueuedJobs } from '@/tests/helpers/jobs';
import { actAs } from '@/tests/helpers/next-context';
import { createFiling } from './create-filing';
import { FILING_GENERATE_JOB } from './job-kind';
import { listFilingParts } from './queries';
import { parseFilingRequest } from './schemas';
import { type FilingWorld, TEST_NOW, createFilingWorld, packetRequest } from './test-world';

/**
 * Who reaches a filing's progress and downloads, through the real guards and route handlers:
 * only next-auth's session lookup is replaced (there is no request here); the session row, the
 * user and the role come from the database as in production.
 */
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  ...(await import('@/tests/helpers/next-context')).nextAuthMock,
}));

let handle: DatabaseHandle;
let world: FilingWorld;
let filingId: string;

beforeAll(async () => {
  handle = await setupTestDatabase();
  world = await createFilingWorld(handle.db, { verified: 2 });
  const created = await createFiling(
    handle.db,
    { userId: world.lawyerA.id, ip: null },
    world.caseA,
    parseFilingRequest(packetRequest({ docDeclarations: '', powerOfAttorney: 'none' })),
    TEST_NOW,
  );
  filingId = created.filingId;
  await runQueuedJobs(handle.db, [FILING_GENERATE_JOB]);
});
beforeEach(() => actAs(handle.db, null));

const signInAs = (user: User | null) => actAs(handle.db, user?.id ?? null, { isStaff: true });

const actors = () =>
  [
    ['anonymous', null, 401],
    ['lawyer of the case', world.lawyerA, 200],
    ['platform admin', world.adminA, 200],
    ['organizer of the case', world.organizerA, 404],
    ['lawyer of another case', world.lawyerB, 404],
    ['claimant', world.claimantUser, 404],
  ] as const;

const context = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });

describe('filing routes', () => {
  it('answer the progress poll for lawyers and admins of the case only', async () => {
    const { GET } = await import('@/app/api/cases/[slug]/filings/[version]/progress/route');
    for (const [name, user, status] of actors()) {
      await signInAs(user);
      const response = await GET(
        new Request('http://localhost/api/cases/slammer-2003/filings/1/progress'),
        context({ slug: 'slammer-2003', version: '1' }),
      );
      expect(response.status, name).toBe(status);
      if (status === 200) expect(await response.json()).toMatchObject({ status: 'done', message: null });
      await actAs(handle.db, null);
    }
    await signInAs(world.lawyerA);
    const missing = await GET(new Request('http://localhost/x'), context({ slug: 'slammer-2003', version: '99' }));
    expect(missing.status).toBe(404);
    const junk = await GET(new Request('http://localhost/x'), context({ slug: 'slammer-2003', version: '1;drop' }));
    expect(junk.status).toBe(404);
  });

  it('stream a part as an attachment with its audit row, to lawyers and admins of the case only', async () => {
    const { GET } = await import('@/app/api/cases/[slug]/filings/[version]/parts/[part]/route');
    const [part] = await listFilingParts(handle.db, filingId);
    const stored = (await readVerifiedBlob(handle.db, part.sha256))!;
    for (const [name, user, status] of actors()) {
      await signInAs(user);
      const response = await GET(
        new Request('http://localhost/dl', { headers: { 'x-forwarded-for': '198.51.100.20' } }),
        context({ slug: 'slammer-2003', version: '1', part: '1' }),
      );
      expect(response.status, name).toBe(status);
      if (status === 200) {
        expect(response.headers.get('content-type')).toBe('application/pdf');
        expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="slammer-2003-filing-v1-part-1-of-\d+\.pdf"/);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('content-length')).toBe(String(part.byteSize));
        expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(stored))).toBe(true);
      }
      await actAs(handle.db, null);
    }
    const downloads = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'filing.downloaded'), eq(auditLog.subjectId, filingId)));
    expect(downloads.map((row) => row.actorUserId).sort()).toEqual([world.lawyerA.id, world.adminA.id].sort());
    expect(downloads[0]).toMatchObject({ ip: '198.51.100.20', caseId: world.caseA.id });
    expect(downloads[0].details).toMatchObject({ version: 1, part: 1, sha256: part.sha256 });
  });

  it('refuse parts of a filing that is not finished or does not exist', async () => {
    const { GET } = await import('@/app/api/cases/[slug]/filings/[version]/parts/[part]/route');
    await createFiling(
      handle.db,
      { userId: world.lawyerA.id, ip: null },
      world.caseA,
      parseFilingRequest(packetRequest({ docDeclarations: '' })),
      TEST_NOW,
    );
    await signInAs(world.lawyerA);
    for (const params of [
      { version: '2', part: '1' },
      { version: '1', part: '99' },
      { version: '1', part: '0' },
    ]) {
      const response = await GET(new Request('http://localhost/dl'), context({ slug: 'slammer-2003', ...params }));
      expect(response.status, JSON.stringify(params)).toBe(404);
    }
    const other = await GET(new Request('http://localhost/dl'), context({ slug: 'blaster-2003', version: '1', part: '1' }));
    expect(other.status).toBe(404);
  });
});
