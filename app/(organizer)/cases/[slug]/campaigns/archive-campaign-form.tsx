'use client';

import { useActionState } from 'react';
import { buttonClass, FailureAlert } from '@/app/_components/ui';
import { setCampaignArchivedAction } from '@/lib/campaigns/actions';

/** The archive / use-again button of one campaign; a refusal is shown next to it. */
export function ArchiveCampaignForm({
  caseSlug,
  code,
  isArchived,
  label,
}: {
  caseSlug: string;
  code: string;
  isArchived: boolean;
  label: string;
}) {
  const [state, formAction, isPending] = useActionState(setCampaignArchivedAction.bind(null, caseSlug), null);
  return (
    <form action={formAction} className="contents">
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="archive" value={isArchived ? '0' : '1'} />
      <button type="submit" className={buttonClass('ghost')} disabled={isPending}>
        {label}
      </button>
      {state && !state.ok ? (
        <div className="w-full">
          <FailureAlert state={state} />
        </div>
      ) : null}
    </form>
  );
}
