import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, PageHeader, buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { LAWYER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { localized } from '@/lib/cases/queries';
import { formatDay } from '@/lib/filings/format';
import { toLocale } from '@/lib/i18n/config';
import { toKstDateInput } from '@/lib/forms/validators';
import { listRoundWithdrawals, listRounds } from '@/lib/rounds/queries';

type Props = { params: Promise<{ slug: string; number: string }> };

/**
 * One round (lawyers of the case): its counts, the way to its packet (the builder opens with the
 * round's saved list chosen) and the list of those who withdrew after filing, with CSV and PDF.
 */
export default async function RoundPage({ params }: Props) {
  const { slug, number } = await params;
  const access = await guardPage(() => requireCaseRole(slug, LAWYER_ROLES), `/cases/${slug}/rounds/${number}`);
  if (!/^\d{1,6}$/.test(number)) notFound();
  const db = await getDb();
  const round = (await listRounds(db, access.case.id)).find((item) => item.number === Number(number));
  if (!round) notFound();
  const [t, locale, withdrawals] = await Promise.all([
    getTranslations('rounds'),
    getLocale().then(toLocale),
    listRoundWithdrawals(db, access.case.id, round.id),
  ]);
  const download = `/api/cases/${slug}/rounds/${round.number}/withdrawals?lang=${locale}`;
  const day = (at: Date | null) => (at ? formatDay(toKstDateInput(at), locale) : '');
  return (
    <div className="space-y-6">
      <PageHeader
        title={t('detail.title', { name: round.name })}
        lead={t('detail.summary', {
          cutoff: formatDay(round.cutoffOn, locale),
          members: round.members,
          filed: round.filed,
          withdrawn: round.withdrawn,
        })}
      >
        <p className="text-sm font-medium text-brand-800">{localized(access.case, 'title', locale)}</p>
      </PageHeader>
      <Link href={`/cases/${slug}/rounds`} className="inline-block text-sm font-medium text-brand-700 underline underline-offset-4">
        {t('detail.back')}
      </Link>
      <Card className="space-y-3">
        <div className="flex flex-col gap-2 sm:flex-row">
          {round.selectionId ? (
            <Link href={`/cases/${slug}/filings/new?selection=${round.selectionId}`} className={buttonClass('primary')}>
              {t('detail.build')}
            </Link>
          ) : null}
          <Link href={`/cases/${slug}/costs`} className={buttonClass('secondary')}>
            {t('detail.costs')}
          </Link>
        </div>
        <p className="text-sm text-slate-600">{t('detail.buildHint', { name: round.name })}</p>
      </Card>
      <Card aria-labelledby="withdrawals-heading" className="space-y-3">
        <h2 id="withdrawals-heading" className="text-lg font-semibold">
          {t('withdrawals.title')}
        </h2>
        <p className="text-sm text-slate-700">{t('withdrawals.lead')}</p>
        {withdrawals.length === 0 ? (
          <p className="text-sm text-slate-600">{t('withdrawals.empty')}</p>
        ) : (
          <>
            <div className="flex flex-col gap-2 sm:flex-row">
              <a href={`${download}&format=csv`} className={buttonClass('secondary')}>
                {t('withdrawals.csv')}
              </a>
              <a href={`${download}&format=pdf`} className={buttonClass('secondary')}>
                {t('withdrawals.pdf')}
              </a>
            </div>
            <div className="overflow-x-auto">
              <table className="min-w-full text-left text-sm">
                <thead className="border-b border-slate-200 text-slate-600">
                  <tr>
                    {(['position', 'reference', 'name', 'filedOn', 'withdrawnOn', 'courtCase'] as const).map((key) => (
                      <th key={key} scope="col" className="py-2 pr-4">
                        {t(`withdrawals.${key}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {withdrawals.map((row) => (
                    <tr key={row.position} className="border-b border-slate-100">
                      <td className="py-2 pr-4 tabular-nums">{row.position}</td>
                      <td className="py-2 pr-4 font-mono">{row.referenceNumber}</td>
                      <td className="py-2 pr-4">{row.legalName}</td>
                      <td className="py-2 pr-4">{day(row.filedAt)}</td>
                      <td className="py-2 pr-4">{day(row.withdrawnAt)}</td>
                      <td className="py-2 pr-4">{[row.court, row.courtCaseNumber].filter(Boolean).join(' ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Card>
    </div>
  );
}
