'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert, Button, Card, FailureAlert } from '@/app/_components/ui';
import { dismissFlagAction, rejectDuplicateAction } from '@/lib/reviews/actions';

export function DismissFlagForm({ slug, flagId }: { slug: string; flagId: string }) {
  const t = useTranslations('review.duplicates');
  const [state, formAction, isPending] = useActionState(dismissFlagAction, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="flagId" value={flagId} />
      {state?.ok ? (
        <Alert tone="success" role="status">
          {state.message}
        </Alert>
      ) : (
        <FailureAlert state={state} />
      )}
      <Button type="submit" variant="secondary" disabled={isPending}>
        {t('dismiss')}
      </Button>
    </form>
  );
}

export function RejectDuplicateForm(props: {
  slug: string;
  flagId: string;
  claimantId: string;
  version: number;
  defaultReason: string;
  name: string;
}) {
  const t = useTranslations('review.duplicates');
  const [state, formAction, isPending] = useActionState(rejectDuplicateAction, null);
  const values = state && !state.ok ? state.values : {};
  const error = state && !state.ok ? (state.fieldErrors.text ?? state.message) : undefined;
  const id = `reject-${props.claimantId}`;
  return (
    <Card className="space-y-2 border-rose-200">
      <form action={formAction} className="space-y-2">
        <input type="hidden" name="slug" value={props.slug} />
        <input type="hidden" name="flagId" value={props.flagId} />
        <input type="hidden" name="claimantId" value={props.claimantId} />
        <input type="hidden" name="version" value={props.version} />
        <label htmlFor={id} className="block text-sm font-semibold text-slate-800">
          {t('rejectReason')}
        </label>
        <textarea
          id={id}
          name="text"
          rows={2}
          defaultValue={values.text ?? props.defaultReason}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="block w-full rounded-xl border border-slate-300 px-3.5 py-2.5 text-base"
        />
        {error ? (
          <p id={`${id}-error`} role="alert" className="text-sm font-medium text-rose-700">
            {error}
          </p>
        ) : null}
        <Button type="submit" variant="danger" disabled={isPending} aria-label={`${t('rejectThis')}: ${props.name}`}>
          {t('rejectThis')}
        </Button>
      </form>
    </Card>
  );
}
