'use client';

import { useTranslations } from 'next-intl';
import { CheckboxField, TextField } from '@/app/_components/form-field';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { useActionForm } from '@/app/_components/use-action-form';
import { recordCourtFilingAction } from '@/lib/filings/actions';

/**
 * Records that this version was filed with the court. The day is bounded by the day the packet
 * was built and today (the server checks both again); the case number hint follows the packet's
 * court format.
 */
export function RecordFilingForm({
  slug,
  version,
  format,
  builtOn,
  today,
}: {
  slug: string;
  version: number;
  format: 'kr' | 'us';
  builtOn: string;
  today: string;
}) {
  const t = useTranslations('filings.record');
  const { state, isPending, values, errors, formProps } = useActionForm(recordCourtFilingAction.bind(null, slug, version));
  if (state?.ok) {
    return (
      <Alert tone="success" role="status">
        {state.message}
      </Alert>
    );
  }
  return (
    <form {...formProps} className="space-y-4" noValidate data-testid="record-filing-form">
      <FailureAlert state={state} />
      <TextField
        name="filedOn"
        type="date"
        label={t('filedOn')}
        hint={t('filedOnHint', { date: builtOn })}
        min={builtOn}
        max={today}
        defaultValue={values.filedOn ?? today}
        error={errors.filedOn}
        required
      />
      <TextField
        name="court"
        label={t('court')}
        hint={t('courtHint')}
        maxLength={100}
        defaultValue={values.court}
        error={errors.court}
        required
      />
      <TextField
        name="courtCaseNumber"
        label={t('courtCaseNumber')}
        hint={t(format === 'us' ? 'caseNumberHintUs' : 'caseNumberHintKr')}
        maxLength={40}
        autoComplete="off"
        defaultValue={values.courtCaseNumber}
        error={errors.courtCaseNumber}
        required
      />
      <CheckboxField name="confirm" label={t('confirm')} defaultChecked={values.confirm === 'on'} error={errors.confirm} />
      <Button type="submit" disabled={isPending}>
        {isPending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
