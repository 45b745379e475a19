import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { STATUS_FILTERS, type QueueFilters, queueFiltersToParams } from '@/lib/reviews/queue-filters';
import type { StatusCounts } from '@/lib/reviews/status-counts';

/** One link per status with its count (from the rollups); the current one is marked for screen readers. */
export async function StatusTabs({ base, filters, counts }: { base: string; filters: QueueFilters; counts: StatusCounts }) {
  const [t, common, format] = await Promise.all([getTranslations('review.queue'), getTranslations('common'), getFormatter()]);
  return (
    <nav aria-label={t('statusTabs')} className="-mx-1 overflow-x-auto">
      <ul className="flex min-w-max gap-1 px-1">
        {STATUS_FILTERS.map((status) => {
          const isCurrent = filters.status === status;
          const params = queueFiltersToParams(filters, { status, cursor: undefined, dir: undefined });
          return (
            <li key={status}>
              <Link
                href={`${base}?${params}`}
                aria-current={isCurrent ? 'page' : undefined}
                className={`inline-flex min-h-11 items-center gap-2 rounded-xl px-3 py-2 text-sm font-medium ${isCurrent ? 'bg-brand-600 text-white' : 'bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50'}`}
              >
                {status === 'all' ? t('statusAll') : common(`statuses.${status}`)}
                <span className={`rounded-full px-2 text-xs ${isCurrent ? 'bg-brand-700' : 'bg-slate-100'}`}>
                  {format.number(counts[status])}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
