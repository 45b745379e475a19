import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { LAWYER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { localized } from '@/lib/cases/queries';
import { koreanDay } from '@/lib/deficiencies/calendar';
import { countDeficient } from '@/lib/deficiencies/queries';
import { deficiencyStatsPerRound } from '@/lib/deficiencies/round-stats';
import { formatDay } from '@/lib/filings/format';
import { toLocale } from '@/lib/i18n/config';
import { listRounds } from '@/lib/rounds/queries';
import { OpenRoundForm } from './open-round-form';
import { DeficiencyStatsTable } from './stats-table';

type Props = { params: Promise<{ slug: string }> };

/** The case's filing rounds (lawyers of the case): per-round counts, the next round's form, notice counts. */
export default async function RoundsPage({ params }: Props) {
  const { slug } = await params;
  const access = await guardPage(() => requireCaseRole(slug, LAWYER_ROLES), `/cases/${slug}/rounds`);
  const db = await getDb();
  const [t, locale, rounds, stats, deficient] = await Promise.all([
    getTranslations('rounds'),
    getLocale().then(toLocale),
    listRounds(db, access.case.id),
    deficiencyStatsPerRound(db, access.case.id),
    countDeficient(db, access.case.id),
  ]);
  const names = new Map(rounds.map((round) => [round.number, round.name]));
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('lead')}>
        <p className="text-sm font-medium text-brand-800">{localized(access.case, 'title', locale)}</p>
      </PageHeader>
      <Card aria-labelledby="rounds-table-heading" className="space-y-3">
        <h2 id="rounds-table-heading" className="text-lg font-semibold">
          {t('table.caption')}
        </h2>
        {rounds.length === 0 ? (
          <p className="text-sm text-slate-600">{t('empty')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4">
                    {t('table.name')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('table.cutoff')}
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right">
                    {t('table.members')}
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right">
                    {t('table.filed')}
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right">
                    {t('table.withdrawn')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((round) => (
                  <tr key={round.id} className="border-b border-slate-100">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      <Link href={`/cases/${slug}/rounds/${round.number}`} className="text-brand-800 underline underline-offset-4">
                        {round.name}
                      </Link>
                    </th>
                    <td className="py-2 pr-4">{formatDay(round.cutoffOn, locale)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{round.members}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{round.filed}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{round.withdrawn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card>
        <OpenRoundForm slug={slug} nextNumber={rounds.length + 1} today={koreanDay(new Date())} />
      </Card>
      <Card aria-labelledby="deficiency-stats-heading" className="space-y-3">
        <h2 id="deficiency-stats-heading" className="text-lg font-semibold">
          {t('stats.title')}
        </h2>
        <p className="text-sm text-slate-700">{t('stats.deficient', { count: deficient })}</p>
        <DeficiencyStatsTable stats={stats} names={names} />
        <Link
          href={`/cases/${slug}/rounds/reasons`}
          className="inline-block text-sm font-medium text-brand-700 underline underline-offset-4"
        >
          {t('reasons.link')}
        </Link>
      </Card>
    </div>
  );
}
