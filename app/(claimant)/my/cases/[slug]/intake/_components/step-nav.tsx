'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Alert, buttonClass } from '@/app/_components/ui';
import type { ActionState } from '@/lib/forms/action';

/** The error summary at the top of a step: said once, with each field's own message beside it. */
export function StepAlert({ state }: { state: ActionState<unknown> }) {
  if (!state || state.ok) return null;
  return (
    <Alert tone="error" role="alert">
      {state.message}
    </Alert>
  );
}

/** Back and next, at the bottom of every step; next saves the step first. */
export function StepNav({ backHref, isPending, submitLabel }: { backHref: string | null; isPending: boolean; submitLabel?: string }) {
  const t = useTranslations('intake.wizard');
  return (
    <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-5 sm:flex-row sm:justify-between">
      {backHref ? (
        <Link href={backHref} className={buttonClass('secondary', 'w-full sm:w-auto')}>
          {t('back')}
        </Link>
      ) : (
        <span />
      )}
      <button type="submit" disabled={isPending} className={buttonClass('primary', 'w-full sm:w-auto')}>
        {isPending ? t('saving') : (submitLabel ?? t('next'))}
      </button>
    </div>
  );
}
