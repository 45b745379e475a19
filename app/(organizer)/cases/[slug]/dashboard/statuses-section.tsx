import { useFormatter, useTranslations } from 'next-intl';
import { Card, StatusBadge } from '@/app/_components/ui';

export function StatusesSection({ byStatus }: { byStatus: Record<string, number> }) {
  const t = useTranslations('organizer.dashboard.statuses');
  const common = useTranslations('common');
  const format = useFormatter();
  return (
    <Card aria-labelledby="statuses-title">
      <h2 id="statuses-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('lead')}</p>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
        {Object.entries(byStatus).map(([status, count]) => (
          <div key={status} className="flex items-center justify-between gap-2 rounded-xl bg-slate-50 px-3 py-2">
            <dt>
              <StatusBadge status={status} label={common(`statuses.${status}` as never)} />
            </dt>
            <dd className="font-semibold tabular-nums">{format.number(count)}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
