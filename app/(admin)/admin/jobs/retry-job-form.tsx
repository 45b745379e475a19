'use client';

import { useActionState } from 'react';
import { Alert, buttonClass, FailureAlert } from '@/app/_components/ui';
import { retryDeadLetterAction } from '@/lib/jobs/actions';

/** The retry button of one dead job; the result (or the refusal) is announced next to it. */
export function RetryJobForm({ jobId, label, describedBy }: { jobId: string; label: string; describedBy: string }) {
  const [state, formAction, isPending] = useActionState(retryDeadLetterAction, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="jobId" value={jobId} />
      <button type="submit" className={buttonClass('secondary')} disabled={isPending} aria-describedby={describedBy}>
        {label}
      </button>
      {state && !state.ok ? <FailureAlert state={state} linkless={['jobId']} /> : null}
      {state?.ok && state.message ? <Alert tone="success">{state.message}</Alert> : null}
    </form>
  );
}
