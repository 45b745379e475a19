'use client';

import { useTranslations } from 'next-intl';
import { CheckboxField, SelectField, TextField } from '@/app/_components/form-field';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { signPetitionAction } from '@/lib/petition/actions';
import { useActionForm } from '@/app/_components/use-action-form';

export type PetitionConsentText = { title: string; body: string; version: number };

/** A region as the form lists it: the stored code and its name in the reader's language. */
export type PetitionRegionOption = { code: string; name: string };

/** The one-step support petition on the public case page. */
export function PetitionForm({
  caseSlug,
  source,
  consent,
  regions,
}: {
  caseSlug: string;
  source?: string;
  consent: PetitionConsentText;
  /** The case's own list (시·도, or U.S. states): a case is configured, so is its region list. */
  regions: readonly PetitionRegionOption[];
}) {
  const t = useTranslations('petition.form');
  const common = useTranslations('common');
  const { state, isPending, values, errors, formProps } = useActionForm(signPetitionAction);

  if (state?.ok) {
    return (
      <Alert tone="success" role="status" data-testid="petition-result">
        <p className="font-semibold">{t('signedTitle')}</p>
        <p className="mt-1">{t('signedBody')}</p>
      </Alert>
    );
  }

  return (
    <form {...formProps} className="space-y-4" noValidate>
      <FailureAlert state={state} />
      <input type="hidden" name="caseSlug" value={caseSlug} />
      {source ? <input type="hidden" name="source" value={source} /> : null}
      <TextField
        id="petition-name"
        name="name"
        label={t('name')}
        autoComplete="name"
        defaultValue={values.name}
        error={errors.name}
        required
      />
      <TextField
        id="petition-email"
        name="email"
        type="email"
        label={t('email')}
        autoComplete="email"
        inputMode="email"
        defaultValue={values.email}
        error={errors.email}
        required
      />
      <SelectField
        id="petition-region"
        name="region"
        label={t('region')}
        isOptional
        optionalLabel={common('optional')}
        defaultValue={values.region ?? ''}
        error={errors.region}
      >
        <option value="">{t('regionNone')}</option>
        {regions.map((region) => (
          <option key={region.code} value={region.code}>
            {region.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id="petition-phone"
        name="phone"
        type="tel"
        label={t('phone')}
        hint={t('phoneHint')}
        isOptional
        optionalLabel={common('optional')}
        autoComplete="tel"
        inputMode="tel"
        defaultValue={values.phone}
        error={errors.phone}
      />
      <section aria-labelledby="petition-privacy-title" className="rounded-xl border border-slate-200 bg-slate-50 p-3">
        <h3 id="petition-privacy-title" className="text-sm font-semibold">
          {consent.title} <span className="font-normal text-slate-600">({t('version', { version: consent.version })})</span>
        </h3>
        <p tabIndex={0} className="mt-2 max-h-36 overflow-y-auto whitespace-pre-line text-sm leading-relaxed text-slate-700">
          {consent.body}
        </p>
      </section>
      <CheckboxField
        id="petition-consent"
        name="privacyConsent"
        label={t('consent')}
        defaultChecked={values.privacyConsent === 'on'}
        error={errors.privacyConsent}
      />
      <CheckboxField
        id="petition-updates"
        name="updatesConsent"
        label={t('updatesConsent')}
        defaultChecked={values.updatesConsent === 'on'}
        error={errors.updatesConsent}
      />
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
