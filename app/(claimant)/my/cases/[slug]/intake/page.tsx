import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireOwnClaimant } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { loadClaimContext } from '@/lib/claimants/claim-context';
import { intakePath } from '@/lib/claimants/intake-steps';

/** /my/cases/[slug]/intake resumes at the first step not saved yet. */
export default async function IntakeIndexPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await guardPage(() => requireOwnClaimant(slug), `/my/cases/${slug}/intake`);
  const context = await loadClaimContext(await getDb(), access.claimant, access.case);
  const next = context.steps.find((step) => !context.claimant.completedSteps.includes(step)) ?? 'review';
  redirect(intakePath(slug, next));
}
