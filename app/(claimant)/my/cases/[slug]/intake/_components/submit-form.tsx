'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { buttonClass } from '@/app/_components/ui';
import { submitClaimAction } from '@/lib/intake/actions';
import { StepAlert } from './step-nav';

export function SubmitForm({ caseSlug, isComplete, backHref }: { caseSlug: string; isComplete: boolean; backHref: string }) {
  const t = useTranslations('intake.review');
  const [state, action, isPending] = useActionState(submitClaimAction, null);
  return (
    <form action={action} className="space-y-4">
      <StepAlert state={state} />
      <input type="hidden" name="caseSlug" value={caseSlug} />
      <p className="text-sm text-slate-700">{isComplete ? t('readyToSubmit') : t('notReady')}</p>
      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-5 sm:flex-row sm:justify-between">
        <Link href={backHref} className={buttonClass('secondary', 'w-full sm:w-auto')}>
          {t('back')}
        </Link>
        <button type="submit" disabled={!isComplete || isPending} className={buttonClass('primary', 'w-full sm:w-auto')}>
          {isPending ? t('submitting') : t('submit')}
        </button>
      </div>
    </form>
  );
}
