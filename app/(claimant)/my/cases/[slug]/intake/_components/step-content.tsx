import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import type { Case, Claimant } from '@/db/schema';
import { answersToFormValues, evidenceKindsFor, helperDefaults } from '@/lib/claims';
import { loadClaimConsentTexts, listSignedConsents, signedCurrentKinds } from '@/lib/consents/queries';
import { decryptField } from '@/lib/crypto/field-encryption';
import { evidenceLimits, listOwnEvidence } from '@/lib/evidence/store';
import { toEvidenceView } from '@/lib/evidence/view';
import { formatBusinessNumber, formatPhoneNumber } from '@/lib/format/numbers';
import type { Locale } from '@/lib/i18n/config';
import { loadClaimOverview } from '@/lib/intake/completeness';
import type { ClaimContext } from '@/lib/claimants/claim-context';
import { listDamageItems, toDamageInputs } from '@/lib/claimants/damages';
import { identityOptionsFor } from '@/lib/intake/identity-context';
import { signerNamesOf } from '@/lib/claimants/draft';
import { type IntakeStep, intakePath, isQuestionStep, nextStep, previousStep } from '@/lib/claimants/intake-steps';
import { toKstDateInput } from '@/lib/forms/validators';
import { findLatestStatement, isStatementCurrent, renderClaimStatement } from '@/lib/statements/sign';
import { ConsentForm } from './consent-form';
import { DamagesForm } from './damages-form';
import { EvidenceUploader } from './evidence-uploader';
import { IdentityForm } from './identity-form';
import { QuestionStepForm } from './question-step-form';
import { ReviewSummary } from './review-summary';
import { SignForm } from './sign-form';
import { SubmitForm } from './submit-form';
import { TypeForm } from './type-form';

/** Loads what one step needs and renders its form, from the case's claim definition. */
export async function StepContent({
  step,
  context,
  caseRow,
  locale,
}: {
  step: IntakeStep;
  context: ClaimContext;
  caseRow: Case;
  locale: Locale;
}) {
  const db = await getDb();
  const { claimant, definition } = context;
  const back = previousStep(context.steps, step);
  const backHref = back ? intakePath(caseRow.slug, back) : `/my/cases/${caseRow.slug}`;
  const nextHref = intakePath(caseRow.slug, nextStep(context.steps, step) ?? 'review');
  const common = { caseSlug: caseRow.slug, claimantId: claimant.id };
  const defaults = identityDefaults(claimant);

  if (isQuestionStep(definition, step)) {
    const values = answersToFormValues(definition, context.answers);
    return (
      <QuestionStepForm
        {...common}
        definition={definition}
        stepId={step}
        category={claimant.category}
        savedAnswers={context.answers}
        defaults={Object.fromEntries(Object.entries(values).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : value]))}
        locale={locale}
        backHref={backHref}
      />
    );
  }
  switch (step) {
    case 'type':
      return (
        <TypeForm
          {...common}
          categories={definition.categories.map((category) => ({
            id: category.id,
            label: category.label[locale],
            description: category.description?.[locale] ?? '',
            allowsMinor: category.allowsMinorWithGuardian,
          }))}
          defaults={{ type: claimant.category ?? '', isMinor: claimant.isMinor ? 'on' : '' }}
        />
      );
    case 'identity': {
      const options = identityOptionsFor(context, caseRow);
      return (
        <IdentityForm
          {...common}
          business={options.category?.isBusiness ? 'required' : options.category?.businessOptional ? 'optional' : 'none'}
          isMinor={options.isMinor}
          asksLatinName={options.asksLatinName}
          jurisdiction={options.jurisdiction}
          locale={locale}
          latestBirthDate={toKstDateInput(new Date())}
          defaults={defaults}
          backHref={backHref}
        />
      );
    }
    case 'damages': {
      const items = await listDamageItems(db, claimant);
      const helperDefaultsById = Object.fromEntries(
        definition.damages.helpers.map((helper) => [helper.id, helperDefaults(definition, helper, context.state)]),
      );
      return (
        <DamagesForm
          {...common}
          definition={definition}
          state={context.state}
          savedItems={toDamageInputs(items)}
          helperDefaults={helperDefaultsById}
          locale={locale}
          backHref={backHref}
        />
      );
    }
    case 'sign':
      return <SignStep context={context} caseRow={caseRow} locale={locale} backHref={backHref} nextHref={nextHref} />;
    case 'evidence': {
      const files = await listOwnEvidence(db, claimant);
      const removableIds = files
        .filter((file) => claimant.status === 'draft' || (claimant.needsInfoAt && file.uploadedAt >= claimant.needsInfoAt))
        .map((file) => file.id);
      const t = await getTranslations('intake.evidence');
      const kinds = evidenceKindsFor(definition, context.state).map((offered) => ({
        id: offered.kind.id,
        label: offered.kind.label[locale],
        requirement: offered.requirement.required ? t('requiredKind', { min: offered.min }) : t('optionalKind'),
      }));
      return (
        <div className="space-y-6">
          <ul className="space-y-1 text-sm" aria-label={t('kindsTitle')} data-testid="evidence-kinds">
            {kinds.map((kind) => (
              <li key={kind.id}>
                <span className="font-medium">{kind.label}</span> — {kind.requirement}
              </li>
            ))}
          </ul>
          <EvidenceUploader
            caseSlug={caseRow.slug}
            initialFiles={files.map((file) => toEvidenceView(file, caseRow.slug))}
            removableIds={removableIds}
            limits={evidenceLimits()}
            kinds={kinds}
            today={toKstDateInput(new Date())}
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
          legalName={signerNamesOf(claimant)[0] ?? ''}
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
      const overview = await loadClaimOverview(db, context, caseRow, locale);
      return (
        <div className="space-y-6">
          <ReviewSummary context={context} caseRow={caseRow} overview={overview} locale={locale} />
          {claimant.status === 'draft' ? (
            <SubmitForm caseSlug={caseRow.slug} isComplete={overview.missing.length === 0} backHref={backHref} />
          ) : (
            <NeedsInfoNote caseSlug={caseRow.slug} />
          )}
        </div>
      );
    }
    default:
      return null;
  }
}

/** The identity step's saved values, decrypted for the claimant's own eyes only. */
function identityDefaults(claimant: Claimant): Record<string, string> {
  return {
    legalName: claimant.legalName ?? '',
    latinName: claimant.latinName ?? '',
    dateOfBirth: decryptField(claimant.dateOfBirthEncrypted) ?? '',
    phone: formatPhoneNumber(decryptField(claimant.phoneEncrypted) ?? ''),
    address: decryptField(claimant.addressEncrypted) ?? '',
    locality: claimant.locality ?? '',
    region: claimant.region ?? '',
    businessName: claimant.businessName ?? '',
    businessRegistrationNumber: formatBusinessNumber(claimant.businessRegistrationNumber ?? ''),
    guardianRelation: claimant.guardianRelation ?? '',
    guardianName: claimant.guardianNames[0] ?? '',
    secondGuardianName: claimant.guardianNames[1] ?? '',
  };
}

async function SignStep({
  context,
  caseRow,
  locale,
  backHref,
  nextHref,
}: {
  context: ClaimContext;
  caseRow: Case;
  locale: Locale;
  backHref: string;
  nextHref: string;
}) {
  const [t, format] = await Promise.all([getTranslations('intake.sign'), getFormatter()]);
  const db = await getDb();
  const { claimant } = context;
  const damages = await listDamageItems(db, claimant);
  const rendered = renderClaimStatement({ claimant, caseRow, definition: context.definition, damages, locale });
  if (!rendered || !claimant.legalName) {
    return (
      <div className="space-y-4">
        <p>{!claimant.legalName ? t('identityFirst') : t('answersFirst')}</p>
        <StepLinks backHref={intakePath(caseRow.slug, !claimant.legalName ? 'identity' : 'type')} nextHref={null} />
      </div>
    );
  }
  const latest = await findLatestStatement(db, claimant);
  const isCurrentSigned =
    isStatementCurrent(latest, { claimant, caseRow, definition: context.definition, damages }) && latest?.language === locale;
  return (
    <SignForm
      caseSlug={caseRow.slug}
      text={rendered.text}
      sha256={rendered.sha256}
      legalName={signerNamesOf(claimant)[0] ?? claimant.legalName}
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
