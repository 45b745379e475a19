import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader, buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { guardPage } from '@/lib/auth/page-guard';
import { requireReviewer } from '@/lib/reviews/access';
import { listCaseLawyers } from '@/lib/reviews/bulk';
import { countOpenSignals } from '@/lib/reviews/duplicate-review';
import { listClaimantsForReview } from '@/lib/reviews/queue';
import { type QueueFilters, parseQueueFilters, queueFiltersToParams } from '@/lib/reviews/queue-filters';
import { readStatusCountsCached } from '@/lib/reviews/status-counts';
import { BulkActions } from './bulk-actions';
import { QueueFiltersForm } from './queue-filters-form';
import { QueueTable } from './queue-table';
import { StatusTabs } from './status-tabs';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The lawyers' queue: filters and search in the URL, one keyset page, bulk actions on a selection. */
export default async function ReviewQueuePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { user, case: found } = await guardPage(() => requireReviewer(slug), `/cases/${slug}/review`);
  const filters = parseQueueFilters(await searchParams);
  const db = await getDb();
  const dimension = singleDimension(filters);
  const [page, counts, lawyers, openSignals, t, common] = await Promise.all([
    listClaimantsForReview(db, { caseId: found.id, referencePrefix: found.referencePrefix, viewerId: user.id }, filters),
    readStatusCountsCached(db, found.id, dimension),
    listCaseLawyers(db, found.id),
    countOpenSignals(db, found.id),
    getTranslations('review.queue'),
    getTranslations('common'),
  ]);
  const base = `/cases/${slug}/review`;
  const pageLink = (cursor: string, dir: 'next' | 'prev') => `${base}?${queueFiltersToParams(filters, { cursor, dir })}`;
  const dimensionLabel = dimension
    ? common(`${dimension.name === 'type' ? 'claimantTypes' : dimension.name === 'isp' ? 'isps' : 'regions'}.${dimension.value}`)
    : 'none';

  return (
    <div className="space-y-5">
      <PageHeader title={t('title')} lead={t('lead')}>
        <Link href={`${base}/duplicates`} className={buttonClass('secondary', 'mt-2')}>
          {t('duplicatesLink', { count: openSignals })}
        </Link>
      </PageHeader>
      <StatusTabs base={base} filters={filters} counts={counts} />
      <p className="text-sm text-slate-600">{t('countsNote', { dimension: dimensionLabel })}</p>
      <QueueFiltersForm base={base} filters={filters} lawyers={lawyers} />
      <BulkActions slug={slug} lawyers={lawyers} />
      <QueueTable slug={slug} rows={page.rows} lawyers={lawyers} />
      <nav aria-label={t('pagination')} className="flex flex-wrap items-center justify-between gap-2">
        {filters.cursor ? (
          <Link href={`${base}?${queueFiltersToParams(filters, { cursor: undefined, dir: undefined })}`} className={buttonClass('ghost')}>
            {t('first')}
          </Link>
        ) : (
          <span />
        )}
        <div className="flex gap-2">
          {page.prevCursor ? (
            <Link href={pageLink(page.prevCursor, 'prev')} className={buttonClass('secondary')} rel="prev">
              {t('previous')}
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={pageLink(page.nextCursor, 'next')} className={buttonClass('secondary')} rel="next">
              {t('next')}
            </Link>
          ) : null}
        </div>
      </nav>
    </div>
  );
}

/** With exactly one of region, ISP or type filtered, the status counts can follow it (rollup dimensions). */
function singleDimension(filters: QueueFilters): { name: 'region' | 'isp' | 'type'; value: string } | undefined {
  const set = (['region', 'isp', 'type'] as const).filter((name) => filters[name]);
  return set.length === 1 ? { name: set[0], value: filters[set[0]]! } : undefined;
}
