'use client';

import { useTranslations } from 'next-intl';
import { FailureAlert } from '@/app/_components/ui';
import { signConsentsAction } from '@/lib/intake/actions';
import { SignatureFields } from './signature-fields';
import { SignedContinue, StepNav } from './step-nav';
import { useActionForm } from '@/app/_components/use-action-form';

export type ConsentText = { kind: string; documentId: string; title: string; body: string; version: number; isSigned: boolean };

/** The retainer and the appointment of the representative party, read in full and signed together. */
export function ConsentForm({
  caseSlug,
  texts,
  legalName,
  backHref,
  nextHref,
}: {
  caseSlug: string;
  texts: ConsentText[];
  legalName: string;
  backHref: string;
  nextHref: string;
}) {
  const t = useTranslations('intake.consent');
  const { state, isPending, values, errors, formProps } = useActionForm(signConsentsAction);
  const isAllSigned = texts.length > 0 && texts.every((text) => text.isSigned);
  return (
    <div className="space-y-5">
      {texts.map((text) => (
        <div key={text.kind} className="space-y-2">
          <h2 id={`consent-${text.kind}`} className="text-base font-semibold">
            {text.title} <span className="text-sm font-normal text-slate-600">({t('version', { version: text.version })})</span>
          </h2>
          <div
            role="region"
            aria-labelledby={`consent-${text.kind}`}
            tabIndex={0}
            className="max-h-72 overflow-y-auto whitespace-pre-wrap rounded-xl border border-slate-300 bg-slate-50 p-4 text-[15px] leading-relaxed"
          >
            {text.body}
          </div>
          {text.isSigned ? <p className="text-sm font-medium text-emerald-700">{t('signed')}</p> : null}
        </div>
      ))}
      {isAllSigned ? (
        <SignedContinue message={t('allSigned')} backHref={backHref} backLabel={t('back')} nextHref={nextHref} nextLabel={t('continue')} />
      ) : (
        <form {...formProps} className="space-y-5" noValidate>
          <FailureAlert state={state} />
          <input type="hidden" name="caseSlug" value={caseSlug} />
          {texts.map((text) => (
            <input key={text.kind} type="hidden" name={`document_${text.kind}`} value={text.documentId} />
          ))}
          <SignatureFields legalName={legalName} confirmLabel={t('confirm')} values={values} errors={errors} />
          <StepNav backHref={backHref} isPending={isPending} submitLabel={t('submit')} />
        </form>
      )}
    </div>
  );
}
