'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/form-field';
import { Alert, Button } from '@/app/_components/ui';
import { confirmTotpEnrollmentAction, disableTotpAction, startTotpEnrollmentAction } from '@/lib/auth/actions';
import type { ActionState } from '@/lib/forms/action';

function ResultAlert({ state }: { state: ActionState }) {
  if (!state?.message) return null;
  return (
    <Alert tone={state.ok ? 'success' : 'error'} role={state.ok ? 'status' : 'alert'}>
      {state.message}
    </Alert>
  );
}

export function StartTotpForm({ label, variant = 'primary' }: { label: string; variant?: 'primary' | 'secondary' }) {
  const [state, formAction, isPending] = useActionState(startTotpEnrollmentAction, null);
  return (
    <form action={formAction} className="space-y-3">
      {state && !state.ok ? <ResultAlert state={state} /> : null}
      <Button type="submit" variant={variant} disabled={isPending}>
        {label}
      </Button>
    </form>
  );
}

function CodeForm({ action, submitLabel, variant }: { action: typeof confirmTotpEnrollmentAction; submitLabel: string; variant: 'primary' | 'danger' }) {
  const t = useTranslations('security.account');
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className="max-w-sm space-y-4" noValidate>
      <ResultAlert state={state} />
      <TextField
        name="code"
        label={t('codeLabel')}
        hint={t('codeHint')}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]{6,7}"
        maxLength={7}
        error={state && !state.ok ? state.fieldErrors.code : undefined}
        required
      />
      <Button type="submit" variant={variant} disabled={isPending}>
        {submitLabel}
      </Button>
    </form>
  );
}

export function ConfirmTotpForm() {
  const t = useTranslations('security.account');
  return <CodeForm action={confirmTotpEnrollmentAction} submitLabel={t('confirm')} variant="primary" />;
}

export function DisableTotpForm() {
  const t = useTranslations('security.account');
  return <CodeForm action={disableTotpAction} submitLabel={t('disable')} variant="danger" />;
}
