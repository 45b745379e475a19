import { notFound, redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { requireOwnClaimant } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { localized } from '@/lib/cases/queries';
import { toLocale } from '@/lib/i18n/config';
import { loadClaimContext } from '@/lib/claimants/claim-context';
import { intakePath, isEditable, isIntakeStep } from '@/lib/claimants/intake-steps';
import { DefinitionChangesNotice } from '../_components/definition-changes';
import { StepContent } from '../_components/step-content';
import { type StepHeading, WizardFrame } from '../_components/wizard-frame';

type Props = { params: Promise<{ slug: string; step: string }> };

/**
 * One step of the intake wizard; the claim must be the signed-in person's own and still editable.
 * The steps are the case's claim definition's, around the wizard's own (category, identity, …).
 */
export default async function IntakeStepPage({ params }: Props) {
  const { slug, step } = await params;
  const access = await guardPage(() => requireOwnClaimant(slug), intakePath(slug, step));
  if (!isEditable(access.claimant.status)) redirect(`/my/cases/${slug}`);
  const context = await loadClaimContext(await getDb(), access.claimant, access.case);
  if (!isIntakeStep(context.definition, step)) notFound();
  const locale = toLocale(await getLocale());
  const t = await getTranslations('intake');
  const headings: StepHeading[] = context.steps.map((id) => {
    const own = context.definition.steps.find((item) => item.id === id);
    return own
      ? { id, title: own.title[locale], lead: own.lead?.[locale] ?? '' }
      : { id, title: t(`steps.${id}.title` as never), lead: t(`steps.${id}.lead` as never) };
  });
  return (
    <WizardFrame
      caseSlug={slug}
      caseTitle={localized(access.case, 'title', locale)}
      step={step}
      steps={headings}
      completedSteps={context.claimant.completedSteps}
      notice={<DefinitionChangesNotice notice={context.claimant.definitionChanges} locale={locale} />}
      claimStatus={context.claimant.status}
    >
      <StepContent step={step} context={context} caseRow={access.case} locale={locale} />
    </WizardFrame>
  );
}
