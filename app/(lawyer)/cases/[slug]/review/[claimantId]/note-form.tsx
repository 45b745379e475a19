'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert, Button } from '@/app/_components/ui';
import { addNoteAction } from '@/lib/reviews/actions';

export function NoteForm({ slug, claimantId }: { slug: string; claimantId: string }) {
  const t = useTranslations('review.file');
  const [state, formAction, isPending] = useActionState(addNoteAction, null);
  const values = state && !state.ok ? state.values : {};
  const error = state && !state.ok ? (state.fieldErrors.body ?? state.message) : undefined;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="claimantId" value={claimantId} />
      <label htmlFor="note-body" className="block text-sm font-semibold text-slate-800">
        {t('addNote')}
      </label>
      <textarea
        id="note-body"
        name="body"
        rows={3}
        defaultValue={values.body}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'note-body-error' : undefined}
        className={`block w-full rounded-xl border px-3.5 py-2.5 text-base ${error ? 'border-rose-500' : 'border-slate-300'}`}
      />
      {error ? (
        <p id="note-body-error" className="text-sm font-medium text-rose-700">
          {error}
        </p>
      ) : null}
      {state?.ok ? (
        <Alert tone="success" role="status">
          {state.message}
        </Alert>
      ) : null}
      <Button type="submit" variant="secondary" disabled={isPending}>
        {t('saveNote')}
      </Button>
    </form>
  );
}
