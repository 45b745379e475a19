import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { type Case, supporters } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';
import { GET as getBadge } from '@/app/api/cases/[slug]/badge.svg/route';
import { GET as getGrowth } from '@/app/api/cases/[slug]/metrics/growth/route';
import { GET as getSummary } from '@/app/api/cases/[slug]/metrics/route';
import { GET as getReport } from '@/app/api/cases/[slug]/reports/support/route';
import { GET as getStats } from '@/app/api/cases/[slug]/stats/route';
import { clearPublicStatsCache } from './public-stats';
import { addCaseMember, createTestCase, createTestUser, insertClaimant, insertSupporter } from './test-fixtures';
import { routeRequest, signInForTest, signOutForTest } from './test-session';

vi.mock('next-auth', async (importOriginal) => {
  const actual = await importOriginal<typeof import('next-auth')>();
  const { testSession } = await import('./test-session');
  return { ...actual, getServerSession: async () => testSession.current };
});

let db: Database;
let found: Case;
let otherCase: Case;
const people: Record<
  'organizer' | 'lawyer' | 'admin' | 'otherOrganizer' | 'otherLawyer' | 'claimant' | 'platformAdmin',
  { id: string; email: string; name: string }
> = {} as never;

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  found = await createTestCase(db, { supporterGoal: 10, plaintiffGoal: 4 });
  otherCase = await createTestCase(db);
  people.organizer = await addCaseMember(db, found.id, 'organizer');
  people.lawyer = await addCaseMember(db, found.id, 'lawyer');
  people.admin = await addCaseMember(db, found.id, 'admin');
  people.otherOrganizer = await addCaseMember(db, otherCase.id, 'organizer');
  people.otherLawyer = await addCaseMember(db, otherCase.id, 'lawyer');
  people.platformAdmin = await createTestUser(db, { isPlatformAdmin: true });
  const claimant = await insertClaimant(db, found.id, {
    region: 'seoul',
    answers: { isp: 'kt' },
    category: 'home_subscriber',
    source: 'naver-cafe',
  });
  const [claimantUser] = await db.query.users.findMany({ where: (users, { eq: equals }) => equals(users.id, claimant.userId) });
  people.claimant = claimantUser;
  await insertClaimant(db, found.id, { region: 'busan', answers: { isp: 'hanaro' }, status: 'verified', verifiedAt: new Date() });
  await insertSupporter(db, found.id, { name: '홍길동', region: 'seoul', source: 'naver-cafe', confirmedAt: new Date() });
  await insertSupporter(db, found.id, { region: 'busan', source: 'news-0127' });
  await insertSupporter(db, found.id, { region: 'seoul' });
  await insertSupporter(db, otherCase.id, { region: 'jeju' });
});

beforeEach(() => {
  signOutForTest();
  clearPublicStatsCache();
});

const summaryFor = (slug: string) => getSummary(...routeRequest(`/api/cases/${slug}/metrics`, { slug }));

describe('GET /api/cases/{slug}/metrics (the dashboard numbers)', () => {
  it.each(['organizer', 'lawyer', 'admin', 'platformAdmin'] as const)(
    'answers the %s of the case with the funnel, goals and breakdowns',
    async (who) => {
      await signInForTest(db, people[who]);
      const response = await summaryFor(found.slug);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toContain('no-store');
      expect(response.headers.get('server-timing')).toMatch(/^app;dur=\d/);
      const body = await response.json();
      expect(body.funnel.map((stage: { id: string; count: number }) => [stage.id, stage.count])).toEqual([
        ['supporters', 1],
        ['registered', 2],
        ['submitted', 1],
        ['complete', 0],
        ['verified', 1],
        ['filed', 0],
      ]);
      expect(body.supporters).toEqual({ signed: 3, confirmed: 1, unconfirmed: 2, withdrawn: 0 });
      expect(body.goals[0]).toMatchObject({ kind: 'supporters', goal: 10, current: 3, percent: 30 });
      const seoul = body.breakdowns.region.find((row: { value: string }) => row.value === 'seoul');
      expect(seoul).toEqual({ value: 'seoul', label: { ko: '서울특별시', en: 'Seoul' }, supporters: 2, claimants: 1, verified: 0 });
      const category = body.breakdowns.dimensions.find((dimension: { id: string }) => dimension.id === 'category');
      expect(category.rows.find((row: { value: string }) => row.value === 'home_subscriber')).toMatchObject({ claimants: 1 });
      expect(body.breakdowns.region.filter((row: { value: string }) => row.value !== '').length).toBeGreaterThanOrEqual(17);
    },
  );

  it.each(['otherOrganizer', 'otherLawyer', 'claimant'] as const)('answers 404 to the %s, as if the case had no dashboard', async (who) => {
    await signInForTest(db, people[who], who !== 'claimant');
    const response = await summaryFor(found.slug);
    expect(response.status).toBe(404);
    expect(JSON.stringify(await response.json())).not.toContain('funnel');
  });

  it('asks strangers to sign in and does not know unknown cases', async () => {
    expect((await summaryFor(found.slug)).status).toBe(401);
    await signInForTest(db, people.organizer);
    expect((await summaryFor('no-such-case')).status).toBe(404);
  });
});

describe('GET /api/cases/{slug}/metrics/growth', () => {
  it('gives new and cumulative counts per period for the chosen range', async () => {
    await signInForTest(db, people.organizer);
    const response = await getGrowth(
      ...routeRequest(`/api/cases/${found.slug}/metrics/growth?range=7d&interval=day`, { slug: found.slug }),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.interval).toBe('day');
    expect(body.points.length).toBeGreaterThanOrEqual(7);
    expect(body.points.at(-1)).toMatchObject({ supportersTotal: 3, claimantsTotal: 2 });
    expect(body.change).toEqual({ supporters: 3, claimants: 2 });
  });

  it('refuses an unknown range with a translated field error, and other cases with 404', async () => {
    await signInForTest(db, people.organizer);
    const bad = await getGrowth(...routeRequest(`/api/cases/${found.slug}/metrics/growth?range=year`, { slug: found.slug }));
    expect(bad.status).toBe(422);
    expect((await bad.json()).fieldErrors.range).toBeTruthy();
    await signInForTest(db, people.otherOrganizer);
    expect((await getGrowth(...routeRequest(`/api/cases/${found.slug}/metrics/growth`, { slug: found.slug }))).status).toBe(404);
  });
});

describe('GET /api/cases/{slug}/badge.svg (the embeddable counter)', () => {
  const badge = (lang?: string, headers: Record<string, string> = {}) =>
    getBadge(...routeRequest(`/api/cases/${found.slug}/badge.svg${lang ? `?lang=${lang}` : ''}`, { slug: found.slug }, headers));

  it('shows the public signature count in Korean by default and in English with ?lang=en, and no personal data', async () => {
    const korean = await badge();
    expect(korean.status).toBe(200);
    expect(korean.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(korean.headers.get('cache-control')).toMatch(/public, max-age=\d/);
    const svg = await korean.text();
    expect(svg).toContain('참여 3명');
    expect(svg).toContain('font-family="Pretendard');
    expect(svg).not.toContain('홍길동');
    expect(svg).not.toMatch(/<script|href=/);
    expect(await (await badge('en')).text()).toContain('3 supporters');
  });

  it('goes down after a withdrawal and answers 304 to a cache that has the current one', async () => {
    const supporter = await insertSupporter(db, found.id, { region: 'jeju' });
    expect(await (await badge('en')).text()).toContain('4 supporters');
    clearPublicStatsCache();
    await db.update(supporters).set({ withdrawnAt: new Date() }).where(eq(supporters.id, supporter.id));
    const after = await badge('en');
    expect(await after.text()).toContain('3 supporters');
    expect((await badge('en', { 'if-none-match': after.headers.get('etag') ?? '' })).status).toBe(304);
  });

  it('does not exist for a draft case', async () => {
    const draft = await createTestCase(db, { status: 'draft' });
    expect((await getBadge(...routeRequest(`/api/cases/${draft.slug}/badge.svg`, { slug: draft.slug }))).status).toBe(404);
    expect((await getStats(...routeRequest(`/api/cases/${draft.slug}/stats`, { slug: draft.slug }))).status).toBe(404);
  });

  it('agrees with the stats JSON', async () => {
    const stats = await (await getStats(...routeRequest(`/api/cases/${found.slug}/stats`, { slug: found.slug }))).json();
    expect(await (await badge('en')).text()).toContain(`${stats.supporters.signed} supporters`);
    expect(stats).not.toHaveProperty('title');
  });
});

describe('GET /api/cases/{slug}/reports/support', () => {
  it('is refused to people outside the case before anything is loaded', async () => {
    await signInForTest(db, people.otherOrganizer);
    expect((await getReport(...routeRequest(`/api/cases/${found.slug}/reports/support`, { slug: found.slug }))).status).toBe(404);
    signOutForTest();
    expect((await getReport(...routeRequest(`/api/cases/${found.slug}/reports/support`, { slug: found.slug }))).status).toBe(401);
  });

  it('checks the date', async () => {
    await signInForTest(db, people.organizer);
    const response = await getReport(...routeRequest(`/api/cases/${found.slug}/reports/support?date=27-02-2003`, { slug: found.slug }));
    expect(response.status).toBe(422);
  });
});
