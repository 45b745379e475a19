import Link from 'next/link';
import { getFormatter } from 'next-intl/server';
import { buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import type { Case, Claimant } from '@/db/schema';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';
import { loadClaimConsentTexts, listSignedConsents, signedCurrentKinds } from '@/lib/consents/queries';
import { evidenceLimits, listOwnEvidence } from '@/lib/evidence/store';
import { toEvidenceView } from '@/lib/evidence/view';
import { loadClaimOverview } from '@/lib/intake/completeness';
import { loadHelperDefaults, loadIntakeDefaults } from '@/lib/intake/draft';
import { listDamageItems } from '@/lib/intake/save-damages';
import { type IntakeStep, intakePath, nextStep, previousStep } from '@/lib/intake/steps';
import { toKstDateInput } from '@/lib/intake/validators';
import { BULLETINS } from '@/lib/statements/questionnaire';
import { formatStatementDate, formatStatementDateTime } from '@/lib/statements/render';
import { findLatestStatement, isStatementCurrent, renderDraftStatement } from '@/lib/statements/sign';
import { ConnectionForm } from './connection-form';
import { ConsentForm } from './consent-form';
import { type DamageItemDraft, DamagesForm } from './damages-form';
import { EvidenceUploader } from './evidence-uploader';
import { IdentityForm } from './identity-form';
import { OutageForm } from './outage-form';
import { ReviewSummary } from './review-summary';
import { SignForm } from './sign-form';
import { StatementForm } from './statement-form';
import { SubmitForm } from './submit-form';
import { TypeForm } from './type-form';

const FALLBACK_INCIDENT = new Date('2003-01-25T14:30:00+09:00');

/** Loads what one step needs and renders its form. */
export async function StepContent({
  step,
  claimant,
  caseRow,
  locale,
}: {
  step: IntakeStep;
  claimant: Claimant;
  caseRow: Case;
  locale: Locale;
}) {
  const db = await getDb();
  const defaults = loadIntakeDefaults(claimant, caseRow);
  const back = previousStep(step);
  const backHref = back ? intakePath(caseRow.slug, back) : `/my/cases/${caseRow.slug}`;
  const nextHref = intakePath(caseRow.slug, nextStep(step) ?? 'review');
  const common = { caseSlug: caseRow.slug, claimantId: claimant.id };
  const incident = caseRow.incidentStartedAt ?? FALLBACK_INCIDENT;

  switch (step) {
    case 'type':
      return <TypeForm {...common} defaults={defaults} />;
    case 'identity':
      return (
        <IdentityForm
          {...common}
          claimantType={claimant.type}
          latestBirthDate={toKstDateInput(new Date(incident.getTime() - 24 * 3600_000))}
          defaults={defaults}
          backHref={backHref}
        />
      );
    case 'connection':
      return <ConnectionForm {...common} defaults={defaults} backHref={backHref} />;
    case 'outage':
      return <OutageForm {...common} defaults={defaults} incidentLabel={formatStatementDateTime(incident, locale)} backHref={backHref} />;
    case 'damages': {
      const items = await listDamageItems(db, claimant);
      const savedItems: DamageItemDraft[] = items.map((item) => ({
        category: item.category,
        description: item.description,
        amountKrw: String(item.amountKrw),
        calculation: item.calculation as DamageItemDraft['calculation'],
      }));
      return <DamagesForm {...common} savedItems={savedItems} helperDefaults={loadHelperDefaults(claimant)} backHref={backHref} />;
    }
    case 'statement': {
      const bulletinDates = Object.fromEntries(
        BULLETINS.map((bulletin) => [bulletin.id, formatStatementDate(bulletin.publishedOn, locale)]),
      );
      return (
        <StatementForm
          {...common}
          defaults={defaults}
          bulletinDates={bulletinDates}
          incidentLabel={formatStatementDateTime(incident, locale)}
          backHref={backHref}
        />
      );
    }
    case 'sign':
      return <SignStep claimant={claimant} caseRow={caseRow} locale={locale} backHref={backHref} nextHref={nextHref} />;
    case 'evidence': {
      const files = await listOwnEvidence(db, claimant);
      const removableIds = files
        .filter((file) => claimant.status === 'draft' || (claimant.needsInfoAt && file.uploadedAt >= claimant.needsInfoAt))
        .map((file) => file.id);
      return (
        <div className="space-y-6">
          <EvidenceUploader
            caseSlug={caseRow.slug}
            initialFiles={files.map((file) => toEvidenceView(file, caseRow.slug))}
            removableIds={removableIds}
            limits={evidenceLimits()}
          />
          <StepLinks backHref={backHref} nextHref={nextHref} />
        </div>
      );
    }
    case 'consent': {
      const [texts, signed] = await Promise.all([loadClaimConsentTexts(db, caseRow.id, locale), listSignedConsents(db, claimant)]);
      const signedKinds = signedCurrentKinds(signed, texts);
      return (
        <ConsentForm
          caseSlug={caseRow.slug}
          legalName={claimant.legalName ?? ''}
          texts={texts.map(({ kind, document }) => ({
            kind,
            documentId: document.id,
            title: document.title,
            body: document.body,
            version: document.version,
            isSigned: signedKinds.has(kind),
          }))}
          backHref={backHref}
          nextHref={nextHref}
        />
      );
    }
    case 'review': {
      const overview = await loadClaimOverview(db, claimant, caseRow, locale);
      return (
        <div className="space-y-6">
          <ReviewSummary claimant={claimant} caseRow={caseRow} overview={overview} />
          {claimant.status === 'draft' ? (
            <SubmitForm caseSlug={caseRow.slug} isComplete={overview.missing.length === 0} backHref={backHref} />
          ) : (
            <NeedsInfoNote caseSlug={caseRow.slug} />
          )}
        </div>
      );
    }
  }
}

async function SignStep({
  claimant,
  caseRow,
  locale,
  backHref,
  nextHref,
}: {
  claimant: Claimant;
  caseRow: Case;
  locale: Locale;
  backHref: string;
  nextHref: string;
}) {
  const [t, format] = await Promise.all([getTranslations('intake.sign'), getFormatter()]);
  const rendered = renderDraftStatement(claimant, caseRow, locale);
  if (!rendered || !claimant.legalName) {
    return (
      <div className="space-y-4">
        <p>{!claimant.legalName ? t('identityFirst') : t('answersFirst')}</p>
        <StepLinks backHref={!claimant.legalName ? intakePath(caseRow.slug, 'identity') : backHref} nextHref={null} />
      </div>
    );
  }
  const latest = await findLatestStatement(await getDb(), claimant);
  const isCurrentSigned = isStatementCurrent(latest, claimant, caseRow) && latest?.language === locale;
  return (
    <SignForm
      caseSlug={caseRow.slug}
      text={rendered.text}
      sha256={rendered.sha256}
      legalName={claimant.legalName}
      latest={
        latest
          ? {
              version: latest.version,
              signedAt: format.dateTime(latest.signedAt, { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' }),
              sha256: latest.textSha256,
            }
          : null
      }
      isCurrentSigned={isCurrentSigned}
      backHref={backHref}
      nextHref={nextHref}
    />
  );
}

async function StepLinks({ backHref, nextHref }: { backHref: string; nextHref: string | null }) {
  const t = await getTranslations('intake.wizard');
  return (
    <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-5 sm:flex-row sm:justify-between">
      <Link href={backHref} className={buttonClass('secondary', 'w-full sm:w-auto')}>
        {t('back')}
      </Link>
      {nextHref ? (
        <Link href={nextHref} className={buttonClass('primary', 'w-full sm:w-auto')}>
          {t('continue')}
        </Link>
      ) : null}
    </div>
  );
}

async function NeedsInfoNote({ caseSlug }: { caseSlug: string }) {
  const t = await getTranslations('intake.review');
  return (
    <p className="rounded-xl bg-amber-50 p-4 text-sm text-amber-900">
      {t('needsInfoNote')}{' '}
      <Link href={`/my/cases/${caseSlug}`} className="font-medium underline">
        {t('toHome')}
      </Link>
    </p>
  );
}
