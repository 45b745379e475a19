'use client';

import { useTranslations } from 'next-intl';
import { TextAreaField, TextField } from '@/app/_components/form-field';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { useActionForm } from '@/app/_components/use-action-form';
import { setExhibitFieldsAction } from '@/lib/reviews/actions';

export type ExhibitFieldValues = { label: string; documentAuthor: string; documentDate: string | null; provesWhat: string };

/** Counsel's entry for one file in the exhibit list: title, 작성자, 작성일, 입증취지. */
export function ExhibitFieldsForm({
  slug,
  claimantId,
  evidenceId,
  current,
  today,
}: {
  slug: string;
  claimantId: string;
  evidenceId: string;
  current: ExhibitFieldValues;
  /** Today in Korea (YYYY-MM-DD): the latest 작성일 the date picker offers; the server checks it again. */
  today: string;
}) {
  const t = useTranslations('review.file');
  const { state, isPending, values, errors, formProps } = useActionForm(setExhibitFieldsAction);
  const id = (field: string) => `exhibit-${evidenceId}-${field}`;
  const typed = (field: keyof ExhibitFieldValues) => values[field] ?? current[field] ?? '';
  return (
    <form {...formProps} className="space-y-3 rounded-lg bg-slate-50 p-3" noValidate data-testid="exhibit-fields-form">
      <h4 className="text-sm font-semibold">{t('exhibitFields')}</h4>
      <p className="text-xs text-slate-600">{t('exhibitFieldsHint')}</p>
      <FailureAlert state={state} />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="claimantId" value={claimantId} />
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <TextField
        id={id('label')}
        name="label"
        label={t('exhibitTitle')}
        maxLength={120}
        defaultValue={typed('label')}
        error={errors.label}
        required
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          id={id('author')}
          name="documentAuthor"
          label={t('exhibitAuthor')}
          maxLength={100}
          defaultValue={typed('documentAuthor')}
          error={errors.documentAuthor}
        />
        <TextField
          id={id('date')}
          name="documentDate"
          type="date"
          max={today}
          label={t('exhibitDate')}
          defaultValue={typed('documentDate')}
          error={errors.documentDate}
        />
      </div>
      <TextAreaField
        id={id('proves')}
        name="provesWhat"
        label={t('exhibitProvesWhat')}
        maxLength={1000}
        rows={2}
        defaultValue={typed('provesWhat')}
        error={errors.provesWhat}
      />
      {state?.ok ? (
        <Alert tone="success" role="status">
          {state.message}
        </Alert>
      ) : null}
      <Button type="submit" variant="secondary" disabled={isPending}>
        {t('saveExhibit')}
      </Button>
    </form>
  );
}
