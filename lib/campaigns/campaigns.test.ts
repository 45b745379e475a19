import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import type { Case } from '@/db/schema';
import { resetEnvCache } from '@/lib/env';
import { addCaseMember, createTestCase, createTestUser, insertClaimant, insertSupporter } from '@/lib/metrics/test-fixtures';
import { routeRequest, signInForTest, signOutForTest } from '@/lib/metrics/test-session';
import { setupTestDatabase } from '@/tests/helpers/database';
import { GET as getQr } from '@/app/(organizer)/cases/[slug]/campaigns/[code]/qr.svg/route';
import { createCampaignCode, listCampaignsWithSignups, setCampaignCodeArchived } from './queries';
import { createCampaignCodeSchema } from './schemas';
import { campaignShareUrl, renderQrSvg } from './share-link';

vi.mock('next-auth', async (importOriginal) => {
  const actual = await importOriginal<typeof import('next-auth')>();
  const { testSession } = await import('@/lib/metrics/test-session');
  return { ...actual, getServerSession: async () => testSession.current };
});

let db: Database;
let found: Case;
let otherCase: Case;

beforeAll(async () => {
  process.env.APP_URL = 'https://joinder.example';
  resetEnvCache();
  db = (await setupTestDatabase()).db;
  found = await createTestCase(db);
  otherCase = await createTestCase(db);
});

beforeEach(() => signOutForTest());

describe('campaign codes', () => {
  it('normalises what organizers type and refuses what the database would', () => {
    expect(createCampaignCodeSchema.parse({ code: '  Naver-Cafe ', label: ' 공지 ' })).toEqual({ code: 'naver-cafe', label: '공지' });
    expect(createCampaignCodeSchema.safeParse({ code: 'news 0127' }).success).toBe(false);
    expect(createCampaignCodeSchema.safeParse({ code: '-leading-dash' }).success).toBe(false);
    expect(createCampaignCodeSchema.safeParse({ code: 'x'.repeat(49) }).success).toBe(false);
  });

  it('counts signatures and claimant sign-ups per code, and lists arrivals under other sources', async () => {
    const creator = await createTestUser(db);
    await createCampaignCode(db, { caseId: found.id, code: 'naver-cafe', label: '네이버 카페', createdBy: creator.id });
    await createCampaignCode(db, { caseId: found.id, code: 'kakao-openchat', label: '', createdBy: creator.id });
    await insertSupporter(db, found.id, { source: 'naver-cafe' });
    await insertSupporter(db, found.id, { source: 'naver-cafe' });
    await insertSupporter(db, found.id, { source: 'naver-cafe', withdrawnAt: new Date() });
    await insertSupporter(db, found.id, { source: 'typed-by-hand' });
    await insertSupporter(db, found.id, {});
    await insertClaimant(db, found.id, { source: 'naver-cafe' });
    await insertSupporter(db, otherCase.id, { source: 'kakao-openchat' });

    const listed = await listCampaignsWithSignups(db, found.id);
    expect(listed.active.map((campaign) => [campaign.code, campaign.supporters, campaign.claimants])).toEqual([
      ['naver-cafe', 2, 1],
      ['kakao-openchat', 0, 0],
    ]);
    expect(listed.otherSources).toEqual(
      expect.arrayContaining([
        { source: 'typed-by-hand', supporters: 1, claimants: 0 },
        { source: '', supporters: 1, claimants: 0 },
      ]),
    );
    await expect(createCampaignCode(db, { caseId: found.id, code: 'naver-cafe', label: '', createdBy: creator.id })).rejects.toThrow();
  });

  it('archives only within the case it is asked for', async () => {
    const creator = await createTestUser(db);
    await createCampaignCode(db, { caseId: otherCase.id, code: 'news-0127', label: '', createdBy: creator.id });
    await expect(setCampaignCodeArchived(db, found.id, 'news-0127', true)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listCampaignsWithSignups(db, otherCase.id)).active.map((campaign) => campaign.code)).toEqual(['news-0127']);
    expect(await setCampaignCodeArchived(db, otherCase.id, 'news-0127', true)).toBe(true);
    expect((await listCampaignsWithSignups(db, otherCase.id)).archived.map((campaign) => campaign.code)).toEqual(['news-0127']);
    expect(await setCampaignCodeArchived(db, otherCase.id, 'news-0127', true)).toBe(false);
  });

  it('builds the share link and a scannable-looking QR SVG', async () => {
    expect(campaignShareUrl('https://joinder.example/', 'slammer-2003', 'naver-cafe')).toBe(
      'https://joinder.example/cases/slammer-2003?src=naver-cafe',
    );
    const svg = await renderQrSvg('https://joinder.example/cases/slammer-2003?src=naver-cafe');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('#0f4744');
  });
});

describe('GET /cases/{slug}/campaigns/{code}/qr.svg', () => {
  const qr = (slug: string, code: string) => getQr(...routeRequest(`/cases/${slug}/campaigns/${code}/qr.svg`, { slug, code }));

  it('gives the organizer of the case the QR code', async () => {
    await signInForTest(db, await addCaseMember(db, found.id, 'organizer'));
    const response = await qr(found.slug, 'naver-cafe');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect((await qr(found.slug, 'no-such-code')).status).toBe(404);
  });

  it('answers 404 to a lawyer of the case and to an organizer of another case', async () => {
    await signInForTest(db, await addCaseMember(db, found.id, 'lawyer'));
    expect((await qr(found.slug, 'naver-cafe')).status).toBe(404);
    await signInForTest(db, await addCaseMember(db, otherCase.id, 'organizer'));
    expect((await qr(found.slug, 'naver-cafe')).status).toBe(404);
  });
});
