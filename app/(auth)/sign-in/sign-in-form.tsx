'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { TextField } from '@/app/_components/form-field';
import { Button, FailureAlert } from '@/app/_components/ui';

const KNOWN_ERRORS = ['invalid', 'throttled', 'totp_required', 'totp_invalid'] as const;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth.signIn');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const [needsTotp, setNeedsTotp] = useState(false);
  const [isRecoveryCode, setRecoveryCode] = useState(false);
  // One object per refusal, so the error summary takes the focus each time.
  const refusal = useMemo(() => (error ? { ok: false, message: error } : null), [error]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn('credentials', {
      redirect: false,
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      totp: String(form.get('totp') ?? ''),
    }).catch(() => null);
    setPending(false);
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    const code = (KNOWN_ERRORS as readonly string[]).includes(result?.error ?? '')
      ? (result!.error as (typeof KNOWN_ERRORS)[number])
      : null;
    if (code === 'totp_required' || code === 'totp_invalid') setNeedsTotp(true);
    setError(code ? t(`errors.${code}`) : t('errors.generic'));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FailureAlert state={refusal} />
      <TextField name="email" type="email" label={t('email')} autoComplete="email" required />
      <TextField name="password" type="password" label={t('password')} autoComplete="current-password" required />
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
