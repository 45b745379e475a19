'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/form-field';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { requestPasswordResetAction } from '@/lib/users/actions';

export function ForgotPasswordForm() {
  const t = useTranslations('auth.forgot');
  const [state, formAction, isPending] = useActionState(requestPasswordResetAction, null);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state?.ok ? (
        <Alert tone="success" role="status">
          {state.message}
        </Alert>
      ) : (
        <FailureAlert state={state} />
      )}
      <TextField
        name="email"
        type="email"
        label={t('email')}
        autoComplete="email"
        defaultValue={state && !state.ok ? state.values.email : undefined}
        error={state && !state.ok ? state.fieldErrors.email : undefined}
        required
      />
      <Button type="submit" disabled={isPending} className="w-full">
        {t('submit')}
      </Button>
    </form>
  );
}
