'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { CheckboxField, TextField } from '@/app/_components/form-field';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { eraseAccountAction } from '@/lib/erasure/actions';
import { useActionForm } from '@/app/_components/use-action-form';

/** Deletes the account (or, with a claim on a filing, restricts it); asks for the password again. */
export function EraseForm() {
  const t = useTranslations('claimant.erase');
  const { state, isPending, values, errors, formProps } = useActionForm(eraseAccountAction);
  const isErased = state?.ok && state.data.outcome === 'erased';
  useEffect(() => {
    if (isErased) void signOut({ callbackUrl: '/?erased=1' });
  }, [isErased]);
  if (state?.ok) {
    return (
      <Alert tone={isErased ? 'success' : 'warning'} role="status" data-testid="erase-result">
        {isErased ? t('erased') : t('restricted')}
      </Alert>
    );
  }
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <FailureAlert state={state} />
      <TextField name="password" type="password" label={t('password')} autoComplete="current-password" error={errors.password} required />
      <CheckboxField name="confirm" label={t('confirm')} defaultChecked={values.confirm === 'on'} error={errors.confirm} />
      <Button type="submit" variant="danger" disabled={isPending} className="w-full sm:w-auto">
        {t('submit')}
      </Button>
    </form>
  );
}
