'use client';

import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/app/_components/error-summary';
import { TextField } from '@/app/_components/form-field';
import { Alert, Button } from '@/app/_components/ui';
import { useActionForm } from '@/app/_components/use-action-form';
import type { ActionResult } from '@/lib/forms/action';

/** Upload a definition exported as JSON (from this case or another) into the draft. */
export function ImportForm({ action }: { action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult> }) {
  const t = useTranslations('admin.claimEditor');
  const { state, isPending, formProps, errors } = useActionForm(action);
  return (
    <form {...formProps} className="space-y-4" noValidate encType="multipart/form-data">
      {state?.ok ? (
        <Alert tone="success" role="status">
          {state.message}
        </Alert>
      ) : (
        <ErrorSummary state={state} />
      )}
      <TextField
        type="file"
        name="file"
        accept="application/json,.json"
        label={t('import.file')}
        hint={t('import.hint')}
        error={errors.file}
      />
      <Button type="submit" variant="secondary" disabled={isPending}>
        {t('import.submit')}
      </Button>
    </form>
  );
}
