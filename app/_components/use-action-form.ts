'use client';

import { type FormEvent, startTransition, useActionState } from 'react';
import type { ActionResult, ActionState } from '@/lib/forms/action';

type FormAction<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState for forms that must keep everything typed when the server says no. React resets
 * a form after its action runs, and a reset <select> falls back to its first option whatever its
 * defaultValue; so with JavaScript the form is sent from onSubmit (no reset), and without it the
 * action attribute still posts it (progressive enhancement).
 */
export function useActionForm<T>(action: FormAction<T>) {
  const [state, dispatch, isPending] = useActionState<ActionState<T>, FormData>(action, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(formData));
  };
  const failure = state && !state.ok ? state : null;
  // What was typed and what was wrong with it, to fill the fields again after a refusal.
  const values: Record<string, string> = failure?.values ?? {};
  const errors: Record<string, string> = failure?.fieldErrors ?? {};
  return { state, isPending, values, errors, formProps: { action: dispatch, onSubmit } };
}
