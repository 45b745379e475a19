import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { formatMoney } from '@/lib/claims';
import { formatBusinessNumber, formatPhoneNumber } from '@/lib/format/numbers';
import { toLocale } from '@/lib/i18n/config';
import { regionName } from '@/lib/regions';
import { describeClaimAnswers, definitionLabel, findMissingForReview } from '@/lib/reviews/claim-answers';
import type { ClaimantFile } from '@/lib/reviews/claimant-file';
import { Facts, Section } from '../_ui';

/**
 * Identity and contact (decrypted for the lawyer), the claim's answers as its definition asks them
 * (labels in the reader's language), what the definition says is missing, and the damages.
 */
export async function FileDetails({ file }: { file: ClaimantFile }) {
  const [t, format, locale] = await Promise.all([getTranslations('review.file'), getFormatter(), getLocale().then(toLocale)]);
  const { claimant, details, claim } = file;
  const definition = claim?.definition ?? null;
  const none = <span className="text-slate-500">{t('notGiven')}</span>;
  const when = (value: Date | null) =>
    value ? format.dateTime(value, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }) : none;
  const region = claimant.region ? regionName(definition?.jurisdiction ?? 'KR', claimant.region, locale) : null;
  const money = (amount: number) => (definition ? formatMoney(amount, definition.currency, locale) : format.number(amount));
  const facts: [string, React.ReactNode][] = [
    [t('category'), claimant.category ? definitionLabel(definition?.categories, claimant.category, locale) : none],
    [t('legalName'), claimant.legalName ?? none],
    [t('dateOfBirth'), details.dateOfBirth ?? none],
    [t('phone'), details.phone ? formatPhoneNumber(details.phone) : none],
    [t('email'), file.email],
    [t('address'), details.address ?? none],
    [t('region'), region ? `${region}${claimant.locality ? ` · ${claimant.locality}` : ''}` : none],
  ];
  if (claimant.businessName || claimant.businessRegistrationNumber) {
    facts.push(
      [t('business'), claimant.businessName ?? none],
      [t('brn'), claimant.businessRegistrationNumber ? formatBusinessNumber(claimant.businessRegistrationNumber) : none],
    );
  }
  facts.push([t('source'), claimant.source ?? none], [t('submittedAt'), when(claimant.submittedAt)]);
  const steps = claim ? describeClaimAnswers(claim.definition, claim.state, locale) : [];
  const missing = claim ? findMissingForReview(claim.definition, claim.state, file.evidence, file.damages) : [];

  return (
    <>
      <Section id="details" title={t('details')}>
        <Facts items={facts} />
      </Section>
      <Section
        id="answers"
        title={t('answers')}
        lead={claimant.definitionVersion ? t('answersVersion', { version: claimant.definitionVersion }) : undefined}
      >
        {steps.length === 0 ? <p className="text-sm text-slate-600">{t('noAnswers')}</p> : null}
        {steps.map((step) => (
          <div key={step.id} className="space-y-2">
            <h3 className="font-semibold">{step.title}</h3>
            <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[minmax(0,14rem)_1fr]">
              {step.answers.map((answer) => (
                <div key={answer.id} className="contents">
                  <dt className="text-sm font-medium text-slate-600">{answer.label}</dt>
                  <dd className="whitespace-pre-line break-words text-sm text-ink">{answer.value ?? none}</dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </Section>
      {claim ? (
        <Section id="missing" title={t('missing')}>
          {missing.length === 0 ? (
            <p className="text-sm text-slate-600">{t('nothingMissing')}</p>
          ) : (
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {missing.map((item) => (
                <li key={`${item.kind}:${item.path}`}>{item.message[locale]}</li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}
      <Section id="damages" title={t('damages')}>
        {file.damages.length === 0 ? (
          <p className="text-sm text-slate-600">{t('noDamages')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    {t('damageCategory')}
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
                    <td className="py-2 pr-3">{definitionLabel(definition?.damages.categories, item.category, locale)}</td>
                    <td className="py-2 pr-3">{item.description}</td>
                    <td className="py-2 text-right tabular-nums">{money(item.amountKrw)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t border-slate-300 font-semibold">
                <tr>
                  <th scope="row" colSpan={2} className="py-2 pr-3 text-left">
                    {t('total')}
                  </th>
                  <td className="py-2 text-right tabular-nums">{money(file.damagesTotalKrw)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </Section>
    </>
  );
}
