import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, evidence, type User } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';
import { actAs } from '@/tests/helpers/next-context';
import { type ReviewWorld, createReviewWorld } from './test-world';

/**
 * Who reaches the review workspace, through the real guards: next-auth's session lookup is the
 * only thing replaced (there is no request here); the session row, the user and the role all
 * come from the database as in production.
 */
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  ...(await import('@/tests/helpers/next-context')).nextAuthMock,
}));

let handle: DatabaseHandle;
let world: ReviewWorld;

beforeAll(async () => {
  handle = await setupTestDatabase();
  world = await createReviewWorld(handle.db, { claimants: 10 });
});
beforeEach(() => actAs(handle.db, null));

const signInAs = (user: User | null) => actAs(handle.db, user?.id ?? null, { isStaff: true });

const actors = () =>
  [
    ['anonymous', null, 401],
    ['lawyer of the case', world.lawyerA, 200],
    ['admin', world.adminA, 200],
    ['organizer of the case', world.organizerA, 404],
    ['lawyer of another case', world.lawyerB, 404],
  ] as const;

describe('review access', () => {
  it('lets lawyers and admins of the case in and refuses everyone else', async () => {
    const { requireReviewer } = await import('./access');
    for (const [name, user, status] of actors()) {
      await signInAs(user);
      const outcome = await requireReviewer('slammer-2003').then(
        (access) => access.case.slug,
        (error: { status: number }) => error.status,
      );
      expect(outcome, name).toBe(status === 200 ? 'slammer-2003' : status);
      await actAs(handle.db, null);
    }
  });

  it('serves evidence only to lawyers and admins of the case, with download headers, and answers 404 to others', async () => {
    const inline = await import('@/app/api/cases/[slug]/claimants/[claimantId]/evidence/[evidenceId]/inline/route');
    const download = await import('@/app/api/cases/[slug]/claimants/[claimantId]/evidence/[evidenceId]/download/route');
    const [file] = await handle.db.select().from(evidence).where(eq(evidence.claimantId, world.walkthrough.id));
    const params = { slug: 'slammer-2003', claimantId: world.walkthrough.id, evidenceId: file.id };
    const url = `http://localhost/api/cases/slammer-2003/claimants/${file.claimantId}/evidence/${file.id}`;
    for (const [name, user, status] of actors()) {
      await signInAs(user);
      const response = await download.GET(new Request(`${url}/download`), { params: Promise.resolve(params) });
      expect(response.status, name).toBe(status);
      if (status === 200) {
        expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('content-type')).toBe('application/octet-stream');
        expect(response.headers.get('cache-control')).toBe('private, no-store');
      } else {
        expect(JSON.stringify(await response.json())).not.toContain(file.sha256);
      }
      await actAs(handle.db, null);
    }
    await signInAs(world.lawyerA);
    const shown = await inline.GET(new Request(`${url}/inline`), { params: Promise.resolve(params) });
    expect(shown.headers.get('content-type')).toBe(file.detectedMime);
    expect(shown.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(Buffer.from(await shown.arrayBuffer()).length).toBe(file.byteSize);
    // Another case's slug with this case's ids finds nothing, even for a lawyer there.
    await signInAs(world.lawyerB);
    const crossed = await inline.GET(new Request(`${url}/inline`), { params: Promise.resolve({ ...params, slug: 'blaster-2003' }) });
    expect(crossed.status).toBe(404);
    // An id that is not one is not found either, with the same message as any other.
    await signInAs(world.lawyerA);
    const malformed = await inline.GET(new Request(`${url}/inline`), { params: Promise.resolve({ ...params, evidenceId: "' OR '1'='1" }) });
    expect(malformed.status).toBe(404);
    expect(await malformed.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
    await signInAs(world.lawyerB);
    const refusedAudits = await handle.db.select().from(auditLog).where(eq(auditLog.actorUserId, world.lawyerB.id));
    expect(refusedAudits).toEqual([]);
  });

  it("gives the queue as JSON to lawyers of the case only, never with another case's claimants", async () => {
    const route = await import('@/app/api/cases/[slug]/claimants/route');
    for (const [name, user, status] of actors()) {
      await signInAs(user);
      const response = await route.GET(new Request('http://localhost/api/cases/slammer-2003/claimants?status=all&q=한가람'), {
        params: Promise.resolve({ slug: 'slammer-2003' }),
      });
      expect(response.status, name).toBe(status);
      if (status === 200) {
        const body = (await response.json()) as { rows: { id: string }[]; counts: { all: number } };
        expect(body.rows.map((row) => row.id)).toContain(world.walkthrough.id);
        expect(body.rows.map((row) => row.id)).not.toContain(world.otherCaseClaimant.id);
        expect(body.counts.all).toBeGreaterThan(10);
        expect(response.headers.get('server-timing')).toMatch(/total;dur=/);
      }
      await actAs(handle.db, null);
    }
  });
});
