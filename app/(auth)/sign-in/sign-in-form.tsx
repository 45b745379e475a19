'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { TextField } from '@/app/_components/form-field';
import { Button, FailureAlert } from '@/app/_components/ui';
import { signInAction } from '@/lib/auth/sign-in-action';

/**
 * A server-action form (issue 17, item 17): React renders it with method="POST", so a submit
 * before hydration or with JavaScript off posts the password in the body, never in the URL, and
 * still signs in. With JavaScript the typed password is put back for the code step; without,
 * the page comes back asking for both again.
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth.signIn');
  const [state, formAction, isPending] = useActionState(signInAction, null);
  const [isRecoveryCode, setRecoveryCode] = useState(false);
  const needsTotp = Boolean(state?.needsTotp);
  // React clears the form once the action has run; the password typed is put back for the code
  // step (kept in memory only, never in the page). Uncontrolled, so typing before hydration counts.
  const passwordField = useRef<HTMLInputElement>(null);
  const typedPassword = useRef('');
  useEffect(() => {
    if (needsTotp && passwordField.current && !passwordField.current.value) passwordField.current.value = typedPassword.current;
  }, [state, needsTotp]);

  return (
    <form
      action={formAction}
      className="space-y-4"
      noValidate
      onSubmit={() => {
        typedPassword.current = passwordField.current?.value ?? '';
      }}
    >
      <FailureAlert state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField name="email" type="email" label={t('email')} autoComplete="email" defaultValue={state?.values.email} required />
      <TextField name="password" type="password" label={t('password')} autoComplete="current-password" ref={passwordField} required />
      {needsTotp && !isRecoveryCode ? (
        <TextField
          key="app-code"
          name="totp"
          label={t('totp')}
          hint={t('totpHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
        />
      ) : null}
      {needsTotp && isRecoveryCode ? (
        <TextField
          key="recovery-code"
          name="totp"
          label={t('recoveryCode')}
          hint={t('recoveryCodeHint')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={16}
        />
      ) : null}
      {needsTotp ? (
        <Button type="button" variant="ghost" className="w-full" onClick={() => setRecoveryCode((current) => !current)}>
          {isRecoveryCode ? t('useAppCode') : t('useRecoveryCode')}
        </Button>
      ) : null}
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
