'use client';

import { FailureAlert } from '@/app/_components/ui';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { SelectField, TextField } from '@/app/_components/form-field';
import type { ClaimantType } from '@/db/schema';
import { REGIONS } from '@/lib/cases/reference-data';
import { saveIdentityAction } from '@/lib/intake/actions';
import { mayHaveBusiness, needsBusiness } from '@/lib/intake/steps';
import { StepNav } from './step-nav';
import { useDraftKeeper } from './use-draft-keeper';
import { useActionForm } from '@/app/_components/use-action-form';

export function IdentityForm({
  caseSlug,
  claimantId,
  claimantType,
  latestBirthDate,
  defaults,
  backHref,
}: {
  caseSlug: string;
  claimantId: string;
  claimantType: ClaimantType | null;
  latestBirthDate: string;
  defaults: Record<string, string>;
  backHref: string;
}) {
  const t = useTranslations('intake.identity');
  const common = useTranslations('common');
  const { state, isPending, formProps } = useActionForm(saveIdentityAction);
  const values = state && !state.ok ? state.values : defaults;
  const errors = state && !state.ok ? state.fieldErrors : {};
  const formRef = useRef<HTMLFormElement>(null);
  useDraftKeeper(formRef, `intake:${claimantId}:identity`);
  const isBusinessRequired = needsBusiness(claimantType);
  return (
    <form ref={formRef} {...formProps} className="space-y-5" noValidate>
      <FailureAlert state={state} />
      <input type="hidden" name="caseSlug" value={caseSlug} />
      <TextField
        name="legalName"
        label={t('legalName')}
        hint={t('legalNameHint')}
        autoComplete="name"
        defaultValue={values.legalName}
        error={errors.legalName}
        required
      />
      <TextField
        name="dateOfBirth"
        type="date"
        label={t('dateOfBirth')}
        hint={t('dateOfBirthHint')}
        autoComplete="bday"
        min="1900-01-01"
        max={latestBirthDate}
        defaultValue={values.dateOfBirth}
        error={errors.dateOfBirth}
        required
      />
      <TextField
        name="phone"
        type="tel"
        label={t('phone')}
        hint={t('phoneHint')}
        autoComplete="tel"
        inputMode="tel"
        defaultValue={values.phone}
        error={errors.phone}
        required
      />
      <TextField
        name="address"
        label={t('address')}
        hint={t('addressHint')}
        autoComplete="street-address"
        defaultValue={values.address}
        error={errors.address}
        required
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField name="region" label={t('region')} defaultValue={values.region ?? ''} error={errors.region} required>
          <option value="">{t('choose')}</option>
          {REGIONS.map((region) => (
            <option key={region} value={region}>
              {common(`regions.${region}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="locality"
          label={t('locality')}
          hint={t('localityHint')}
          autoComplete="address-level2"
          defaultValue={values.locality}
          error={errors.locality}
          required
        />
      </div>
      {mayHaveBusiness(claimantType) ? (
        <fieldset className="space-y-5 rounded-xl border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold text-slate-800">{t('businessLegend')}</legend>
          {!isBusinessRequired ? <p className="text-sm text-slate-600">{t('businessOptional')}</p> : null}
          <TextField
            name="businessName"
            label={t('businessName')}
            autoComplete="organization"
            defaultValue={values.businessName}
            error={errors.businessName}
            required={isBusinessRequired}
          />
          <TextField
            name="businessRegistrationNumber"
            label={t('businessRegistrationNumber')}
            hint={t('businessRegistrationNumberHint')}
            inputMode="numeric"
            placeholder="123-45-67890"
            defaultValue={values.businessRegistrationNumber}
            error={errors.businessRegistrationNumber}
            required={isBusinessRequired}
          />
          {claimantType === 'pc_bang' ? (
            <TextField
              name="pcBangSeats"
              label={t('pcBangSeats')}
              hint={t('pcBangSeatsHint')}
              inputMode="numeric"
              defaultValue={values.pcBangSeats}
              error={errors.pcBangSeats}
              required
            />
          ) : null}
        </fieldset>
      ) : null}
      <StepNav backHref={backHref} isPending={isPending} />
    </form>
  );
}
