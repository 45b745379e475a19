'use client';

import { useTranslations } from 'next-intl';
import { CheckboxField, TextAreaField } from '@/app/_components/form-field';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { withdrawClaimAction } from '@/lib/claimants/actions';
import { useActionForm } from '@/app/_components/use-action-form';

export function WithdrawForm({ caseSlug, isOnFiling }: { caseSlug: string; isOnFiling: boolean }) {
  const t = useTranslations('claimant.withdraw');
  const { state, isPending, values, errors, formProps } = useActionForm(withdrawClaimAction);
  if (state?.ok) {
    return (
      <Alert tone="success" role="status">
        {state.message}
      </Alert>
    );
  }
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <FailureAlert state={state} />
      <p className="text-sm text-slate-700">{isOnFiling ? t('leadFiled') : t('lead')}</p>
      <input type="hidden" name="caseSlug" value={caseSlug} />
      <TextAreaField
        name="reason"
        label={t('reason')}
        maxLength={1000}
        rows={3}
        defaultValue={values.reason}
        error={errors.reason}
        required
      />
      <CheckboxField name="confirm" label={t('confirm')} defaultChecked={values.confirm === 'on'} error={errors.confirm} />
      <Button type="submit" variant="danger" disabled={isPending} className="w-full sm:w-auto">
        {t('submit')}
      </Button>
    </form>
  );
}
