'use client';

import { useTranslations } from 'next-intl';
import { TextAreaField } from '@/app/_components/form-field';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { useActionForm } from '@/app/_components/use-action-form';
import { saveReasonsAction } from '@/lib/rounds/actions';

/** One reason per line; a refused line is named and the text stays as typed. */
export function ReasonsForm({ slug, current }: { slug: string; current: string }) {
  const t = useTranslations('rounds.reasons');
  const { state, isPending, values, errors, formProps } = useActionForm(saveReasonsAction.bind(null, slug));
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <FailureAlert state={state} />
      {state?.ok ? (
        <Alert tone="success" role="status">
          {state.message}
        </Alert>
      ) : null}
      <TextAreaField
        name="reasons"
        label={t('field')}
        rows={10}
        maxLength={8000}
        defaultValue={values.reasons ?? current}
        error={errors.reasons}
      />
      <Button type="submit" disabled={isPending}>
        {t('submit')}
      </Button>
    </form>
  );
}
