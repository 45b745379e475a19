'use client';

import { useTranslations } from 'next-intl';
import { TextField } from '@/app/_components/form-field';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { useActionForm } from '@/app/_components/use-action-form';
import { openRoundAction } from '@/lib/rounds/actions';

/** Name (optional) and cut-off day of the next round; a refusal keeps both as typed. */
export function OpenRoundForm({ slug, nextNumber, today }: { slug: string; nextNumber: number; today: string }) {
  const t = useTranslations('rounds.open');
  const { state, isPending, values, errors, formProps } = useActionForm(openRoundAction.bind(null, slug));
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <h2 className="text-lg font-semibold">{t('legend')}</h2>
      <FailureAlert state={state} />
      {state?.ok ? (
        <Alert tone="success" role="status">
          {t('opened', { name: state.data.name, members: state.data.members })}
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="name"
          label={t('name')}
          hint={t('nameHint', { next: nextNumber })}
          maxLength={40}
          defaultValue={values.name}
          error={errors.name}
        />
        <TextField
          name="cutoffOn"
          type="date"
          label={t('cutoffOn')}
          hint={t('cutoffHint')}
          max={today}
          required
          defaultValue={values.cutoffOn ?? today}
          error={errors.cutoffOn}
        />
      </div>
      <Button type="submit" disabled={isPending}>
        {t('submit')}
      </Button>
    </form>
  );
}
