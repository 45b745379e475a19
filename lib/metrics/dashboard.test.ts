import { eq } from 'drizzle-orm';
import { metricCounters } from '@/db/schema';
import { COUPANG_2025 } from '@/lib/claims/definitions/coupang-2025';
import { SLAMMER_2003 } from '@/lib/claims/definitions/slammer-2003';
import { publishDefinition } from '@/lib/claims/store/definitions';
import { createTestUser } from '@/tests/helpers/users';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { setupTestDatabase } from '@/tests/helpers/database';
import { loadBreakdowns } from './breakdowns';
import { compactMetricCounters } from './compaction';
import { loadGrowthSeries } from './growth';
import { loadSupportReportData } from './support-report-data';
import { createTestCase, insertClaimant, insertSupporter } from './test-fixtures';

let db: Database;
beforeAll(async () => {
  db = (await setupTestDatabase()).db;
});

const HOUR = 3600_000;

describe('growth series', () => {
  it('puts each change in the Korean day and week it happened, the same in SQL and in the gap filling', async () => {
    const found = await createTestCase(db);
    const now = new Date();
    // Around local midnights and a Monday: 14:59Z and 15:00Z are either side of 00:00 KST.
    const times = [3, 5, 9, 12].flatMap((days) => [
      new Date(now.getTime() - days * 24 * HOUR),
      new Date(Math.floor((now.getTime() - days * 24 * HOUR) / (24 * HOUR)) * 24 * HOUR + 15 * HOUR - 60_000),
    ]);
    for (const createdAt of times) if (createdAt < now) await insertSupporter(db, found.id, { createdAt });
    const total = times.filter((time) => time < now).length;
    for (const interval of ['hour', 'day', 'week'] as const) {
      const series = await loadGrowthSeries(db, found.id, { range: '30d', interval }, now);
      expect(series.points.reduce((sum, point) => sum + point.supporters, 0)).toBe(total);
      expect(series.points.at(-1)?.supportersTotal).toBe(total);
      expect(series.change.supporters).toBe(total);
    }
    const week = await loadGrowthSeries(db, found.id, { range: '30d', interval: 'week' }, now);
    for (const point of week.points) expect(new Date(new Date(point.start).getTime() + 9 * HOUR).getUTCDay()).toBe(1);
  });

  it('starts the cumulative line from what came before the range, and moves to days when hours would be too many', async () => {
    const found = await createTestCase(db);
    await insertSupporter(db, found.id, { createdAt: new Date(Date.now() - 60 * 24 * HOUR) });
    await insertSupporter(db, found.id, { createdAt: new Date(Date.now() - 2 * HOUR) });
    await compactMetricCounters(db, found.id);
    const series = await loadGrowthSeries(db, found.id, { range: '7d', interval: 'day' });
    expect(series.points[0].supportersTotal).toBe(1);
    expect(series.points.at(-1)?.supportersTotal).toBe(2);
    expect(series.change.supporters).toBe(1);
    expect((await loadGrowthSeries(db, found.id, { range: 'all', interval: 'hour' })).interval).toBe('day');
  });
});

describe('support report data', () => {
  it('counts as of the end of the chosen Korean day, with top groups and 14 days of growth', async () => {
    const found = await createTestCase(db, { supporterGoal: 10 });
    const now = new Date('2003-03-10T03:00:00Z');
    await insertSupporter(db, found.id, { region: 'seoul', source: 'naver-cafe', createdAt: new Date('2003-02-26T03:00:00Z') });
    await insertSupporter(db, found.id, { region: 'seoul', createdAt: new Date('2003-02-27T14:59:00Z') }); // 23:59 KST on the 27th
    await insertSupporter(db, found.id, { region: 'busan', createdAt: new Date('2003-02-27T15:00:00Z') }); // 00:00 KST on the 28th
    // Categories and their labels come from the case's claim definition.
    const admin = await createTestUser(db);
    await publishDefinition(db, { caseId: found.id, definition: SLAMMER_2003, actorUserId: admin.id, ip: null });
    await insertClaimant(db, found.id, {
      region: 'busan',
      category: 'home_subscriber',
      answers: { isp: 'kt' },
      definitionVersion: 1,
      createdAt: new Date('2003-02-20T03:00:00Z'),
    });
    await compactMetricCounters(db, found.id, now);

    const report = await loadSupportReportData(db, found, { date: '2003-02-27', locale: 'ko', now });
    expect(report.asOf).toBe('2003-02-27');
    expect(report.caseTitle).toBe(found.titleKo);
    expect(report.headline).toMatchObject({ supportersSigned: 2, claimantsRegistered: 1 });
    expect(report.topRegions[0]).toMatchObject({ code: 'seoul', label: '서울특별시', supporters: 2 });
    expect(report.topCategories[0]).toMatchObject({ code: 'home_subscriber', label: '가정 가입자', claimants: 1 });
    expect(report.topSources.map((source) => source.label)).toEqual(['코드 없음(직접 방문)', 'naver-cafe']);
    expect(report.growth).toHaveLength(14);
    expect(report.growth.at(-1)).toMatchObject({ date: '2003-02-27', supporters: 1, supportersTotal: 2, claimantsTotal: 1 });
    expect(report.goals.supporters).toMatchObject({ current: 2, percent: 20 });
    expect(report.funnel[0].label).toBe('확인된 지지 서명');

    const english = await loadSupportReportData(db, found, { locale: 'en', now });
    expect(english.asOf).toBe('2003-03-10');
    expect(english.headline.supportersSigned).toBe(3);
    expect(english.funnel[0].label).toBe('Confirmed supporters');
    expect((await loadSupportReportData(db, found, { date: '2099-01-01', locale: 'en', now })).asOf).toBe('2003-03-10');
  });
});

describe('breakdowns by the claim definition', () => {
  it('count each dashboard dimension of coupang-2025 under its options (every option of a multiple choice), labelled by the definition, and never a free-text export column', async () => {
    const found = await createTestCase(db);
    const admin = await createTestUser(db);
    await publishDefinition(db, { caseId: found.id, definition: COUPANG_2025, actorUserId: admin.id, ip: null });
    const answers = { account_email: 'kim@example.com', notice_received: 'yes', exposed_items: ['name', 'email'] };
    await insertClaimant(db, found.id, { category: 'member', answers, definitionVersion: 1 });
    await insertClaimant(db, found.id, {
      category: 'seller',
      answers: { notice_received: 'no', exposed_items: ['email'] },
      definitionVersion: 1,
    });
    await insertClaimant(db, found.id, { category: 'member', definitionVersion: 1, status: 'verified', verifiedAt: new Date() });

    const breakdowns = await loadBreakdowns(db, found.id);
    const dimension = (id: string) => breakdowns.dimensions.find((entry) => entry.id === id);
    expect(breakdowns.dimensions.map((entry) => entry.id)).toEqual([
      'category',
      'notice_received',
      'exposed_items',
      'heard_from',
      'harm_suffered',
    ]);
    expect(dimension('category')?.rows).toEqual([
      { value: 'member', label: { ko: '쿠팡 회원', en: 'Coupang customer' }, supporters: 0, claimants: 2, verified: 1 },
      { value: 'seller', label: { ko: '마켓플레이스 판매자', en: 'Marketplace seller' }, supporters: 0, claimants: 1, verified: 0 },
    ]);
    const exposed = dimension('exposed_items');
    expect(exposed?.isMultiple).toBe(true);
    expect(exposed?.rows.find((row) => row.value === 'email')).toMatchObject({
      label: { ko: '이메일 주소', en: 'E-mail address' },
      claimants: 2,
    });
    expect(exposed?.rows.find((row) => row.value === 'name')).toMatchObject({ claimants: 1 });
    expect(exposed?.rows.find((row) => row.value === '')).toMatchObject({ claimants: 1, verified: 1 });
    expect(dimension('notice_received')?.rows.find((row) => row.value === 'yes')).toMatchObject({ claimants: 1 });

    // Counted under the definition's dimension ids (the review queue's status tabs read them too).
    const dimensions = await db
      .selectDistinct({ dimension: metricCounters.dimension })
      .from(metricCounters)
      .where(eq(metricCounters.caseId, found.id));
    expect(dimensions.map((row) => row.dimension).sort()).toEqual(
      ['', 'category', 'exposed_items', 'harm_suffered', 'heard_from', 'notice_received', 'region', 'source'].sort(),
    );
    // The e-mail address is an export column only: it is never a counter's value.
    const stored = await db
      .select({ value: metricCounters.dimensionValue })
      .from(metricCounters)
      .where(eq(metricCounters.caseId, found.id));
    expect(stored.map((row) => row.value)).not.toContain('kim@example.com');
  });
});
