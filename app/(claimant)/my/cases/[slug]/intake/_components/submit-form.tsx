'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass, FailureAlert } from '@/app/_components/ui';
import { submitClaimAction } from '@/lib/intake/actions';
import { useActionForm } from '@/app/_components/use-action-form';

export function SubmitForm({ caseSlug, isComplete, backHref }: { caseSlug: string; isComplete: boolean; backHref: string }) {
  const t = useTranslations('intake.review');
  const { state, isPending, formProps } = useActionForm(submitClaimAction);
  return (
    <form {...formProps} className="space-y-4">
      <FailureAlert state={state} />
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
