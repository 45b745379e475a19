'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Alert, buttonClass } from '@/app/_components/ui';
import { signStatementAction } from '@/lib/intake/actions';
import { SignatureFields } from './signature-fields';
import { StepAlert, StepNav } from './step-nav';
import { useActionForm } from '@/app/_components/use-action-form';

export type SignedInfo = { version: number; signedAt: string; sha256: string };

/** Shows the statement the answers produced, then takes the signature on exactly that text. */
export function SignForm({
  caseSlug,
  text,
  sha256,
  legalName,
  latest,
  isCurrentSigned,
  backHref,
  nextHref,
}: {
  caseSlug: string;
  text: string;
  sha256: string;
  legalName: string;
  latest: SignedInfo | null;
  isCurrentSigned: boolean;
  backHref: string;
  nextHref: string;
}) {
  const t = useTranslations('intake.sign');
  const { state, isPending, formProps } = useActionForm(signStatementAction);
  const values = state && !state.ok ? state.values : {};
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <div className="space-y-5">
      <h2 className="text-base font-semibold" id="statement-text-title">
        {t('textTitle')}
      </h2>
      <div role="region" aria-labelledby="statement-text-title" tabIndex={0} className="max-h-[28rem] overflow-y-auto whitespace-pre-wrap rounded-xl border border-slate-300 bg-slate-50 p-4 font-serif text-[15px] leading-relaxed" data-testid="statement-text">
        {text}
      </div>
      <p className="break-all text-xs text-slate-500">{t('hash', { hash: sha256 })}</p>
      {isCurrentSigned && latest ? (
        <>
          <Alert tone="success" role="status">
            {t('alreadySigned', { version: latest.version, date: latest.signedAt })}
          </Alert>
          <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-5 sm:flex-row sm:justify-between">
            <Link href={backHref} className={buttonClass('secondary', 'w-full sm:w-auto')}>
              {t('changeAnswers')}
            </Link>
            <Link href={nextHref} className={buttonClass('primary', 'w-full sm:w-auto')}>
              {t('continue')}
            </Link>
          </div>
        </>
      ) : (
        <form {...formProps} className="space-y-5" noValidate>
          <StepAlert state={state} />
          {latest ? (
            <Alert tone="warning" role="status">
              {t('amendment', { version: latest.version, next: latest.version + 1 })}
            </Alert>
          ) : null}
          <input type="hidden" name="caseSlug" value={caseSlug} />
          <input type="hidden" name="shownSha256" value={sha256} />
          <SignatureFields legalName={legalName} confirmLabel={t('confirm')} values={values} errors={errors} />
          <StepNav backHref={backHref} isPending={isPending} submitLabel={t('submit')} />
        </form>
      )}
    </div>
  );
}
