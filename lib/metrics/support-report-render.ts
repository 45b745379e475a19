import type { Locale } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/translator';
import { renderSupportReport } from '@/lib/pdf';
import type { SupportReportInput } from '@/lib/pdf/types';
import type { ReportGroup, SupportReportData } from './support-report-data';

const TOP_GROUPS = 6;

/** Maps the counted, labelled report data onto the pure PDF renderer's input. */
export function toSupportReportInput(data: SupportReportData): SupportReportInput {
  const t = getTranslator(data.locale);
  const counts = (groups: ReportGroup[]) =>
    groups.slice(0, TOP_GROUPS).map((group) => ({ label: group.label, count: group.supporters + group.claimants }));
  const label = (key: 'supporters' | 'plaintiffs') => {
    const text = t(`organizer.dashboard.goals.${key}`);
    return { ko: text, en: text };
  };
  return {
    caseTitle: { ko: data.caseTitle, en: data.caseTitle },
    asOf: data.asOf,
    supporters: {
      signed: data.headline.supportersSigned,
      confirmed: data.headline.supportersConfirmed,
      withdrawn: data.headline.supportersWithdrawn,
    },
    claimants: {
      registered: data.headline.claimantsRegistered,
      submitted: data.headline.claimantsSubmitted,
      complete: data.headline.claimantsComplete,
      verified: data.headline.claimantsVerified,
      filed: data.headline.claimantsFiled,
    },
    goals: [
      { label: label('supporters'), current: data.goals.supporters.current, target: data.goals.supporters.goal },
      { label: label('plaintiffs'), current: data.goals.plaintiffs.current, target: data.goals.plaintiffs.goal },
    ].filter((goal) => goal.target > 0),
    topRegions: counts(data.topRegions),
    topCategories: counts(data.topCategories),
    topSources: counts(data.topSources),
    growth: data.growth.map((day) => ({ date: day.date, count: day.supporters })),
  };
}

/** The one-page support report for press and partners, in the requested language. */
export async function renderSupportReportPdf(data: SupportReportData, locale: Locale): Promise<Uint8Array> {
  return renderSupportReport(toSupportReportInput(data), { language: locale, now: new Date(data.generatedAt) });
}
