import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { deficiencyNotices, filingRounds } from '@/db/schema';
import { endOfKoreanDay } from './calendar';

export type DeficiencyPeriodStats = {
  /** The round the period leads up to; null for the period after the last cut-off (the next round). */
  roundNumber: number | null;
  notices: number;
  cured: number;
  expired: number;
  open: number;
  /** Median hours from notice to cure, over cured notices; null when none was cured. */
  medianHoursToCure: number | null;
};

/**
 * Notices, cures and expiries per round. A notice counts toward the round whose period it was
 * sent in: after the previous round's cut-off day, up to the end of this round's cut-off day;
 * notices sent after the last cut-off count toward the next round, not yet opened.
 */
export async function deficiencyStatsPerRound(db: Database, caseId: string): Promise<DeficiencyPeriodStats[]> {
  const rounds = await db
    .select({ number: filingRounds.number, cutoffOn: filingRounds.cutoffOn })
    .from(filingRounds)
    .where(eq(filingRounds.caseId, caseId))
    .orderBy(asc(filingRounds.number));
  const bounds = rounds.map((round) => endOfKoreanDay(round.cutoffOn).toISOString());
  // Which period a notice falls in: the number of cut-offs that ended before it was sent.
  const period = bounds.length
    ? sql<number>`(${sql.join(
        bounds.map((bound) => sql`(case when ${deficiencyNotices.createdAt} >= ${bound}::timestamptz then 1 else 0 end)`),
        sql` + `,
      )})`
    : sql<number>`0`;
  const rows = await db
    .select({
      period: sql<number>`${period}::int`,
      notices: sql<number>`count(*)::int`,
      cured: sql<number>`count(*) filter (where ${deficiencyNotices.status} = 'cured')::int`,
      expired: sql<number>`count(*) filter (where ${deficiencyNotices.status} = 'expired')::int`,
      open: sql<number>`count(*) filter (where ${deficiencyNotices.status} = 'open')::int`,
      medianHours: sql<
        number | null
      >`(percentile_cont(0.5) within group (order by extract(epoch from ${deficiencyNotices.curedAt} - ${deficiencyNotices.createdAt}))
        filter (where ${deficiencyNotices.status} = 'cured')) / 3600.0`,
    })
    .from(deficiencyNotices)
    .where(eq(deficiencyNotices.caseId, caseId))
    .groupBy(sql`1`);
  const byPeriod = new Map(rows.map((row) => [Number(row.period), row]));
  return [...rounds.map((round) => round.number), null].map((roundNumber, index) => {
    const row = byPeriod.get(index);
    return {
      roundNumber,
      notices: row?.notices ?? 0,
      cured: row?.cured ?? 0,
      expired: row?.expired ?? 0,
      open: row?.open ?? 0,
      medianHoursToCure: row?.medianHours == null ? null : Math.round(Number(row.medianHours) * 100) / 100,
    };
  });
}
