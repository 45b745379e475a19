import { redirect } from 'next/navigation';
import { requireOwnClaimant } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { INTAKE_STEPS, intakePath } from '@/lib/intake/steps';

/** /my/cases/[slug]/intake resumes at the first step not saved yet. */
export default async function IntakeIndexPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await guardPage(() => requireOwnClaimant(slug), `/my/cases/${slug}/intake`);
  const next = INTAKE_STEPS.find((step) => !access.claimant.completedSteps.includes(step)) ?? 'review';
  redirect(intakePath(slug, next));
}
