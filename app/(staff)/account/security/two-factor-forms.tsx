'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/form-field';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { confirmTotpEnrollmentAction, disableTotpAction, replaceRecoveryCodesAction, startTotpEnrollmentAction } from '@/lib/auth/actions';
import type { ActionState } from '@/lib/forms/action';

function ResultAlert({ state }: { state: ActionState<unknown> }) {
  if (!state?.message) return null;
  if (!state.ok) return <FailureAlert state={state} />;
  return (
    <Alert tone="success" role="status">
      {state.message}
    </Alert>
  );
}

export function StartTotpForm({ label, variant = 'primary' }: { label: string; variant?: 'primary' | 'secondary' }) {
  const t = useTranslations('security.account');
  const [state, formAction, isPending] = useActionState(startTotpEnrollmentAction, null);
  return (
    <form action={formAction} className="max-w-sm space-y-3" noValidate>
      {state && !state.ok ? <ResultAlert state={state} /> : null}
      <TextField
        name="password"
        type="password"
        label={t('passwordLabel')}
        hint={t('passwordHint')}
        autoComplete="current-password"
        error={state && !state.ok ? state.fieldErrors.password : undefined}
        required
      />
      <Button type="submit" variant={variant} disabled={isPending}>
        {label}
      </Button>
    </form>
  );
}

function CodeForm({
  action,
  submitLabel,
  variant,
}: {
  action: typeof confirmTotpEnrollmentAction;
  submitLabel: string;
  variant: 'primary' | 'danger';
}) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className="max-w-sm space-y-4" noValidate>
      <ResultAlert state={state} />
      <TotpCodeField error={state && !state.ok ? state.fieldErrors.code : undefined} />
      <Button type="submit" variant={variant} disabled={isPending}>
        {submitLabel}
      </Button>
    </form>
  );
}

/** The current code from the authenticator app, which every change to two-step sign-in asks for. */
function TotpCodeField({ error }: { error?: string }) {
  const t = useTranslations('security.account');
  return (
    <TextField
      name="code"
      label={t('codeLabel')}
      hint={t('codeHint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 ]{6,7}"
      maxLength={7}
      error={error}
      required
    />
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

/**
 * A new set of recovery codes, shown once in this form's state: the page re-renders (the count
 * changes) but this form keeps its place, so the codes stay on screen until the person leaves.
 */
export function RecoveryCodesForm() {
  const t = useTranslations('security.account');
  const [state, formAction, isPending] = useActionState(replaceRecoveryCodesAction, null);
  const codes = state?.ok ? state.data.codes : null;
  return (
    <div className="space-y-4">
      {codes ? (
        <div className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950" role="status">
          <p className="font-semibold">{state?.message}</p>
          <p className="text-sm">{t('recoveryShownOnce')}</p>
          <ol
            aria-label={t('recoveryListLabel', { count: codes.length })}
            className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-base tracking-wider"
            data-testid="recovery-codes"
          >
            {codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ol>
        </div>
      ) : null}
      <form action={formAction} className="max-w-sm space-y-4" noValidate>
        {state && !state.ok ? <ResultAlert state={state} /> : null}
        <TotpCodeField error={state && !state.ok ? state.fieldErrors.code : undefined} />
        <Button type="submit" variant="secondary" disabled={isPending}>
          {t('recoveryCreate')}
        </Button>
      </form>
    </div>
  );
}
