import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SelectField, TextField } from '@/app/_components/form-field';
import { Button } from '@/app/_components/ui';

/**
 * The worksheet's options as a plain GET form: the result is a URL (kept, shared, printed as a
 * PDF with the same query), and it works without JavaScript. Values come back as they were typed.
 */
export async function OptionsForm({
  slug,
  values,
  errors,
  refusal,
  today,
  perServiceHint,
  courtNames,
  representatives,
}: {
  slug: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  refusal: ReactNode;
  today: string;
  perServiceHint: string;
  courtNames: string | null;
  /** The count the worksheet used when none was asked for (three, or fewer claimants). */
  representatives: number | null;
}) {
  const t = await getTranslations('costs.options');
  return (
    <form method="get" action={`/cases/${slug}/costs`} className="space-y-4" noValidate>
      {refusal}
      <h2 id="cost-options-heading" className="text-lg font-semibold">
        {t('legend')}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="representatives"
          type="number"
          inputMode="numeric"
          min={1}
          label={t('representatives')}
          hint={t('representativesHint')}
          defaultValue={values.representatives ?? (representatives === null ? undefined : String(representatives))}
          error={errors.representatives}
        />
        <SelectField name="filing" label={t('filing')} defaultValue={values.filing ?? 'electronic'} error={errors.filing}>
          {(['electronic', 'paper'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`filings.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField name="instance" label={t('instance')} defaultValue={values.instance ?? 'first'} error={errors.instance}>
          {(['first', 'appeal', 'final'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`instances.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField name="court" label={t('court')} defaultValue={values.court ?? 'auto'} error={errors.court}>
          {(['auto', 'small', 'single', 'panel'] as const).map((value) => (
            <option key={value} value={value}>
              {value === 'auto' && courtNames ? `${t('courts.auto')} (${courtNames})` : t(`courts.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="perService"
          type="number"
          inputMode="numeric"
          min={1}
          label={t('perService')}
          hint={perServiceHint}
          defaultValue={values.perService}
          error={errors.perService}
        />
        <TextField name="day" type="date" label={t('day')} defaultValue={values.day ?? today} error={errors.day} />
        <TextField
          name="version"
          type="number"
          inputMode="numeric"
          min={1}
          label={t('version')}
          hint={t('versionHint')}
          defaultValue={values.version}
          error={errors.version}
        />
      </div>
      <Button type="submit">{t('submit')}</Button>
    </form>
  );
}
