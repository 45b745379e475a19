'use client';

import { useTranslations } from 'next-intl';
import { Button, FailureAlert } from '@/app/_components/ui';
import { joinCaseAction } from '@/lib/claimants/actions';
import { useActionForm } from '@/app/_components/use-action-form';

/** For someone signed in who has no claim in this case yet. */
export function JoinForm({ caseSlug }: { caseSlug: string }) {
  const t = useTranslations('claimant.join');
  const { state, isPending, formProps } = useActionForm(joinCaseAction);
  return (
    <form {...formProps} className="space-y-4">
      <FailureAlert state={state} />
      <input type="hidden" name="caseSlug" value={caseSlug} />
      <Button type="submit" disabled={isPending}>
        {t('submit')}
      </Button>
    </form>
  );
}
