import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { INTAKE_STEPS, type IntakeStep, intakePath, stepIndex } from '@/lib/intake/steps';

/**
 * The frame of every wizard step: where the claimant is (step n of 10, a bar, and the whole list
 * behind a disclosure so a phone screen stays calm), the step's title and lead, then the step.
 */
export async function WizardFrame({
  caseSlug,
  caseTitle,
  step,
  completedSteps,
  children,
}: {
  caseSlug: string;
  caseTitle: string;
  step: IntakeStep;
  completedSteps: readonly string[];
  children: ReactNode;
}) {
  const t = await getTranslations('intake');
  const index = stepIndex(step);
  const percent = Math.round(((index + 1) / INTAKE_STEPS.length) * 100);
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div className="space-y-2">
        <p className="text-sm font-medium text-brand-700">
          <Link href={`/my/cases/${caseSlug}`} className="underline">
            {caseTitle}
          </Link>
        </p>
        <p className="text-sm text-slate-600" id="wizard-progress-label">
          {t('wizard.progress', { current: index + 1, total: INTAKE_STEPS.length })}
        </p>
        <div
          role="progressbar"
          aria-labelledby="wizard-progress-label"
          aria-valuemin={1}
          aria-valuemax={INTAKE_STEPS.length}
          aria-valuenow={index + 1}
          className="h-2 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
        </div>
        <details className="text-sm">
          <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700">{t('wizard.allSteps')}</summary>
          <ol className="mt-1 space-y-1">
            {INTAKE_STEPS.map((item, position) => {
              const isDone = completedSteps.includes(item);
              const label = `${position + 1}. ${t(`steps.${item}.title`)}`;
              return (
                <li key={item}>
                  <Link
                    href={intakePath(caseSlug, item)}
                    aria-current={item === step ? 'step' : undefined}
                    className={`flex min-h-11 items-center justify-between rounded-lg px-3 py-2 ${item === step ? 'bg-brand-50 font-semibold text-brand-800' : 'text-slate-700 hover:bg-slate-100'}`}
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
        <h1 className="text-2xl font-bold tracking-tight text-ink">{t(`steps.${step}.title`)}</h1>
        <p className="text-base text-slate-600">{t(`steps.${step}.lead`)}</p>
      </header>
      <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">{children}</section>
    </div>
  );
}
