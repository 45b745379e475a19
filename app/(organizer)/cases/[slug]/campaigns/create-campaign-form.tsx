'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/form-field';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { createCampaignCodeAction } from '@/lib/campaigns/actions';

export function CreateCampaignForm({ caseSlug }: { caseSlug: string }) {
  const t = useTranslations('organizer.campaigns.create');
  const common = useTranslations('common');
  const [state, formAction, isPending] = useActionState(createCampaignCodeAction.bind(null, caseSlug), null);
  const values = state && !state.ok ? state.values : {};
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    // After a success the form is remounted empty (key), ready for the next code.
    <form key={state?.ok ? state.data.code : 'form'} action={formAction} className="space-y-4" noValidate data-testid="create-campaign">
      <FailureAlert state={state} />
      {state?.ok ? (
        <Alert tone="success" role="status">
          {state.message}
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="code"
          label={t('code')}
          hint={t('codeHint')}
          defaultValue={values.code}
          error={errors.code}
          required
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={48}
        />
        <TextField
          name="label"
          label={t('label')}
          hint={t('labelHint')}
          defaultValue={values.label}
          error={errors.label}
          isOptional
          optionalLabel={common('optional')}
          maxLength={80}
        />
      </div>
      <Button type="submit" disabled={isPending}>
        {t('submit')}
      </Button>
    </form>
  );
}
