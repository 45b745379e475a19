'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert, Button } from '@/app/_components/ui';
import { confirmSignatureAction, withdrawSignatureAction } from '@/lib/petition/actions';

/** The one button behind a mail link: confirm a signature, or withdraw it. */
export function SignatureLinkForm({ mode, caseSlug, token }: { mode: 'confirm' | 'withdraw'; caseSlug: string; token: string }) {
  const t = useTranslations(`petition.${mode}`);
  const [state, formAction, isPending] = useActionState(mode === 'confirm' ? confirmSignatureAction : withdrawSignatureAction, null);
  if (state?.ok) {
    return (
      <Alert tone="success" role="status" data-testid="signature-link-result">
        {t(`result.${state.data}`)}
      </Alert>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      {state && !state.ok ? (
        <Alert tone="error" role="alert">
          {state.message}
        </Alert>
      ) : null}
      <input type="hidden" name="caseSlug" value={caseSlug} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" variant={mode === 'withdraw' ? 'danger' : 'primary'} disabled={isPending} className="w-full">
        {t('button')}
      </Button>
    </form>
  );
}
