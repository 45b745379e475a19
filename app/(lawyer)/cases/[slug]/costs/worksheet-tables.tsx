import { getTranslations } from 'next-intl/server';
import { Card } from '@/app/_components/ui';
import type { LoadedWorksheet } from '@/lib/costs/load-worksheet';
import { formatDay, formatWon } from '@/lib/filings/format';
import type { Locale } from '@/lib/i18n/config';

function Rows({ rows, testId }: { rows: [string, string][]; testId: string }) {
  return (
    <dl className="divide-y divide-slate-100 text-sm" data-testid={testId}>
      {rows.map(([label, value], index) => (
        <div
          key={label}
          className={`flex justify-between gap-4 py-2 ${index === rows.length - 1 && testId === 'stamp' ? 'font-semibold' : ''}`}
        >
          <dt className="text-slate-700">{label}</dt>
          <dd className="text-right tabular-nums text-ink">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The worksheet as the PDF prints it: the value, the stamp duty step by step, the two scenarios. */
export async function WorksheetTables({ loaded, scope, locale }: { loaded: LoadedWorksheet; scope: string; locale: Locale }) {
  const t = await getTranslations('costs');
  const { worksheet } = loaded;
  const { stamp, input } = worksheet;
  const won = (amount: number) => formatWon(amount, locale);
  const stampRows: [string, string][] = [
    [t('stamp.formula', { rate: stamp.bracket.perTenThousand, add: won(stamp.bracket.add) }), won(stamp.formulaKrw)],
    [t('stamp.base'), won(stamp.baseKrw)],
  ];
  if (input.instance !== 'first')
    stampRows.push([
      t('stamp.instance', { multiple: worksheet.stampSchedule.instanceMultiplierTenths[input.instance] / 10 }),
      won(stamp.instanceKrw),
    ]);
  if (stamp.electronicKrw !== null) stampRows.push([t('stamp.electronic'), won(stamp.electronicKrw)]);
  stampRows.push([t('stamp.payable'), won(stamp.payableKrw)]);
  const [every] = worksheet.scenarios;
  return (
    <>
      <Card aria-labelledby="basis-heading" className="space-y-3">
        <h2 id="basis-heading" className="text-lg font-semibold">
          {t('basis.title')}
        </h2>
        <Rows
          testId="basis"
          rows={[
            [t('basis.claimants'), t('basis.claimantsValue', { count: input.claimantCount, scope })],
            [t('basis.defendants'), String(input.defendantCount)],
            [t('basis.claimValue'), won(input.claimValueKrw)],
            [t('basis.court'), t(`courtNames.${worksheet.court}`)],
            [t('basis.filing'), t(`options.filings.${input.isElectronic ? 'electronic' : 'paper'}`)],
          ]}
        />
        <p className="text-xs text-slate-600">{t('basis.note')}</p>
      </Card>
      <Card aria-labelledby="stamp-heading" className="space-y-3">
        <h2 id="stamp-heading" className="text-lg font-semibold">
          {t('stamp.title')}
        </h2>
        <Rows testId="stamp" rows={stampRows} />
      </Card>
      <Card aria-labelledby="service-heading" className="space-y-3">
        <h2 id="service-heading" className="text-lg font-semibold">
          {t('service.title')}
        </h2>
        <p className="text-sm text-slate-700">
          {t('service.rule', { perService: won(worksheet.perServiceKrw), services: every.serviceFee.services })}
        </p>
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="scenarios">
            <caption className="sr-only">{t('service.caption')}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-700">
                <th scope="col" className="py-2 pr-3 font-semibold">
                  {t('service.scenario')}
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-semibold">
                  {t('service.parties')}
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-semibold">
                  {t('service.fee')}
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-semibold">
                  {t('service.stamp')}
                </th>
                <th scope="col" className="py-2 text-right font-semibold">
                  {t('service.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {worksheet.scenarios.map((scenario) => (
                <tr key={scenario.id} className="border-b border-slate-100">
                  <th scope="row" className="py-2 pr-3 text-left font-medium">
                    {scenario.id === 'every_claimant'
                      ? t('service.every')
                      : t('service.representatives', { count: input.representativeCount })}
                  </th>
                  <td className="py-2 pr-3 text-right tabular-nums">
                    {scenario.serviceFee.parties.toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-US')}
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{won(scenario.serviceFee.totalKrw)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{won(stamp.payableKrw)}</td>
                  <td className="py-2 text-right font-semibold tabular-nums">{won(scenario.totalKrw)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-sm font-semibold text-ink" data-testid="saving">
          {t('service.saving', { count: input.representativeCount, amount: won(worksheet.savingKrw) })}
        </p>
      </Card>
      <Card aria-labelledby="sources-heading" className="space-y-2 text-xs text-slate-700">
        <h2 id="sources-heading" className="text-base font-semibold text-ink">
          {t('sources.title')}
        </h2>
        {[worksheet.stampSchedule, worksheet.serviceSchedule].map((schedule) => (
          <p key={schedule.source}>{t('sources.entry', { from: formatDay(schedule.effectiveFrom, locale), source: schedule.source })}</p>
        ))}
        {worksheet.perServiceKrw !== worksheet.serviceSchedule.perServiceKrw ? (
          <p>{t('sources.perServiceGiven', { amount: won(worksheet.perServiceKrw) })}</p>
        ) : null}
      </Card>
    </>
  );
}
