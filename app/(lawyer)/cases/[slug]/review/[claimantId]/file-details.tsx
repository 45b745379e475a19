import { getFormatter, getTranslations } from 'next-intl/server';
import { formatBusinessNumber, formatPhoneNumber } from '@/lib/format/numbers';
import type { ClaimantFile } from '@/lib/reviews/claimant-file';
import { Facts, Section } from '../_ui';

/** Identity, contact and connection details (decrypted for the lawyer), and the damages with their total. */
export async function FileDetails({ file }: { file: ClaimantFile }) {
  const [t, common, format] = await Promise.all([getTranslations('review.file'), getTranslations('common'), getFormatter()]);
  const { claimant, details } = file;
  const none = <span className="text-slate-500">{t('notGiven')}</span>;
  const when = (value: Date | null) =>
    value ? format.dateTime(value, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }) : none;
  const isp = claimant.isp ? `${common(`isps.${claimant.isp}`)}${claimant.ispOther ? ` (${claimant.ispOther})` : ''}` : null;
  const facts: [string, React.ReactNode][] = [
    [t('legalName'), claimant.legalName ?? none],
    [t('dateOfBirth'), details.dateOfBirth ?? none],
    [t('phone'), details.phone ? formatPhoneNumber(details.phone) : none],
    [t('email'), file.email],
    [t('address'), details.address ?? none],
    [t('region'), claimant.region ? `${common(`regions.${claimant.region}`)}${claimant.locality ? ` · ${claimant.locality}` : ''}` : none],
    [t('isp'), isp ?? none],
    [t('lineType'), claimant.lineType ? common(`lineTypes.${claimant.lineType}`) : none],
    [t('serviceAddress'), details.serviceAddress ?? none],
    [t('monthlyFee'), claimant.monthlyFeeKrw !== null ? common('won', { amount: claimant.monthlyFeeKrw }) : none],
  ];
  if (claimant.businessName || claimant.businessRegistrationNumber) {
    facts.push(
      [t('business'), claimant.businessName ?? none],
      [t('brn'), claimant.businessRegistrationNumber ? formatBusinessNumber(claimant.businessRegistrationNumber) : none],
    );
  }
  if (claimant.pcBangSeats) facts.push([t('seats'), String(claimant.pcBangSeats)]);
  facts.push(
    [
      t('outage'),
      claimant.outageStartedAt
        ? t('outageRange', {
            from: format.dateTime(claimant.outageStartedAt, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }),
            to: claimant.outageEndedAt
              ? format.dateTime(claimant.outageEndedAt, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' })
              : '?',
          })
        : none,
    ],
    [t('source'), claimant.source ?? none],
    [t('submittedAt'), when(claimant.submittedAt)],
  );

  return (
    <>
      <Section id="details" title={t('details')}>
        <Facts items={facts} />
      </Section>
      <Section id="damages" title={t('damages')}>
        {file.damages.length === 0 ? (
          <p className="text-sm text-slate-600">{t('noDamages')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    {t('category')}
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    {t('description')}
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    {t('amount')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {file.damages.map((item) => (
                  <tr key={item.id}>
                    <td className="py-2 pr-3">{t(`damageCategories.${item.category}`)}</td>
                    <td className="py-2 pr-3">{item.description}</td>
                    <td className="py-2 text-right tabular-nums">{common('won', { amount: item.amountKrw })}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t border-slate-300 font-semibold">
                <tr>
                  <th scope="row" colSpan={2} className="py-2 pr-3 text-left">
                    {t('total')}
                  </th>
                  <td className="py-2 text-right tabular-nums">{common('won', { amount: file.damagesTotalKrw })}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </Section>
    </>
  );
}
