import { useFormatter, useTranslations } from 'next-intl';
import { Card } from '@/app/_components/ui';
import type { DashboardSummary } from '@/lib/metrics/dashboard';

/**
 * The funnel as an ordered list: each stage's count with a bar scaled to the largest stage, its
 * conversion from the stage before and how many are still there. Text carries every number, so
 * the bars are decoration only.
 */
export function FunnelSection({ summary }: { summary: DashboardSummary }) {
  const t = useTranslations('organizer.dashboard.funnel');
  const format = useFormatter();
  const largest = Math.max(1, ...summary.funnel.map((stage) => stage.count));
  return (
    <Card aria-labelledby="funnel-title">
      <h2 id="funnel-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('lead')}</p>
      <ol className="mt-4 space-y-3" data-testid="funnel">
        {summary.funnel.map((stage, index) => (
          <li key={stage.id} data-testid={`funnel-${stage.id}`} className="space-y-1">
            <div className="flex items-baseline justify-between gap-3">
              <span className="text-sm font-medium text-slate-800">
                {index + 1}. {t(`stages.${stage.id}`)}
              </span>
              <span className="text-lg font-bold tabular-nums text-brand-800" data-testid={`funnel-${stage.id}-count`}>
                {format.number(stage.count)}
              </span>
            </div>
            <div aria-hidden className="h-3 overflow-hidden rounded-full bg-slate-100">
              <div className="h-full rounded-full bg-brand-500" style={{ width: `${(stage.count / largest) * 100}%` }} />
            </div>
            {stage.conversion !== null || stage.dropOff !== null ? (
              <p className="flex flex-wrap gap-x-3 text-xs text-slate-600">
                {stage.conversion !== null ? (
                  <span>
                    {stage.id === 'registered'
                      ? t('conversionFromSupporters', { percent: stage.conversion })
                      : t('conversion', { percent: stage.conversion })}
                  </span>
                ) : null}
                {stage.dropOff !== null && stage.dropOff > 0 ? <span>{t('dropOff', { count: stage.dropOff })}</span> : null}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <div className="mt-4 space-y-1 border-t border-slate-100 pt-3 text-sm text-slate-600">
        <p data-testid="funnel-withdrawals">
          {t('withdrawals', { supporters: summary.supporters.withdrawn, claimants: summary.claimants.withdrawn })}
        </p>
        {summary.supporters.unconfirmed > 0 ? <p>{t('unconfirmed', { count: summary.supporters.unconfirmed })}</p> : null}
      </div>
    </Card>
  );
}
