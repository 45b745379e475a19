'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { cancelFilingAction } from '@/lib/filings/actions';

export function CancelForm({ slug, version }: { slug: string; version: number }) {
  const t = useTranslations('filings.detail');
  const [state, formAction, isPending] = useActionState(cancelFilingAction.bind(null, slug, version), null);
  return (
    <form action={formAction} className="space-y-3">
      {state?.ok ? (
        <Alert tone="success" role="status">
          {state.message}
        </Alert>
      ) : (
        <FailureAlert state={state} />
      )}
      <Button type="submit" variant="secondary" disabled={isPending || state?.ok === true}>
        {isPending ? t('cancelling') : t('cancel')}
      </Button>
    </form>
  );
}
