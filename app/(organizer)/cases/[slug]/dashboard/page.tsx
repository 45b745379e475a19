import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader, buttonClass } from '@/app/_components/ui';
import { RoundCounts } from '@/app/_components/round-counts';
import { getDb } from '@/db/client';
import { DASHBOARD_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { localized } from '@/lib/cases/queries';
import { staffAreasFor } from '@/lib/cases/staff-areas';
import { toLocale } from '@/lib/i18n/config';
import { loadDashboardSummary } from '@/lib/metrics/dashboard';
import { loadGrowthSeries } from '@/lib/metrics/growth';
import { DEFAULT_GROWTH } from '@/lib/metrics/growth-options';
import { DashboardView } from './dashboard-view';
import { ExportsCard } from './exports-card';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('organizer.dashboard');
  return { title: t('title') };
}

/** Organizers, lawyers and admins of the case: the live numbers, from the rollups only. */
export default async function DashboardPage({ params }: Props) {
  const { slug } = await params;
  const access = await guardPage(() => requireCaseRole(slug, DASHBOARD_ROLES), `/cases/${slug}/dashboard`);
  const db = await getDb();
  const [summary, growth, t, locale] = await Promise.all([
    loadDashboardSummary(db, access.case),
    loadGrowthSeries(db, access.case.id, DEFAULT_GROWTH),
    getTranslations('organizer.dashboard'),
    getLocale().then(toLocale),
  ]);
  const canManageCampaigns = staffAreasFor(access.role).some((area) => area.path === '/campaigns');
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={localized(access.case, 'title', locale)}>
        {canManageCampaigns ? (
          <Link href={`/cases/${access.case.slug}/campaigns`} className={buttonClass('secondary', 'mt-2')}>
            {t('toCampaigns')}
          </Link>
        ) : null}
      </PageHeader>
      <DashboardView slug={access.case.slug} initialSummary={summary} initialGrowth={growth} />
      <RoundCounts caseId={access.case.id} />
      <ExportsCard slug={access.case.slug} isOrganizer={access.role === 'organizer'} />
    </div>
  );
}
