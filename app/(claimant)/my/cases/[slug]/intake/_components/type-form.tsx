'use client';

import { FailureAlert } from '@/app/_components/ui';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { saveTypeAction } from '@/lib/intake/actions';
import { CLAIMANT_TYPES } from '@/lib/intake/steps';
import { RadioGroup } from './fields';
import { StepNav } from './step-nav';
import { useDraftKeeper } from './use-draft-keeper';
import { useActionForm } from '@/app/_components/use-action-form';

export function TypeForm({ caseSlug, claimantId, defaults }: { caseSlug: string; claimantId: string; defaults: Record<string, string> }) {
  const t = useTranslations('intake.type');
  const { state, isPending, formProps } = useActionForm(saveTypeAction);
  const values = state && !state.ok ? state.values : defaults;
  const errors = state && !state.ok ? state.fieldErrors : {};
  const formRef = useRef<HTMLFormElement>(null);
  useDraftKeeper(formRef, `intake:${claimantId}:type`);
  return (
    <form ref={formRef} {...formProps} className="space-y-5" noValidate>
      <FailureAlert state={state} />
      <input type="hidden" name="caseSlug" value={caseSlug} />
      <RadioGroup
        name="type"
        legend={t('legend')}
        value={values.type}
        error={errors.type}
        options={CLAIMANT_TYPES.map((type) => ({
          value: type,
          label: t(`options.${type}.label`),
          description: t(`options.${type}.description`),
        }))}
      />
      <StepNav backHref={null} isPending={isPending} />
    </form>
  );
}
