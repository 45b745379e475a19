'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { CheckboxField, SelectField, TextField } from '@/app/_components/form-field';
import { Alert, Button, FailureAlert, buttonClass } from '@/app/_components/ui';
import { signUpAction } from '@/lib/users/actions';

export function SignUpForm({ caseSlug, source }: { caseSlug?: string; source?: string }) {
  const t = useTranslations('auth.signUp');
  const common = useTranslations('common');
  const locale = useLocale();
  const [state, formAction, isPending] = useActionState(signUpAction, null);
  const values = state && !state.ok ? state.values : {};
  const errors = state && !state.ok ? state.fieldErrors : {};

  // The same answer for a new and a taken address (issue 17, item 12): nobody is signed in here;
  // the mailed link proves the address, then the person signs in and goes on to the claim.
  if (state?.ok) {
    const next = state.data.caseSlug ? `/my/cases/${state.data.caseSlug}` : '/my';
    return (
      <div className="space-y-4">
        <Alert tone="success" role="status">
          {t('created', { email: state.data.email })}
        </Alert>
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(next)}`} className={buttonClass('primary')}>
          {t('signInLink')}
        </Link>
      </div>
    );
  }

  return (
    <form id="sign-up-form" action={formAction} className="space-y-4" noValidate>
      <FailureAlert state={state} />
      {caseSlug ? <input type="hidden" name="caseSlug" value={caseSlug} /> : null}
      {source ? <input type="hidden" name="source" value={source} /> : null}
      <TextField
        name="name"
        label={t('name')}
        hint={t('nameHint')}
        autoComplete="name"
        defaultValue={values.name}
        error={errors.name}
        required
      />
      <TextField
        name="email"
        type="email"
        label={t('email')}
        autoComplete="email"
        defaultValue={values.email}
        error={errors.email}
        required
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
      <SelectField name="locale" label={t('locale')} defaultValue={values.locale ?? locale} error={errors.locale}>
        <option value="ko">{common('languages.ko')}</option>
        <option value="en">{common('languages.en')}</option>
      </SelectField>
      <CheckboxField name="acceptTerms" label={t('acceptTerms')} defaultChecked={values.acceptTerms === 'on'} error={errors.acceptTerms} />
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
