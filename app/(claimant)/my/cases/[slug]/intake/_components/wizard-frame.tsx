import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { buttonClass } from '@/app/_components/ui';
import type { ClaimantStatus } from '@/db/schema';
import { type IntakeStep, intakePath } from '@/lib/claimants/intake-steps';

/** A step's title and lead as the page shows them (the definition's own, or the wizard's catalog). */
export type StepHeading = { id: IntakeStep; title: string; lead: string };

/**
 * The frame of every wizard step: where the claimant is (step n of all, a bar, and the whole list
 * behind a disclosure so a phone screen stays calm), the step's title and lead, then the step.
 * A way back to the claim's home is always there; while counsel's request is being answered
 * (a claimant sent to upload more from the claim page), it is a button that says what comes next.
 */
export async function WizardFrame({
  caseSlug,
  caseTitle,
  step,
  steps,
  completedSteps,
  notice,
  claimStatus,
  children,
}: {
  caseSlug: string;
  caseTitle: string;
  step: IntakeStep;
  /** Every step of this claimant's wizard, in order, with its heading. */
  steps: StepHeading[];
  completedSteps: readonly string[];
  /** Shown above the step: what a newer definition changed in the draft. */
  notice?: ReactNode;
  claimStatus: ClaimantStatus;
  children: ReactNode;
}) {
  const t = await getTranslations('intake');
  const index = Math.max(
    0,
    steps.findIndex((item) => item.id === step),
  );
  const heading = steps[index];
  const percent = Math.round(((index + 1) / steps.length) * 100);
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div className="space-y-2">
        <nav aria-label={t('wizard.toClaimHome')} className="text-sm font-medium text-brand-700">
          <Link href={`/my/cases/${caseSlug}`} className="inline-flex min-h-11 items-center gap-1 underline" data-testid="claim-home-link">
            <span aria-hidden>←</span> {t('wizard.toClaimHome')} · {caseTitle}
          </Link>
        </nav>
        {claimStatus === 'needs_info' ? (
          <div
            className="space-y-3 rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900"
            data-testid="answering-banner"
          >
            <p className="font-semibold">{t('wizard.answeringTitle')}</p>
            <p>{t('wizard.answeringLead')}</p>
            <Link href={`/my/cases/${caseSlug}#info-request`} className={buttonClass('secondary', 'w-full sm:w-auto')}>
              {t('wizard.backToAnswer')}
            </Link>
          </div>
        ) : null}
        <p className="text-sm text-slate-600" id="wizard-progress-label">
          {t('wizard.progress', { current: index + 1, total: steps.length })}
        </p>
        <div
          role="progressbar"
          aria-labelledby="wizard-progress-label"
          aria-valuemin={1}
          aria-valuemax={steps.length}
          aria-valuenow={index + 1}
          className="h-2 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
        </div>
        <details className="text-sm">
          <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700">{t('wizard.allSteps')}</summary>
          <ol className="mt-1 space-y-1">
            {steps.map((item, position) => {
              const isDone = completedSteps.includes(item.id);
              const label = `${position + 1}. ${item.title}`;
              return (
                <li key={item.id}>
                  <Link
                    href={intakePath(caseSlug, item.id)}
                    aria-current={item.id === step ? 'step' : undefined}
                    className={`flex min-h-11 items-center justify-between rounded-lg px-3 py-2 ${item.id === step ? 'bg-brand-50 font-semibold text-brand-800' : 'text-slate-700 hover:bg-slate-100'}`}
                  >
                    <span>{label}</span>
                    {isDone ? <span className="text-xs text-emerald-700">{t('wizard.saved')}</span> : null}
                  </Link>
                </li>
              );
            })}
          </ol>
        </details>
      </div>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight text-ink">{heading.title}</h1>
        {heading.lead ? <p className="text-base text-slate-600">{heading.lead}</p> : null}
      </header>
      {notice}
      <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">{children}</section>
    </div>
  );
}
