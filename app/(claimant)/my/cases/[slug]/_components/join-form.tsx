'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert, Button } from '@/app/_components/ui';
import { joinCaseAction } from '@/lib/claimants/actions';

/** For someone signed in who has no claim in this case yet. */
export function JoinForm({ caseSlug }: { caseSlug: string }) {
  const t = useTranslations('claimant.join');
  const [state, action, isPending] = useActionState(joinCaseAction, null);
  return (
    <form action={action} className="space-y-4">
      {state && !state.ok ? (
        <Alert tone="error" role="alert">
          {state.message}
        </Alert>
      ) : null}
      <input type="hidden" name="caseSlug" value={caseSlug} />
      <Button type="submit" disabled={isPending}>
        {t('submit')}
      </Button>
    </form>
  );
}
