'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/form-field';
import { Button, FailureAlert } from '@/app/_components/ui';
import { acceptInvitationAction } from '@/lib/cases/invitation-actions';

/**
 * `confirm`: the signed-in holder of a proved account accepts. `new`/`claim`: the holder of the
 * address chooses the account's password here (for `claim`, replacing whatever an earlier
 * registrant of the address chose). A server action, so it posts before any JavaScript runs.
 */
export function AcceptInvitationForm({ token, mode }: { token: string; mode: 'confirm' | 'new' | 'claim' }) {
  const t = useTranslations('invitations');
  const [state, formAction, isPending] = useActionState(acceptInvitationAction, null);
  const values = state && !state.ok ? state.values : {};
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FailureAlert state={state} />
      <input type="hidden" name="token" value={token} />
      {mode === 'claim' ? <p>{t('claimLead')}</p> : null}
      {mode !== 'confirm' ? (
        <>
          <TextField
            name="name"
            label={t('name')}
            autoComplete="name"
            defaultValue={values.name}
            error={errors.name}
            required={mode === 'new'}
          />
          <TextField
            name="password"
            type="password"
            label={t('password')}
            hint={t('passwordHint')}
            autoComplete="new-password"
            error={errors.password}
            required
          />
          <TextField
            name="passwordConfirm"
            type="password"
            label={t('passwordConfirm')}
            autoComplete="new-password"
            error={errors.passwordConfirm}
            required
          />
        </>
      ) : null}
      <Button type="submit" disabled={isPending} className="w-full">
        {t('accept')}
      </Button>
    </form>
  );
}
