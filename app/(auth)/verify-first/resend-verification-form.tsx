'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { resendVerificationAction } from '@/lib/users/actions';

export function ResendVerificationForm() {
  const t = useTranslations('auth.verifyFirst');
  const [state, formAction, isPending] = useActionState(resendVerificationAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <FailureAlert state={state} />
      {state?.ok ? (
        <Alert tone="success" role="status">
          {state.message}
        </Alert>
      ) : null}
      <Button type="submit" variant="secondary" disabled={isPending}>
        {t('resend')}
      </Button>
    </form>
  );
}
