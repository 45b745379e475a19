import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { type ClaimantStatus, claimants } from '@/db/schema';
import { hangulInitials, normalizeName } from '@/lib/format/names';
import { setupTestDatabase } from '@/tests/helpers/database';
import { SLAMMER_2003 } from '@/lib/claims/definitions/slammer-2003';
import { listClaimantsForReview } from './queue';
import { queueFilterChoices, restrictQueueFilters } from './queue-definition';
import { type QueueFilters, decodeCursor, parseQueueFilters } from './queue-filters';
import { readStatusCounts } from './status-counts';
import { type ReviewWorld, createReviewWorld, insertClaimant } from './test-world';

let handle: DatabaseHandle;
let world: ReviewWorld;

beforeAll(async () => {
  handle = await setupTestDatabase();
  world = await createReviewWorld(handle.db, { claimants: 320 });
});

const scope = () => ({ caseId: world.caseA.id, referencePrefix: world.caseA.referencePrefix, viewerId: world.lawyerA.id });
const filters = (params: Record<string, string>) => parseQueueFilters(params);

/** Every row of a filtered queue, page by page, as the browser would follow "next". */
async function readAllPages(base: QueueFilters, pageSize = 25) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await listClaimantsForReview(handle.db, scope(), { ...base, cursor, dir: 'next' }, pageSize);
    ids.push(...page.rows.map((row) => row.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return ids;
}

describe('review queue filters', () => {
  it('defaults to submitted claims, oldest activity first', async () => {
    const page = await listClaimantsForReview(handle.db, scope(), filters({}));
    expect(page.rows.length).toBeGreaterThan(10);
    expect(page.rows.every((row) => row.status === 'submitted')).toBe(true);
    const times = page.rows.map((row) => row.lastActivityAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it.each([
    [{ status: 'verified' }, sql`${claimants.status} = 'verified'`],
    [{ status: 'all', category: 'pc_bang' }, sql`${claimants.category} = 'pc_bang'`],
    [{ status: 'all', region: 'busan' }, sql`${claimants.region} = 'busan'`],
    // A dimension of the Slammer definition, found through claimant_dimensions; checked against the answers themselves.
    [{ status: 'all', 'd.isp': 'hanaro' }, sql`${claimants.answers} ->> 'isp' = 'hanaro'`],
    [
      { status: 'all', category: 'pc_bang', 'd.line_type': 'cable' },
      sql`${claimants.category} = 'pc_bang' and ${claimants.answers} ->> 'line_type' = 'cable'`,
    ],
    [{ status: 'all', completeness: 'missing_evidence' }, sql`${claimants.evidenceCount} = 0`],
    [
      { status: 'all', completeness: 'complete' },
      sql`${claimants.hasSignedStatement} and ${claimants.hasSignedConsent} and ${claimants.evidenceCount} > 0`,
    ],
    [{ status: 'submitted', flags: 'flagged' }, sql`${claimants.status} = 'submitted' and ${claimants.openFlagCount} > 0`],
    [
      { status: 'all', flags: 'same_phone' },
      sql`exists (select 1 from duplicate_flags f where f.claimant_id = ${claimants.id} and f.reason = 'same_phone' and f.status = 'open')`,
    ],
    [
      { status: 'all', assignee: 'none', 'd.isp': 'kt' },
      sql`${claimants.assignedLawyerId} is null and ${claimants.answers} ->> 'isp' = 'kt'`,
    ],
  ])('%o returns exactly the matching claimants of the case', async (params, condition) => {
    const expected = await handle.db
      .select({ id: claimants.id })
      .from(claimants)
      .where(and(eq(claimants.caseId, world.caseA.id), condition));
    const ids = await readAllPages(filters(params as Record<string, string>));
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set(expected.map((row) => row.id)));
    expect(ids.length).toBe(expected.length);
  });

  it('ignores values it does not know instead of failing', () => {
    const parsed = restrictQueueFilters(
      parseQueueFilters({ status: 'bogus', region: 'atlantis', category: 'member', 'd.isp': 'nobody', sort: 'drop table', assignee: 'x' }),
      queueFilterChoices(SLAMMER_2003, 'ko'),
    );
    expect(parsed).toMatchObject({
      status: 'submitted',
      region: undefined,
      category: undefined,
      dimensions: {},
      sort: 'activity_asc',
      assignee: undefined,
    });
  });

  it('drops a search or a cursor holding a NUL (PostgreSQL cannot compare one) instead of failing the page', async () => {
    const nulCursor = Buffer.from(JSON.stringify(['name', 'a\u0000b', '00000000-0000-4000-8000-000000000001'])).toString('base64url');
    const parsed = parseQueueFilters({ status: 'all', q: 'null\u0000byte', cursor: 'a\u0000b', sort: 'name' });
    expect(parsed).toMatchObject({ q: undefined, cursor: undefined });
    expect(decodeCursor('name', nulCursor)).toBeNull();
    const page = await listClaimantsForReview(handle.db, scope(), { ...parsed, cursor: nulCursor });
    expect(page.rows.length).toBeGreaterThan(0);
  });
});

describe('review queue search', () => {
  const search = async (q: string) => (await listClaimantsForReview(handle.db, scope(), filters({ status: 'all', q }))).rows;

  it('finds a name by its 초성, by part of the name, and by a mix of both', async () => {
    const cases: [string, (name: string) => boolean][] = [
      ['ㅎㄱㄹ', (name) => hangulInitials(name).includes('ㅎㄱㄹ')],
      ['ㄱㄹ', (name) => hangulInitials(name).includes('ㄱㄹ')],
      ['가람', (name) => normalizeName(name).includes('가람')],
      ['한 가람', (name) => normalizeName(name).includes('한가람')],
      ['ㅎ가', (name) => /[하-힣]가/.test(normalizeName(name))],
    ];
    for (const [q, matches] of cases) {
      const names = (await search(q)).map((row) => row.legalName ?? '');
      expect(names.map(normalizeName), q).toContain('한가람');
      expect(names.every(matches), q).toBe(true);
    }
    expect((await search('ㅎ나')).map((row) => row.legalName)).not.toContain('한가람');
  });

  it('finds by phone number in any notation through the blind index', async () => {
    for (const q of ['010-2003-0125', '01020030125', '+82 10 2003 0125']) {
      expect(
        (await search(q)).map((row) => row.id),
        q,
      ).toEqual([world.walkthrough.id]);
    }
  });

  it('finds by email, including the same mailbox spelled differently', async () => {
    expect((await search('REVIEWEE@joinder.test')).map((row) => row.id)).toEqual([world.walkthrough.id]);
    const names = (await search('Lee.Min.Su+other@gmail.com')).map((row) => row.legalName).sort();
    expect(names).toEqual(['이민서', '이민수']);
  });

  it('finds by reference number with or without prefix and zeros', async () => {
    const reference = world.walkthrough.referenceNumber!;
    const serial = String(Number(reference.split('-')[1]));
    for (const q of [reference, reference.toLowerCase(), `SLM${serial}`, serial]) {
      expect(
        (await search(q)).map((row) => row.id),
        q,
      ).toEqual([world.walkthrough.id]);
    }
  });

  it('never returns a claimant of another case, even for an exact match', async () => {
    expect((await search('BLS-000001')).length).toBe(0);
    expect((await search('한가람')).some((row) => row.id === world.otherCaseClaimant.id)).toBe(false);
  });

  it('treats LIKE wildcards as text', async () => {
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
  });
});

describe('review queue pagination', () => {
  it.each(['activity_asc', 'activity_desc', 'reference', 'name', 'amount_desc'])(
    'walks every claimant exactly once sorted by %s, forwards and back',
    async (sort) => {
      const base = filters({ status: 'all', sort });
      const ids = await readAllPages(base, 40);
      const [{ n }] = await handle.db
        .select({ n: sql<number>`count(*)::int` })
        .from(claimants)
        .where(eq(claimants.caseId, world.caseA.id));
      expect(ids.length).toBe(n);
      expect(new Set(ids).size).toBe(n);

      const first = await listClaimantsForReview(handle.db, scope(), base, 40);
      const second = await listClaimantsForReview(handle.db, scope(), { ...base, cursor: first.nextCursor! }, 40);
      const back = await listClaimantsForReview(handle.db, scope(), { ...base, cursor: second.prevCursor!, dir: 'prev' }, 40);
      expect(back.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
      expect(back.prevCursor).toBeNull();
    },
  );

  it('keeps the next page stable while claimants change and new ones arrive', async () => {
    const base = filters({ status: 'all', sort: 'activity_desc' });
    const first = await listClaimantsForReview(handle.db, scope(), base, 30);
    const expectedNext = await listClaimantsForReview(handle.db, scope(), { ...base, cursor: first.nextCursor! }, 30);
    // Someone registers now (newest activity) and a claimant on page one is verified.
    await insertClaimant(handle.db, world.caseA.id, { legalName: '새신청', lastActivityAt: new Date() });
    await handle.db
      .update(claimants)
      .set({ status: 'verified' as ClaimantStatus })
      .where(eq(claimants.id, first.rows[3].id));
    const next = await listClaimantsForReview(handle.db, scope(), { ...base, cursor: first.nextCursor! }, 30);
    expect(next.rows.map((row) => row.id)).toEqual(expectedNext.rows.map((row) => row.id));
  });

  it('starts again from the top when a cursor was made for another sort', async () => {
    const byName = await listClaimantsForReview(handle.db, scope(), filters({ status: 'all', sort: 'name' }), 10);
    const top = await listClaimantsForReview(handle.db, scope(), filters({ status: 'all' }), 10);
    const mixed = await listClaimantsForReview(handle.db, scope(), { ...filters({ status: 'all' }), cursor: byName.nextCursor! }, 10);
    expect(mixed.rows.map((row) => row.id)).toEqual(top.rows.map((row) => row.id));
  });
});

describe('status counts', () => {
  it('come from the rollups and equal a count of the rows, per case and per dimension', async () => {
    const rows = await handle.db
      .select({ status: claimants.status, n: sql<number>`count(*)::int` })
      .from(claimants)
      .where(eq(claimants.caseId, world.caseA.id))
      .groupBy(claimants.status);
    const counts = await readStatusCounts(handle.db, world.caseA.id);
    for (const row of rows) expect(counts[row.status]).toBe(row.n);
    expect(counts.all).toBe(rows.reduce((sum, row) => sum + row.n, 0));

    const [seoulSubmitted] = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(claimants)
      .where(and(eq(claimants.caseId, world.caseA.id), eq(claimants.region, 'seoul'), eq(claimants.status, 'submitted')));
    expect((await readStatusCounts(handle.db, world.caseA.id, { name: 'region', value: 'seoul' })).submitted).toBe(seoulSubmitted.n);
  });
});
