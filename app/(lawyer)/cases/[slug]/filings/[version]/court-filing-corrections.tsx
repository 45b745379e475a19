import { getTranslations } from 'next-intl/server';
import { formatDateTime, formatDay } from '@/lib/filings/format';
import type { CourtFilingCorrection, CourtFilingSummary } from '@/lib/filings/queries';
import type { Locale } from '@/lib/i18n/config';

/** Each correction of the recorded filing, newest first: when, who, why, and what changed from what. */
export async function CourtFilingCorrections({ corrections, locale }: { corrections: CourtFilingCorrection[]; locale: Locale }) {
  const t = await getTranslations('filings');
  const fields: { key: keyof CourtFilingSummary; label: string; show: (value: string) => string }[] = [
    { key: 'filedOn', label: t('record.filedOnValue'), show: (day) => formatDay(day, locale) },
    { key: 'court', label: t('record.courtValue'), show: (court) => court },
    { key: 'courtCaseNumber', label: t('record.caseNumberValue'), show: (number) => number },
  ];
  return (
    <section aria-labelledby="corrections-heading" className="space-y-2" data-testid="court-filing-corrections">
      <h3 id="corrections-heading" className="text-sm font-semibold text-slate-800">
        {t('correct.historyTitle')}
      </h3>
      <ol className="space-y-3 text-sm">
        {corrections.map((correction) => (
          <li key={correction.id} className="space-y-1 border-l-2 border-slate-200 pl-3">
            <p className="font-medium text-slate-700">
              {t('correct.historyWhen', { date: formatDateTime(correction.occurredAt, locale), name: correction.actorName ?? '—' })}
            </p>
            <p className="whitespace-pre-line text-slate-900">{t('correct.historyReason', { reason: correction.reason })}</p>
            <ul className="text-slate-700">
              {fields
                .filter(({ key }) => correction.before[key] !== correction.after[key])
                .map(({ key, label, show }) => (
                  <li key={key}>
                    {t('correct.historyChange', { field: label, before: show(correction.before[key]), after: show(correction.after[key]) })}
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
