import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Case, Claimant } from '@/db/schema';
import type { ClaimOverview } from '@/lib/intake/completeness';
import { type IntakeStep, intakePath } from '@/lib/intake/steps';
import { decryptField } from '@/lib/crypto/field-encryption';
import { formatBrn, formatPhone } from '@/lib/intake/draft';

function Section({
  title,
  step,
  caseSlug,
  editLabel,
  children,
}: {
  title: string;
  step: IntakeStep;
  caseSlug: string;
  editLabel: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`review-${step}`} className="space-y-2 border-b border-slate-100 pb-4 last:border-0">
      <div className="flex items-center justify-between gap-2">
        <h2 id={`review-${step}`} className="text-base font-semibold">
          {title}
        </h2>
        <Link
          href={intakePath(caseSlug, step)}
          className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-brand-700 hover:bg-brand-50"
        >
          {editLabel}
          <span className="sr-only">: {title}</span>
        </Link>
      </div>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-3 gap-y-1 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="break-words text-ink">{value || '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Everything the claim says, on one page, each part with a link back to its step. */
export async function ReviewSummary({ claimant, caseRow, overview }: { claimant: Claimant; caseRow: Case; overview: ClaimOverview }) {
  const [t, common, format] = await Promise.all([getTranslations('intake'), getTranslations('common'), getFormatter()]);
  const edit = t('review.edit');
  const step = (key: IntakeStep) => t(`steps.${key}.title`);
  const dateTime = (value: Date | null) =>
    value ? format.dateTime(value, { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' }) : '';
  return (
    <div className="space-y-4">
      {overview.missing.length > 0 ? (
        <div role="alert" className="rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-semibold">{t('review.missingTitle', { count: overview.missing.length })}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {overview.missing.map((item) => (
              <li key={item.key}>
                <Link href={intakePath(caseRow.slug, item.step)} className="underline">
                  {t(`review.missing.${item.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p role="status" className="rounded-xl border border-emerald-200 bg-emerald-50 p-4 text-sm font-medium text-emerald-900">
          {t('review.complete')}
        </p>
      )}
      <Section title={step('type')} step="type" caseSlug={caseRow.slug} editLabel={edit}>
        <Facts rows={[[t('review.type'), claimant.type ? common(`claimantTypes.${claimant.type}`) : '']]} />
      </Section>
      <Section title={step('identity')} step="identity" caseSlug={caseRow.slug} editLabel={edit}>
        <Facts
          rows={[
            [t('identity.legalName'), claimant.legalName],
            [t('identity.dateOfBirth'), decryptField(claimant.dateOfBirthEncrypted)],
            [t('identity.phone'), formatPhone(decryptField(claimant.phoneEncrypted) ?? '')],
            [t('identity.address'), decryptField(claimant.addressEncrypted)],
            [t('identity.region'), claimant.region ? `${common(`regions.${claimant.region}`)} ${claimant.locality ?? ''}` : ''],
            ...(claimant.businessName
              ? ([[t('identity.businessName'), `${claimant.businessName} (${formatBrn(claimant.businessRegistrationNumber ?? '')})`]] as [
                  string,
                  string,
                ][])
              : []),
            ...(claimant.pcBangSeats ? ([[t('identity.pcBangSeats'), String(claimant.pcBangSeats)]] as [string, string][]) : []),
          ]}
        />
      </Section>
      <Section title={step('connection')} step="connection" caseSlug={caseRow.slug} editLabel={edit}>
        <Facts
          rows={[
            [t('connection.isp'), claimant.isp === 'other' ? claimant.ispOther : claimant.isp ? common(`isps.${claimant.isp}`) : ''],
            [t('connection.lineType'), claimant.lineType ? common(`lineTypes.${claimant.lineType}`) : ''],
            [t('connection.monthlyFee'), claimant.monthlyFeeKrw !== null ? common('won', { amount: claimant.monthlyFeeKrw }) : ''],
          ]}
        />
      </Section>
      <Section title={step('outage')} step="outage" caseSlug={caseRow.slug} editLabel={edit}>
        <Facts
          rows={[
            [t('outage.startedAt'), dateTime(claimant.outageStartedAt)],
            [t('outage.endedAt'), dateTime(claimant.outageEndedAt)],
            [t('outage.impacts'), (claimant.outageImpacts ?? []).map((impact) => t(`outage.impactOptions.${impact}`)).join(', ')],
          ]}
        />
      </Section>
      <Section title={step('damages')} step="damages" caseSlug={caseRow.slug} editLabel={edit}>
        <ul className="space-y-1 text-sm">
          {overview.damages.map((item) => (
            <li key={item.id} className="flex justify-between gap-2">
              <span>
                {t(`damages.categories.${item.category}`)}
                {item.description ? ` — ${item.description}` : ''}
              </span>
              <span className="tabular-nums">{common('won', { amount: item.amountKrw })}</span>
            </li>
          ))}
        </ul>
        <p className="text-sm font-semibold">{t('damages.total', { amount: format.number(claimant.claimedTotalKrw) })}</p>
      </Section>
      <Section title={step('sign')} step="sign" caseSlug={caseRow.slug} editLabel={edit}>
        <p className="text-sm">
          {overview.latestStatement
            ? t(overview.isStatementCurrent ? 'review.statementSigned' : 'review.statementOutdated', {
                version: overview.latestStatement.version,
                date: format.dateTime(overview.latestStatement.signedAt, { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' }),
              })
            : t('review.statementUnsigned')}
        </p>
      </Section>
      <Section title={step('evidence')} step="evidence" caseSlug={caseRow.slug} editLabel={edit}>
        <ul className="list-disc space-y-0.5 pl-5 text-sm">
          {overview.evidence.map((file) => (
            <li key={file.id} className="break-all">
              {t(`evidence.kinds.${file.kind}`)}: {file.label || file.originalFilename}
            </li>
          ))}
        </ul>
        {overview.evidence.length === 0 ? <p className="text-sm">{t('evidence.none')}</p> : null}
      </Section>
      <Section title={step('consent')} step="consent" caseSlug={caseRow.slug} editLabel={edit}>
        <ul className="space-y-0.5 text-sm">
          {overview.consentTexts.map((text) => (
            <li key={text.kind}>
              {text.document.title}: {overview.signedConsentKinds.has(text.kind) ? t('review.consentSigned') : t('review.consentUnsigned')}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
