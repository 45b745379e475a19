'use client';

import { FailureAlert } from '@/app/_components/ui';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { CheckboxField, SelectField, TextField } from '@/app/_components/form-field';
import { ISPS, LINE_TYPES } from '@/lib/cases/reference-data';
import { saveConnectionAction } from '@/lib/intake/actions';
import { StepNav } from './step-nav';
import { useDraftKeeper } from './use-draft-keeper';
import { useActionForm } from '@/app/_components/use-action-form';

export function ConnectionForm({
  caseSlug,
  claimantId,
  defaults,
  backHref,
}: {
  caseSlug: string;
  claimantId: string;
  defaults: Record<string, string>;
  backHref: string;
}) {
  const t = useTranslations('intake.connection');
  const common = useTranslations('common');
  const { state, isPending, formProps } = useActionForm(saveConnectionAction);
  const values = state && !state.ok ? state.values : defaults;
  const errors = state && !state.ok ? state.fieldErrors : {};
  const [isp, setIsp] = useState(values.isp ?? '');
  const [isSameAsHome, setSameAsHome] = useState(values.sameAsHome === 'on');
  const formRef = useRef<HTMLFormElement>(null);
  useDraftKeeper(formRef, `intake:${claimantId}:connection`, {
    onRestore: (form) => {
      setIsp((form.elements.namedItem('isp') as HTMLSelectElement).value);
      setSameAsHome((form.elements.namedItem('sameAsHome') as HTMLInputElement).checked);
    },
  });
  return (
    <form ref={formRef} {...formProps} className="space-y-5" noValidate>
      <FailureAlert state={state} />
      <input type="hidden" name="caseSlug" value={caseSlug} />
      <SelectField
        name="isp"
        label={t('isp')}
        hint={t('ispHint')}
        defaultValue={values.isp ?? ''}
        error={errors.isp}
        onChange={(event) => setIsp(event.target.value)}
        required
      >
        <option value="">{t('choose')}</option>
        {ISPS.map((code) => (
          <option key={code} value={code}>
            {common(`isps.${code}`)}
          </option>
        ))}
      </SelectField>
      {isp === 'other' ? (
        <TextField name="ispOther" label={t('ispOther')} defaultValue={values.ispOther} error={errors.ispOther} required />
      ) : null}
      <SelectField name="lineType" label={t('lineType')} defaultValue={values.lineType ?? ''} error={errors.lineType} required>
        <option value="">{t('choose')}</option>
        {LINE_TYPES.map((code) => (
          <option key={code} value={code}>
            {common(`lineTypes.${code}`)}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        name="sameAsHome"
        label={t('sameAsHome')}
        defaultChecked={isSameAsHome}
        onChange={(event) => setSameAsHome(event.target.checked)}
      />
      {!isSameAsHome ? (
        <TextField
          name="serviceAddress"
          label={t('serviceAddress')}
          hint={t('serviceAddressHint')}
          autoComplete="street-address"
          defaultValue={values.serviceAddress}
          error={errors.serviceAddress}
          required
        />
      ) : null}
      <TextField
        name="monthlyFeeKrw"
        label={t('monthlyFee')}
        hint={t('monthlyFeeHint')}
        inputMode="numeric"
        defaultValue={values.monthlyFeeKrw}
        error={errors.monthlyFeeKrw}
        required
      />
      <StepNav backHref={backHref} isPending={isPending} />
    </form>
  );
}
