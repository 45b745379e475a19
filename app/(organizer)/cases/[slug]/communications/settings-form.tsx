'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { CheckboxField, TextField } from '@/app/_components/form-field';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { updateCommunicationSettingsAction } from '@/lib/communications/actions';

type Settings = { approvalThreshold: number; remindUnconfirmed: boolean; remindIncomplete: boolean; remindDeadline: boolean };

/** Case admins: the approval threshold and each automatic reminder, on or off. */
export function SettingsForm({ caseSlug, settings }: { caseSlug: string; settings: Settings }) {
  const t = useTranslations('communications.settings');
  const [state, formAction, isPending] = useActionState(updateCommunicationSettingsAction.bind(null, caseSlug), null);
  const values = state && !state.ok ? state.values : null;
  const errors = state && !state.ok ? state.fieldErrors : {};
  const isOn = (name: keyof Settings) => (values ? values[name] === 'on' : Boolean(settings[name]));
  return (
    <form action={formAction} className="space-y-4" noValidate data-testid="communication-settings">
      <FailureAlert state={state} />
      {state?.ok ? (
        <Alert tone="success" role="status">
          {state.message}
        </Alert>
      ) : null}
      <TextField
        name="approvalThreshold"
        type="number"
        min={0}
        inputMode="numeric"
        label={t('approvalThreshold')}
        hint={t('approvalThresholdHint')}
        defaultValue={values?.approvalThreshold ?? String(settings.approvalThreshold)}
        error={errors.approvalThreshold}
      />
      <CheckboxField name="remindUnconfirmed" label={t('remindUnconfirmed')} defaultChecked={isOn('remindUnconfirmed')} />
      <CheckboxField name="remindIncomplete" label={t('remindIncomplete')} defaultChecked={isOn('remindIncomplete')} />
      <CheckboxField name="remindDeadline" label={t('remindDeadline')} defaultChecked={isOn('remindDeadline')} />
      <Button type="submit" disabled={isPending}>
        {t('submit')}
      </Button>
    </form>
  );
}
