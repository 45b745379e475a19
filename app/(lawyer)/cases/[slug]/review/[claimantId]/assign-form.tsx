'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SelectField } from '@/app/_components/form-field';
import { Alert, Button } from '@/app/_components/ui';
import { assignAction } from '@/lib/reviews/actions';

export function AssignForm({
  slug,
  claimantId,
  current,
  lawyers,
}: {
  slug: string;
  claimantId: string;
  current: string | null;
  lawyers: { id: string; name: string }[];
}) {
  const t = useTranslations('review.file');
  const [state, formAction, isPending] = useActionState(assignAction, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="claimantId" value={claimantId} />
      <SelectField
        key={current ?? 'none'}
        name="lawyerId"
        label={t('assignedTo')}
        defaultValue={current ?? ''}
        error={state && !state.ok ? (state.fieldErrors.lawyerId ?? state.message) : undefined}
      >
        <option value="">{t('nobody')}</option>
        {lawyers.map((lawyer) => (
          <option key={lawyer.id} value={lawyer.id}>
            {lawyer.name}
          </option>
        ))}
      </SelectField>
      {state?.ok ? (
        <Alert tone="success" role="status">
          {state.message}
        </Alert>
      ) : null}
      <Button type="submit" variant="secondary" disabled={isPending}>
        {t('assign')}
      </Button>
    </form>
  );
}
