'use client';

import { FailureAlert } from '@/app/_components/ui';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { TextAreaField, TextField } from '@/app/_components/form-field';
import { saveOutageAction } from '@/lib/intake/actions';
import { OUTAGE_IMPACTS } from '@/lib/intake/steps';
import { CheckboxGroup, splitValues } from './fields';
import { StepNav } from './step-nav';
import { useDraftKeeper } from './use-draft-keeper';
import { useActionForm } from '@/app/_components/use-action-form';

export function OutageForm({
  caseSlug,
  claimantId,
  defaults,
  incidentLabel,
  backHref,
}: {
  caseSlug: string;
  claimantId: string;
  defaults: Record<string, string>;
  incidentLabel: string;
  backHref: string;
}) {
  const t = useTranslations('intake.outage');
  const common = useTranslations('common');
  const { state, isPending, formProps } = useActionForm(saveOutageAction);
  const values = state && !state.ok ? state.values : defaults;
  const errors = state && !state.ok ? state.fieldErrors : {};
  const formRef = useRef<HTMLFormElement>(null);
  useDraftKeeper(formRef, `intake:${claimantId}:outage`);
  return (
    <form ref={formRef} {...formProps} className="space-y-5" noValidate>
      <FailureAlert state={state} />
      <input type="hidden" name="caseSlug" value={caseSlug} />
      <p className="rounded-xl bg-brand-50 p-3 text-sm text-brand-800">{t('incident', { time: incidentLabel })}</p>
      <TextField
        name="outageStartedAt"
        type="datetime-local"
        label={t('startedAt')}
        hint={t('startedAtHint')}
        defaultValue={values.outageStartedAt}
        error={errors.outageStartedAt}
        required
      />
      <TextField
        name="outageEndedAt"
        type="datetime-local"
        label={t('endedAt')}
        hint={t('endedAtHint')}
        defaultValue={values.outageEndedAt}
        error={errors.outageEndedAt}
        required
      />
      <CheckboxGroup
        name="impacts"
        legend={t('impacts')}
        hint={t('impactsHint')}
        values={splitValues(values.impacts)}
        error={errors.impacts}
        columns={2}
        options={OUTAGE_IMPACTS.map((impact) => ({ value: impact, label: t(`impactOptions.${impact}`) }))}
      />
      <TextAreaField
        name="outageNote"
        label={t('note')}
        hint={t('noteHint')}
        isOptional
        optionalLabel={common('optional')}
        maxLength={1000}
        defaultValue={values.outageNote}
        error={errors.outageNote}
      />
      <StepNav backHref={backHref} isPending={isPending} />
    </form>
  );
}
