import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, PageHeader, buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { LAWYER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { localized } from '@/lib/cases/queries';
import { formatDateTime, formatDay } from '@/lib/filings/format';
import { chosenDocuments } from '@/lib/filings/options';
import { listFilings } from '@/lib/filings/queries';
import { toLocale } from '@/lib/i18n/config';
import { FilingStatusBadge } from './_parts/filing-status-badge';
import { ProgressBar } from './_parts/progress-bar';

type Props = { params: Promise<{ slug: string }> };

/** Every packet version of the case, newest first; running ones show their progress. */
export default async function FilingsPage({ params }: Props) {
  const { slug } = await params;
  const access = await guardPage(() => requireCaseRole(slug, LAWYER_ROLES), `/cases/${slug}/filings`);
  const [t, locale, items] = await Promise.all([
    getTranslations('filings'),
    getLocale().then(toLocale),
    listFilings(await getDb(), access.case.id),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('list.title')} lead={t('list.lead')}>
        <p className="text-sm font-medium text-brand-800">{localized(access.case, 'title', locale)}</p>
      </PageHeader>
      <Link href={`/cases/${slug}/filings/new`} className={buttonClass('primary')}>
        {t('list.new')}
      </Link>
      {items.length === 0 ? <Card>{t('list.empty')}</Card> : null}
      <ul className="space-y-3">
        {items.map((filing) => (
          <li key={filing.id}>
            <Card className="space-y-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  <Link
                    href={`/cases/${slug}/filings/${filing.version}`}
                    className="text-brand-800 underline-offset-4 hover:underline"
                    aria-label={t('list.open', { version: filing.version })}
                  >
                    {t('list.version', { version: filing.version })}
                  </Link>
                </h2>
                <FilingStatusBadge status={filing.status} label={t(`statuses.${filing.status}`)} />
              </div>
              <p className="text-sm text-slate-600">
                {t('list.requestedBy', { name: filing.createdByName ?? '—', date: formatDateTime(filing.createdAt, locale) })}
              </p>
              <p className="text-sm text-slate-800">
                {[
                  t(`formatShort.${filing.options.format}`),
                  t(`languages.${filing.options.language}`),
                  t('list.claimants', { count: filing.claimantCount }),
                  filing.status === 'done' ? t('list.parts', { count: filing.partCount }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {filing.courtFiling ? (
                <p className="text-sm font-medium text-emerald-800">
                  {t('list.filed', {
                    date: formatDay(filing.courtFiling.filedOn, locale),
                    court: filing.courtFiling.court,
                    caseNumber: filing.courtFiling.courtCaseNumber,
                  })}
                </p>
              ) : filing.status === 'done' ? (
                <p className="text-sm font-medium text-amber-800">{t('list.draft')}</p>
              ) : null}
              <p className="text-sm text-slate-600">
                {chosenDocuments(filing.options.documents)
                  .map((key) => t(`documents.${key}`))
                  .join(', ')}
              </p>
              {filing.status === 'queued' || filing.status === 'running' ? (
                <ProgressBar
                  url={`/api/cases/${slug}/filings/${filing.version}/progress`}
                  initial={{ status: filing.status, progressDone: filing.progressDone, progressTotal: filing.progressTotal, message: null }}
                />
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
