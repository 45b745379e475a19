'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Alert, buttonClass } from '@/app/_components/ui';

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

/** A step already signed: says so, and offers to go back or on. */
export function SignedContinue({
  message,
  backHref,
  backLabel,
  nextHref,
  nextLabel,
}: {
  message: string;
  backHref: string;
  backLabel: string;
  nextHref: string;
  nextLabel: string;
}) {
  return (
    <>
      <Alert tone="success" role="status">
        {message}
      </Alert>
      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-5 sm:flex-row sm:justify-between">
        <Link href={backHref} className={buttonClass('secondary', 'w-full sm:w-auto')}>
          {backLabel}
        </Link>
        <Link href={nextHref} className={buttonClass('primary', 'w-full sm:w-auto')}>
          {nextLabel}
        </Link>
      </div>
    </>
  );
}
