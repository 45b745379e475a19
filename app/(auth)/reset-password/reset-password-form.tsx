'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/form-field';
import { Alert, Button, buttonClass, FailureAlert } from '@/app/_components/ui';
import { resetPasswordAction } from '@/lib/users/actions';

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('auth.reset');
  const nav = useTranslations('common.nav');
  const [state, formAction, isPending] = useActionState(resetPasswordAction, null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success" role="status">
          {state.message}
        </Alert>
        <Link href="/sign-in" className={buttonClass('primary')}>
          {nav('signIn')}
        </Link>
      </div>
    );
  }
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FailureAlert state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField name="password" type="password" label={t('password')} autoComplete="new-password" error={errors.password} required />
      <TextField
        name="passwordConfirm"
        type="password"
        label={t('passwordConfirm')}
        autoComplete="new-password"
        error={errors.passwordConfirm}
        required
      />
      <Button type="submit" disabled={isPending} className="w-full">
        {t('submit')}
      </Button>
    </form>
  );
}
