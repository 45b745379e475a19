'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { CheckboxField } from '@/app/_components/form-field';
import { FailureAlert } from '@/app/_components/ui';
import { useActionForm } from '@/app/_components/use-action-form';
import { saveTypeAction } from '@/lib/intake/actions';
import { RadioGroup } from './fields';
import { StepNav } from './step-nav';
import { useDraftKeeper } from './use-draft-keeper';

export type CategoryChoice = { id: string; label: string; description: string; allowsMinor: boolean };

/** The claimant's category, from the case's definition; where the category allows it, joining for a minor as their guardian. */
export function TypeForm({
  caseSlug,
  claimantId,
  categories,
  defaults,
}: {
  caseSlug: string;
  claimantId: string;
  categories: CategoryChoice[];
  defaults: Record<string, string>;
}) {
  const t = useTranslations('intake.type');
  const { state, isPending, formProps } = useActionForm(saveTypeAction);
  const values = state && !state.ok ? state.values : defaults;
  const errors = state && !state.ok ? state.fieldErrors : {};
  const formRef = useRef<HTMLFormElement>(null);
  const [chosen, setChosen] = useState(values.type ?? '');
  useDraftKeeper(formRef, `intake:${claimantId}:type`);
  const allowsMinor = categories.find((category) => category.id === chosen)?.allowsMinor ?? false;
  return (
    <form
      ref={formRef}
      {...formProps}
      className="space-y-5"
      noValidate
      onChange={(event) => setChosen(new FormData(event.currentTarget).get('type')?.toString() ?? '')}
    >
      <FailureAlert state={state} />
      <input type="hidden" name="caseSlug" value={caseSlug} />
      <RadioGroup
        name="type"
        legend={t('legend')}
        value={values.type}
        error={errors.type}
        options={categories.map((category) => ({ value: category.id, label: category.label, description: category.description }))}
      />
      {allowsMinor ? (
        <CheckboxField name="isMinor" label={t('isMinor')} defaultChecked={values.isMinor === 'on'} error={errors.isMinor} />
      ) : null}
      <StepNav backHref={null} isPending={isPending} />
    </form>
  );
}
