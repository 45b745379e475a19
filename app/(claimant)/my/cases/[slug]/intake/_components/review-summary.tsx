import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Case } from '@/db/schema';
import { computeVisibility, formatAnswer, formatMoney } from '@/lib/claims';
import { decryptField } from '@/lib/crypto/field-encryption';
import { formatBusinessNumber, formatPhoneNumber } from '@/lib/format/numbers';
import type { Locale } from '@/lib/i18n/config';
import type { ClaimOverview } from '@/lib/intake/completeness';
import type { ClaimContext } from '@/lib/claimants/claim-context';
import { type IntakeStep, intakePath } from '@/lib/claimants/intake-steps';
import { regionName } from '@/lib/regions';

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

/** Everything the claim says, on one page, each part with a link back to its step: every answer of the definition's visible questions. */
export async function ReviewSummary({
  context,
  caseRow,
  overview,
  locale,
}: {
  context: ClaimContext;
  caseRow: Case;
  overview: ClaimOverview;
  locale: Locale;
}) {
  const [t, format] = await Promise.all([getTranslations('intake'), getFormatter()]);
  const { claimant, definition } = context;
  const edit = t('review.edit');
  const step = (key: IntakeStep) => t(`steps.${key}.title` as never);
  const category = definition.categories.find((item) => item.id === claimant.category);
  const visibility = computeVisibility(definition, context.state);
  const money = (amount: number) => formatMoney(amount, definition.currency, locale);
  const damageLabel = (id: string) => definition.damages.categories.find((item) => item.id === id)?.label[locale] ?? id;
  const evidenceLabel = (id: string) => definition.evidenceKinds.find((item) => item.id === id)?.label[locale] ?? id;
  return (
    <div className="space-y-4">
      {overview.missing.length > 0 ? (
        <div role="alert" className="rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-semibold">{t('review.missingTitle', { count: overview.missing.length })}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {overview.missing.map((item, index) => (
              <li key={`${item.step}:${item.key}:${index}`}>
                <Link href={intakePath(caseRow.slug, item.step)} className="underline">
                  {item.message ? item.message[locale] : t(`review.missing.${item.key}` as never)}
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
        <Facts
          rows={[
            [t('review.type'), category?.label[locale] ?? ''],
            ...(claimant.isMinor ? ([[t('review.minor'), t('review.minorYes')]] as [string, string][]) : []),
          ]}
        />
      </Section>
      <Section title={step('identity')} step="identity" caseSlug={caseRow.slug} editLabel={edit}>
        <Facts
          rows={[
            [claimant.isMinor ? t('identity.minorName') : t('identity.legalName'), claimant.legalName],
            ...(claimant.latinName ? ([[t('identity.latinName'), claimant.latinName]] as [string, string][]) : []),
            [t('identity.dateOfBirth'), decryptField(claimant.dateOfBirthEncrypted)],
            [t('identity.phone'), formatPhoneNumber(decryptField(claimant.phoneEncrypted) ?? '')],
            [t('identity.address'), decryptField(claimant.addressEncrypted)],
            [
              t('identity.region'),
              claimant.region ? `${regionName(definition.jurisdiction, claimant.region, locale)} ${claimant.locality ?? ''}` : '',
            ],
            ...(claimant.businessName
              ? ([
                  [
                    t('identity.businessName'),
                    `${claimant.businessName} (${formatBusinessNumber(claimant.businessRegistrationNumber ?? '')})`,
                  ],
                ] as [string, string][])
              : []),
            ...(claimant.isMinor
              ? ([
                  [
                    t('identity.guardianLegend'),
                    `${claimant.guardianRelation ? t(`identity.guardianRelations.${claimant.guardianRelation}` as never) : ''} ${claimant.guardianNames.join(', ')}`,
                  ],
                ] as [string, string][])
              : []),
          ]}
        />
      </Section>
      {visibility.steps.map((item) => (
        <Section key={item.id} title={item.title[locale]} step={item.id} caseSlug={caseRow.slug} editLabel={edit}>
          <Facts
            rows={item.questions
              .filter((question) => visibility.questions.has(question.id))
              .map(
                (question) =>
                  [question.label[locale], formatAnswer(definition, question, visibility.answers, locale) ?? ''] as [string, string],
              )}
          />
        </Section>
      ))}
      {context.steps.includes('damages') ? (
        <Section title={step('damages')} step="damages" caseSlug={caseRow.slug} editLabel={edit}>
          <ul className="space-y-1 text-sm">
            {overview.damages.map((item) => (
              <li key={item.id} className="flex justify-between gap-2">
                <span>
                  {damageLabel(item.category)}
                  {item.description ? ` — ${item.description}` : ''}
                </span>
                <span className="tabular-nums">{money(item.amountKrw)}</span>
              </li>
            ))}
          </ul>
          <p className="text-sm font-semibold">
            {t('review.total')}: {money(claimant.claimedTotalKrw)}
          </p>
        </Section>
      ) : null}
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
              {evidenceLabel(file.kind)}: {file.label || file.originalFilename}
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
