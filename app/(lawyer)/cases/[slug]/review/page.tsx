import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader, buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { deficientAmong } from '@/lib/deficiencies/queries';
import { guardPage } from '@/lib/auth/page-guard';
import { toLocale } from '@/lib/i18n/config';
import { requireReviewer } from '@/lib/reviews/access';
import { listCaseLawyers } from '@/lib/reviews/bulk';
import { countOpenSignals } from '@/lib/reviews/duplicate-review';
import { listClaimantsForReview } from '@/lib/reviews/queue';
import {
  type QueueFilterChoices,
  loadQueueDefinition,
  queueFilterChoices,
  restrictQueueFilters,
  singleCountedDimension,
} from '@/lib/reviews/queue-definition';
import { parseQueueFilters, queueFiltersToParams } from '@/lib/reviews/queue-filters';
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
  const db = await getDb();
  const [definition, locale] = await Promise.all([loadQueueDefinition(db, found), getLocale().then(toLocale)]);
  // The filters are the case's definition's: its categories, its jurisdiction's regions, its dimensions.
  const choices = queueFilterChoices(definition, locale);
  const filters = restrictQueueFilters(parseQueueFilters(await searchParams), choices);
  const dimension = singleCountedDimension(filters, choices);
  const [page, counts, lawyers, openSignals, t] = await Promise.all([
    listClaimantsForReview(db, { caseId: found.id, referencePrefix: found.referencePrefix, viewerId: user.id }, filters),
    readStatusCountsCached(db, found.id, dimension),
    listCaseLawyers(db, found.id),
    countOpenSignals(db, found.id),
    getTranslations('review.queue'),
  ]);
  const base = `/cases/${slug}/review`;
  const pageLink = (cursor: string, dir: 'next' | 'prev') => `${base}?${queueFiltersToParams(filters, { cursor, dir })}`;
  const dimensionLabel = dimension ? (countedValueLabel(choices, dimension) ?? dimension.value) : 'none';

  return (
    <div className="space-y-5">
      <PageHeader title={t('title')} lead={t('lead')}>
        <Link href={`${base}/duplicates`} className={buttonClass('secondary', 'mt-2')}>
          {t('duplicatesLink', { count: openSignals })}
        </Link>
      </PageHeader>
      <StatusTabs base={base} filters={filters} counts={counts} />
      <p className="text-sm text-slate-600">{t('countsNote', { dimension: dimensionLabel })}</p>
      <QueueFiltersForm base={base} filters={filters} choices={choices} lawyers={lawyers} />
      <BulkActions slug={slug} lawyers={lawyers} />
      <QueueTable
        slug={slug}
        rows={page.rows}
        lawyers={lawyers}
        choices={choices}
        deficientIds={await deficientAmong(
          db,
          found.id,
          page.rows.map((row) => row.id),
        )}
      />
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

/** The label of the one value the counts follow, in the reader's language. */
function countedValueLabel(choices: QueueFilterChoices, dimension: { name: string; value: string }): string | undefined {
  const options =
    dimension.name === 'region'
      ? choices.regions
      : dimension.name === 'category'
        ? choices.categories
        : choices.dimensions.find((item) => item.id === dimension.name)?.options;
  return options?.find((option) => option.value === dimension.value)?.label;
}
