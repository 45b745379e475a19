'use client';

import { useTranslations } from 'next-intl';
import { CheckboxField, TextField } from '@/app/_components/form-field';

/** Typed full name plus an explicit confirmation: how statements and consents are signed. */
export function SignatureFields({
  legalName,
  confirmLabel,
  values,
  errors,
}: {
  legalName: string;
  confirmLabel: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const t = useTranslations('intake.signature');
  return (
    <div className="space-y-4 rounded-xl border border-brand-200 bg-brand-50/50 p-4">
      <TextField
        name="signerName"
        label={t('name')}
        hint={t('nameHint', { name: legalName })}
        autoComplete="off"
        defaultValue={values.signerName}
        error={errors.signerName}
        required
      />
      <CheckboxField name="confirm" label={confirmLabel} defaultChecked={values.confirm === 'on'} error={errors.confirm} />
    </div>
  );
}
