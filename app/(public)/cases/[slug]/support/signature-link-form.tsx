'use client';

import { useTranslations } from 'next-intl';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { confirmSignatureAction, withdrawSignatureAction } from '@/lib/petition/actions';
import { useActionForm } from '@/app/_components/use-action-form';

/** The one button behind a mail link: confirm a signature, or withdraw it. */
export function SignatureLinkForm({ mode, caseSlug, token }: { mode: 'confirm' | 'withdraw'; caseSlug: string; token: string }) {
  const t = useTranslations(`petition.${mode}`);
  const { state, isPending, formProps } = useActionForm(mode === 'confirm' ? confirmSignatureAction : withdrawSignatureAction);
  if (state?.ok) {
    return (
      <Alert tone="success" role="status" data-testid="signature-link-result">
        {t(`result.${state.data}`)}
      </Alert>
    );
  }
  return (
    <form {...formProps} className="space-y-4">
      <FailureAlert state={state} />
      <input type="hidden" name="caseSlug" value={caseSlug} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" variant={mode === 'withdraw' ? 'danger' : 'primary'} disabled={isPending} className="w-full">
        {t('button')}
      </Button>
    </form>
  );
}
