'use client';

import { FailureAlert } from '@/app/_components/ui';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { SelectField, TextField } from '@/app/_components/form-field';
import type { Locale } from '@/lib/i18n/config';
import { saveIdentityAction } from '@/lib/intake/actions';
import { GUARDIAN_RELATIONS } from '@/lib/claimants/schemas';
import { listRegions, type RegionJurisdiction } from '@/lib/regions';
import { RadioGroup } from './fields';
import { StepNav } from './step-nav';
import { useDraftKeeper } from './use-draft-keeper';
import { useActionForm } from '@/app/_components/use-action-form';

export function IdentityForm({
  caseSlug,
  claimantId,
  business,
  isMinor,
  asksLatinName,
  jurisdiction,
  locale,
  latestBirthDate,
  defaults,
  backHref,
}: {
  caseSlug: string;
  claimantId: string;
  /** Whether the category runs a business: `required`, `optional` or not at all. */
  business: 'required' | 'optional' | 'none';
  isMinor: boolean;
  asksLatinName: boolean;
  jurisdiction: RegionJurisdiction;
  locale: Locale;
  latestBirthDate: string;
  defaults: Record<string, string>;
  backHref: string;
}) {
  const t = useTranslations('intake.identity');
  const { state, isPending, formProps } = useActionForm(saveIdentityAction);
  const values = state && !state.ok ? state.values : defaults;
  const errors = state && !state.ok ? state.fieldErrors : {};
  const formRef = useRef<HTMLFormElement>(null);
  useDraftKeeper(formRef, `intake:${claimantId}:identity`);
  const isBusinessRequired = business === 'required';
  const [relation, setRelation] = useState(values.guardianRelation ?? '');
  return (
    <form ref={formRef} {...formProps} className="space-y-5" noValidate>
      <FailureAlert state={state} />
      <input type="hidden" name="caseSlug" value={caseSlug} />
      {isMinor ? (
        <fieldset className="space-y-5 rounded-xl border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold text-slate-800">{t('guardianLegend')}</legend>
          <p className="text-sm text-slate-600">{t('guardianLead')}</p>
          <RadioGroup
            name="guardianRelation"
            legend={t('guardianRelation')}
            value={values.guardianRelation}
            error={errors.guardianRelation}
            onChange={(event) => setRelation(event.target.value)}
            options={GUARDIAN_RELATIONS.map((value) => ({ value, label: t(`guardianRelations.${value}`) }))}
          />
          <TextField
            name="guardianName"
            label={relation === 'parents' ? t('fatherName') : t('guardianName')}
            autoComplete="name"
            defaultValue={values.guardianName}
            error={errors.guardianName}
            required
          />
          {relation === 'parents' ? (
            <TextField
              name="secondGuardianName"
              label={t('motherName')}
              defaultValue={values.secondGuardianName}
              error={errors.secondGuardianName}
              required
            />
          ) : null}
        </fieldset>
      ) : null}
      <TextField
        name="legalName"
        label={isMinor ? t('minorName') : t('legalName')}
        hint={t('legalNameHint')}
        autoComplete="name"
        defaultValue={values.legalName}
        error={errors.legalName}
        required
      />
      {asksLatinName ? (
        <TextField
          name="latinName"
          label={t('latinName')}
          hint={t('latinNameHint')}
          autoComplete="off"
          defaultValue={values.latinName}
          error={errors.latinName}
          required
        />
      ) : null}
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
          {listRegions(jurisdiction).map((region) => (
            <option key={region.code} value={region.code}>
              {region.name[locale]}
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
      {business !== 'none' ? (
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
        </fieldset>
      ) : null}
      <StepNav backHref={backHref} isPending={isPending} />
    </form>
  );
}
