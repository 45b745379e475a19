import { z } from 'zod';
import type { Database } from '@/db/client';
import type { Case } from '@/db/schema';
import { localized } from '@/lib/cases/queries';
import type { Locale } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/translator';
import { type BreakdownRow, loadBreakdowns } from './breakdowns';
import { CLAIMANT_METRICS, SUPPORTER_METRICS, readMetricTotals } from './counters';
import { type FunnelStage, buildFunnel } from './funnel';
import { GOAL_METRICS, type GoalProgress, loadDailyTotals, projectGoal } from './goals';
import { loadGrowthPoints } from './growth';
import { addDays, kstDayStart, toKstDate } from './periods';

const TOP_COUNT = 5;
const GROWTH_DAYS = 14;

export const supportReportQuerySchema = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((value) => !Number.isNaN(Date.parse(value)), 'validation.invalid')
    .optional(),
});

export type ReportGroup = { code: string; label: string; supporters: number; claimants: number; verified: number };

/**
 * Everything the one-page support report (lib/pdf renderSupportReport) prints, already counted and
 * labelled in the report's language: the renderer stays a pure function of this object.
 */
export type SupportReportData = {
  caseSlug: string;
  caseTitle: string;
  locale: Locale;
  /** The Korean date the numbers are as of (end of that day, or now when it is today). */
  asOf: string;
  generatedAt: string;
  headline: {
    supportersSigned: number;
    supportersConfirmed: number;
    supportersWithdrawn: number;
    claimantsRegistered: number;
    claimantsSubmitted: number;
    claimantsComplete: number;
    claimantsVerified: number;
    claimantsFiled: number;
    claimantsWithdrawn: number;
  };
  funnel: (FunnelStage & { label: string })[];
  goals: { supporters: GoalProgress; plaintiffs: GoalProgress };
  topRegions: ReportGroup[];
  /** Claimants by the category of the case's claim definition. */
  topCategories: ReportGroup[];
  topSources: ReportGroup[];
  /** The 14 days up to and including `asOf`: net new and running totals per day. */
  growth: { date: string; supporters: number; supportersTotal: number; claimants: number; claimantsTotal: number }[];
};

/** Loads the report's numbers as of the end of `date` (a Korean date; today when omitted or later). */
export async function loadSupportReportData(
  db: Database,
  found: Case,
  options: { date?: string; locale: Locale; now?: Date },
): Promise<SupportReportData> {
  const now = options.now ?? new Date();
  const today = toKstDate(now);
  const asOf = options.date && options.date < today ? options.date : today;
  const isToday = asOf === today;
  const end = isToday ? now : addDays(kstDayStart(asOf), 1);
  // Today's report reads the totals exactly as the dashboard, the counter and the badge do (every
  // bucket); an earlier day's, only what was counted before that day ended.
  const before = isToday ? undefined : end;
  const t = getTranslator(options.locale);
  const goalMetrics = Object.values(GOAL_METRICS);
  const [totals, breakdowns, daily, growth] = await Promise.all([
    readMetricTotals(db, found.id, [...SUPPORTER_METRICS, ...CLAIMANT_METRICS], { before }),
    loadBreakdowns(db, found.id, { before }),
    loadDailyTotals(db, found.id, goalMetrics, end),
    loadGrowthPoints(db, found.id, {
      from: addDays(kstDayStart(asOf), -(GROWTH_DAYS - 1)),
      to: addDays(kstDayStart(asOf), 1),
      interval: 'day',
    }),
  ]);
  // Daily totals may run past an earlier as-of date (a later hour of the same day is not counted).
  const upTo = (days: { date: string; total: number }[]) => days.filter((day) => day.date <= asOf);
  // Labels come with the rows (the definition's categories, the jurisdiction's regions).
  const label = (row: BreakdownRow) =>
    row.value === '' ? t('organizer.dashboard.breakdowns.notGiven') : (row.label?.[options.locale] ?? row.value);
  const top = (rows: BreakdownRow[], toLabel: (row: BreakdownRow) => string, by: (row: BreakdownRow) => number) =>
    [...rows]
      .filter((row) => by(row) > 0)
      .sort((a, b) => by(b) - by(a))
      .slice(0, TOP_COUNT)
      .map((row) => ({
        code: row.value,
        label: toLabel(row),
        supporters: row.supporters,
        claimants: row.claimants,
        verified: row.verified,
      }));

  return {
    caseSlug: found.slug,
    caseTitle: localized(found, 'title', options.locale),
    locale: options.locale,
    asOf,
    generatedAt: now.toISOString(),
    headline: {
      supportersSigned: totals['supporters.signed'],
      supportersConfirmed: totals['supporters.confirmed'],
      supportersWithdrawn: totals['supporters.withdrawn'],
      claimantsRegistered: totals['claimants.registered'],
      claimantsSubmitted: totals['claimants.submitted'],
      claimantsComplete: totals['claimants.complete'],
      claimantsVerified: totals['claimants.verified'],
      claimantsFiled: totals['claimants.filed'],
      claimantsWithdrawn: totals['claimants.withdrawn'],
    },
    funnel: buildFunnel(totals).map((stage) => ({ ...stage, label: t(`organizer.dashboard.funnel.stages.${stage.id}`) })),
    goals: {
      supporters: projectGoal(
        'supporters',
        found.supporterGoal,
        totals[GOAL_METRICS.supporters],
        upTo(daily[GOAL_METRICS.supporters]),
        end,
      ),
      plaintiffs: projectGoal(
        'plaintiffs',
        found.plaintiffGoal,
        totals[GOAL_METRICS.plaintiffs],
        upTo(daily[GOAL_METRICS.plaintiffs]),
        end,
      ),
    },
    topRegions: top(breakdowns.region, label, (row) => row.supporters + row.claimants),
    topCategories: top(breakdowns.dimensions.find((dimension) => dimension.id === 'category')?.rows ?? [], label, (row) => row.claimants),
    topSources: top(
      breakdowns.source,
      (row) => row.value || t('organizer.dashboard.breakdowns.direct'),
      (row) => row.supporters + row.claimants,
    ),
    growth: growth.map((point) => ({
      date: toKstDate(new Date(point.start)),
      supporters: point.supporters,
      supportersTotal: point.supportersTotal,
      claimants: point.claimants,
      claimantsTotal: point.claimantsTotal,
    })),
  };
}
