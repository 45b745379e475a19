import { and, eq, ne } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, evidence, type Evidence } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';
import { actAs } from '@/tests/helpers/next-context';
import { type ReviewWorld, createReviewWorld } from './test-world';

vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  ...(await import('@/tests/helpers/next-context')).nextAuthMock,
}));
vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);
vi.mock('next-intl/server', async () => (await import('@/tests/helpers/next-context')).nextIntlServerMock);
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

/** errors.not_found and errors.forbidden in Korean (the test requests' locale). */
const NOT_FOUND = '찾을 수 없습니다.';
const NOT_FOUND_PAGE = '찾을 수 없는 페이지입니다.';

let handle: DatabaseHandle;
let world: ReviewWorld;
let file: Evidence;
let othersFile: Evidence;

beforeAll(async () => {
  handle = await setupTestDatabase();
  world = await createReviewWorld(handle.db, { claimants: 10 });
  [file] = await handle.db.select().from(evidence).where(eq(evidence.claimantId, world.walkthrough.id));
  [othersFile] = await handle.db
    .select()
    .from(evidence)
    .where(and(eq(evidence.caseId, world.caseA.id), ne(evidence.claimantId, world.walkthrough.id)));
});
beforeEach(() => actAs(handle.db, world.lawyerA.id, { isStaff: true }));

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const entry = (values: Record<string, string> = {}) =>
  form({
    slug: 'slammer-2003',
    claimantId: world.walkthrough.id,
    evidenceId: file.id,
    label: '2003년 1월 통신요금 청구서',
    documentAuthor: '한국통신',
    documentDate: '2003-01-31',
    provesWhat: '장애 기간에도 요금이 청구된 사실',
    ...values,
  });

async function reload(id: string) {
  return (await handle.db.select().from(evidence).where(eq(evidence.id, id)))[0];
}

describe('exhibit list fields at review', () => {
  it('sets the title, 작성자, 작성일 and 입증취지 of a file, with an audit row naming what changed', async () => {
    const { setExhibitFieldsAction } = await import('./actions');
    expect(await setExhibitFieldsAction(null, entry())).toMatchObject({ ok: true });
    expect(await reload(file.id)).toMatchObject({
      label: '2003년 1월 통신요금 청구서',
      documentAuthor: '한국통신',
      documentDate: '2003-01-31',
      provesWhat: '장애 기간에도 요금이 청구된 사실',
    });
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'evidence.exhibit_fields_set'), eq(auditLog.subjectId, file.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: world.lawyerA.id, caseId: world.caseA.id });
    expect(audits[0].details).toMatchObject({ claimantId: world.walkthrough.id, changed: expect.arrayContaining(['documentAuthor']) });

    // Emptied: the date is stored as unknown (null), not as an empty string.
    expect(await setExhibitFieldsAction(null, entry({ documentAuthor: '', documentDate: '', provesWhat: '' }))).toMatchObject({ ok: true });
    expect(await reload(file.id)).toMatchObject({ documentAuthor: '', documentDate: null, provesWhat: '' });
  });

  it('refuses a date after today and an empty title at the field, keeping what was typed', async () => {
    const { setExhibitFieldsAction } = await import('./actions');
    const before = await reload(file.id);
    const result = await setExhibitFieldsAction(null, entry({ documentDate: '2999-01-01', label: '' }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { documentDate: expect.any(String), label: expect.any(String) },
      values: { documentDate: '2999-01-01', documentAuthor: '한국통신' },
    });
    expect(await reload(file.id)).toEqual(before);
  });

  it("answers not found for another claimant's file under this claimant, and for the lawyer of another case", async () => {
    const { setExhibitFieldsAction } = await import('./actions');
    const untouched = await reload(othersFile.id);
    expect(await setExhibitFieldsAction(null, entry({ evidenceId: othersFile.id }))).toMatchObject({ ok: false, message: NOT_FOUND });
    expect(await reload(othersFile.id)).toEqual(untouched);

    await actAs(handle.db, world.lawyerB.id, { isStaff: true });
    const mine = await reload(file.id);
    for (const slug of ['slammer-2003', 'blaster-2003']) {
      const result = await setExhibitFieldsAction(null, entry({ slug, label: '다른 사건 변호사가 쓴 표목' }));
      // The other case's own slug: the claimant is not in it; this case's slug: the lawyer is not in it (404 either way).
      expect(result, slug).toMatchObject({ ok: false, message: slug === 'blaster-2003' ? NOT_FOUND : NOT_FOUND_PAGE });
    }
    expect(await reload(file.id)).toEqual(mine);
  });
});
