'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/forms/action';
import { SelectField, TextAreaField, TextField } from './form-field';
import { ErrorSummary } from './error-summary';
import { Alert, Button } from './ui';

export type FormFieldSpec =
  | {
      kind: 'text' | 'email' | 'number' | 'datetime-local';
      name: string;
      label: string;
      defaultValue?: string;
      hint?: string;
      isRequired?: boolean;
    }
  | { kind: 'textarea'; name: string; label: string; defaultValue?: string; hint?: string; rows?: number; isRequired?: boolean }
  | { kind: 'select'; name: string; label: string; defaultValue?: string; options: { value: string; label: string }[] };

type Action = (previous: ActionResult<unknown> | null, formData: FormData) => Promise<ActionResult<unknown>>;

/**
 * A form described by its fields, for the many small staff forms. It shows the action's
 * translated result, puts each error next to its field, and keeps what was typed on failure.
 */
export function ActionForm({
  action,
  fields,
  submitLabel,
  pendingLabel,
  variant = 'primary',
  columns = 1,
  idPrefix,
}: {
  action: Action;
  fields: FormFieldSpec[];
  submitLabel: string;
  pendingLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  columns?: 1 | 2;
  /** Gives the fields ids of their own where the same form appears several times on a page. */
  idPrefix?: string;
}) {
  const [state, formAction, isPending] = useActionState(action, null);
  const values = state && !state.ok ? state.values : {};
  const errors = state && !state.ok ? state.fieldErrors : {};
  const valueOf = (field: FormFieldSpec) => values[field.name] ?? field.defaultValue ?? '';
  const idOf = (field: FormFieldSpec) => (idPrefix ? `${idPrefix}-${field.name}` : undefined);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state?.ok ? (
        <Alert tone="success" role="status">
          {state.message}
        </Alert>
      ) : (
        <ErrorSummary state={state} />
      )}
      <div className={columns === 2 ? 'grid gap-4 sm:grid-cols-2' : 'space-y-4'}>
        {fields.map((field) => {
          const key = `${field.name}:${state && !state.ok ? 'retry' : 'fresh'}`;
          if (field.kind === 'select') {
            return (
              <SelectField
                key={key}
                id={idOf(field)}
                name={field.name}
                label={field.label}
                defaultValue={valueOf(field)}
                error={errors[field.name]}
              >
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </SelectField>
            );
          }
          if (field.kind === 'textarea') {
            return (
              <div key={key} className={columns === 2 ? 'sm:col-span-2' : undefined}>
                <TextAreaField
                  id={idOf(field)}
                  name={field.name}
                  label={field.label}
                  hint={field.hint}
                  rows={field.rows ?? 6}
                  defaultValue={valueOf(field)}
                  error={errors[field.name]}
                />
              </div>
            );
          }
          return (
            <TextField
              key={key}
              id={idOf(field)}
              name={field.name}
              type={field.kind}
              label={field.label}
              hint={field.hint}
              defaultValue={valueOf(field)}
              error={errors[field.name]}
              required={field.isRequired}
            />
          );
        })}
      </div>
      <Button type="submit" variant={variant} disabled={isPending}>
        {isPending && pendingLabel ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
