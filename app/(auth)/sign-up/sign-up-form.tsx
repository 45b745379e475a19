'use client';

import { signIn } from 'next-auth/react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef } from 'react';
import { CheckboxField, SelectField, TextField } from '@/app/_components/form-field';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { signUpAction } from '@/lib/users/actions';

export function SignUpForm({ caseSlug, source }: { caseSlug?: string; source?: string }) {
  const t = useTranslations('auth.signUp');
  const common = useTranslations('common');
  const locale = useLocale();
  const router = useRouter();
  const [state, formAction, isPending] = useActionState(signUpAction, null);
  // React resets the form once the action has run, so the password is taken when it is sent.
  const typedPassword = useRef('');
  const values = state && !state.ok ? state.values : {};
  const errors = state && !state.ok ? state.fieldErrors : {};

  useEffect(() => {
    if (!state?.ok) return;
    // The account exists; sign in with what was just typed, then go on to the claim.
    const password = typedPassword.current;
    typedPassword.current = '';
    void signIn('credentials', { redirect: false, email: state.data.email, password }).then(() => {
      router.replace(state.data.caseSlug ? `/my/cases/${state.data.caseSlug}` : '/my');
      router.refresh();
    });
  }, [state, router]);

  return (
    <form
      id="sign-up-form"
      action={formAction}
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        typedPassword.current = (event.currentTarget.elements.namedItem('password') as HTMLInputElement | null)?.value ?? '';
      }}
    >
      <FailureAlert state={state} />
      {state?.ok ? (
        <Alert tone="success" role="status">
          {t('created')}
        </Alert>
      ) : null}
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
      <Button type="submit" disabled={isPending || state?.ok} className="w-full">
        {isPending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
