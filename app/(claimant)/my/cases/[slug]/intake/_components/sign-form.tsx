'use client';

import { useTranslations } from 'next-intl';
import { Alert, FailureAlert } from '@/app/_components/ui';
import { signStatementAction } from '@/lib/intake/actions';
import { SignatureFields } from './signature-fields';
import { SignedContinue, StepNav } from './step-nav';
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
  const { state, isPending, values, errors, formProps } = useActionForm(signStatementAction);
  return (
    <div className="space-y-5">
      <h2 className="text-base font-semibold" id="statement-text-title">
        {t('textTitle')}
      </h2>
      <div
        role="region"
        aria-labelledby="statement-text-title"
        tabIndex={0}
        className="max-h-[28rem] overflow-y-auto whitespace-pre-wrap rounded-xl border border-slate-300 bg-slate-50 p-4 font-serif text-[15px] leading-relaxed"
        data-testid="statement-text"
      >
        {text}
      </div>
      <p className="break-all text-xs text-slate-500">{t('hash', { hash: sha256 })}</p>
      {isCurrentSigned && latest ? (
        <SignedContinue
          message={t('alreadySigned', { version: latest.version, date: latest.signedAt })}
          backHref={backHref}
          backLabel={t('changeAnswers')}
          nextHref={nextHref}
          nextLabel={t('continue')}
        />
      ) : (
        <form {...formProps} className="space-y-5" noValidate>
          <FailureAlert state={state} />
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
