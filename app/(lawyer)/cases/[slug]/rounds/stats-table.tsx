import { getTranslations } from 'next-intl/server';
import type { DeficiencyPeriodStats } from '@/lib/deficiencies/round-stats';

/** Notices, cures and expiries per round period, with the median time to cure. */
export async function DeficiencyStatsTable({ stats, names }: { stats: DeficiencyPeriodStats[]; names: Map<number, string> }) {
  const t = await getTranslations('rounds.stats');
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4">
              {t('period')}
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              {t('notices')}
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              {t('cured')}
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              {t('expired')}
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              {t('open')}
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              {t('median')}
            </th>
          </tr>
        </thead>
        <tbody>
          {stats.map((row) => (
            <tr key={row.roundNumber ?? 'next'} className="border-b border-slate-100">
              <th scope="row" className="py-2 pr-4 font-medium">
                {row.roundNumber === null ? t('next') : (names.get(row.roundNumber) ?? row.roundNumber)}
              </th>
              <td className="py-2 pr-4 text-right tabular-nums">{row.notices}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{row.cured}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{row.expired}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{row.open}</td>
              <td className="py-2 pr-4 text-right tabular-nums">
                {row.medianHoursToCure === null
                  ? t('none')
                  : row.medianHoursToCure < 1
                    ? t('minutes', { minutes: Math.round(row.medianHoursToCure * 60) })
                    : t('hours', { hours: row.medianHoursToCure })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
