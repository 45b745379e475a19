import { getTranslations } from 'next-intl/server';
import { Card, buttonClass } from '@/app/_components/ui';
import { toKstDate } from '@/lib/metrics/periods';

/** CSV downloads (streamed, audited) and the one-page report for a date. Plain links and a GET form. */
export async function ExportsCard({ slug, isOrganizer }: { slug: string; isOrganizer: boolean }) {
  const t = await getTranslations('organizer.dashboard.exports');
  const today = toKstDate(new Date());
  return (
    <Card aria-labelledby="exports-title" className="space-y-4">
      <div>
        <h2 id="exports-title" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('lead')}</p>
        {isOrganizer ? <p className="mt-1 text-sm text-slate-600">{t('organizerNote')}</p> : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <a href={`/api/cases/${slug}/exports/supporters`} className={buttonClass('secondary')} download>
          {t('supporters')}
        </a>
        <a href={`/api/cases/${slug}/exports/claimants`} className={buttonClass('secondary')} download>
          {t('claimants')}
        </a>
      </div>
      <form action={`/api/cases/${slug}/reports/support`} method="get" target="_blank" className="flex flex-wrap items-end gap-3">
        <div className="space-y-1.5">
          <label htmlFor="report-date" className="block text-sm font-semibold text-slate-800">
            {t('report')} · {t('reportDate')}
          </label>
          <input
            id="report-date"
            name="date"
            type="date"
            defaultValue={today}
            max={today}
            className="block min-h-11 rounded-xl border border-slate-300 bg-white px-3 py-2 text-base"
          />
        </div>
        <button type="submit" className={buttonClass('primary')}>
          {t('reportButton')}
        </button>
      </form>
    </Card>
  );
}
