import { notFound, redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { requireOwnClaimant } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { localized } from '@/lib/cases/queries';
import { toLocale } from '@/lib/i18n/config';
import { intakePath, isEditable, isIntakeStep } from '@/lib/intake/steps';
import { StepContent } from '../_components/step-content';
import { WizardFrame } from '../_components/wizard-frame';

type Props = { params: Promise<{ slug: string; step: string }> };

/** One step of the intake wizard; the claim must be the signed-in person's own and still editable. */
export default async function IntakeStepPage({ params }: Props) {
  const { slug, step } = await params;
  if (!isIntakeStep(step)) notFound();
  const access = await guardPage(() => requireOwnClaimant(slug), intakePath(slug, step));
  if (!isEditable(access.claimant.status)) redirect(`/my/cases/${slug}`);
  const locale = toLocale(await getLocale());
  return (
    <WizardFrame
      caseSlug={slug}
      caseTitle={localized(access.case, 'title', locale)}
      step={step}
      completedSteps={access.claimant.completedSteps}
    >
      <StepContent step={step} claimant={access.claimant} caseRow={access.case} locale={locale} />
    </WizardFrame>
  );
}
