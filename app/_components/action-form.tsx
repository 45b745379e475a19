'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/forms/action';
import { SelectField, TextField } from './form-field';
import { Alert, Button } from './ui';

export type FormFieldSpec =
  | { kind: 'text' | 'email' | 'number' | 'datetime-local'; name: string; label: string; defaultValue?: string; hint?: string; isRequired?: boolean }
  | { kind: 'textarea'; name: string; label: string; defaultValue?: string; hint?: string; rows?: number; isRequired?: boolean }
  | { kind: 'select'; name: string; label: string; defaultValue?: string; options: { value: string; label: string }[] };

type Action = (previous: ActionResult<unknown> | null, formData: FormData) => Promise<ActionResult<unknown>>;

/**
 * A form described by its fields, for the many small staff forms. It shows the action's
 * translated result, puts each error next to its field, and keeps what was typed on failure.
 */
export function ActionForm({ action, fields, submitLabel, pendingLabel, variant = 'primary', columns = 1 }: { action: Action; fields: FormFieldSpec[]; submitLabel: string; pendingLabel?: string; variant?: 'primary' | 'secondary' | 'danger'; columns?: 1 | 2 }) {
  const [state, formAction, isPending] = useActionState(action, null);
  const values = state && !state.ok ? state.values : {};
  const errors = state && !state.ok ? state.fieldErrors : {};
  const valueOf = (field: FormFieldSpec) => values[field.name] ?? field.defaultValue ?? '';
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state ? (
        <Alert tone={state.ok ? 'success' : 'error'} role={state.ok ? 'status' : 'alert'}>
          {state.message}
        </Alert>
      ) : null}
      <div className={columns === 2 ? 'grid gap-4 sm:grid-cols-2' : 'space-y-4'}>
        {fields.map((field) => {
          const key = `${field.name}:${state && !state.ok ? 'retry' : 'fresh'}`;
          if (field.kind === 'select') {
            return (
              <SelectField key={key} name={field.name} label={field.label} defaultValue={valueOf(field)} error={errors[field.name]}>
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </SelectField>
            );
          }
          if (field.kind === 'textarea') {
            const id = `field-${field.name}`;
            return (
              <div key={key} className={`space-y-1.5 ${columns === 2 ? 'sm:col-span-2' : ''}`}>
                <label htmlFor={id} className="block text-sm font-semibold text-slate-800">
                  {field.label}
                </label>
                <textarea
                  id={id}
                  name={field.name}
                  rows={field.rows ?? 6}
                  defaultValue={valueOf(field)}
                  aria-invalid={errors[field.name] ? true : undefined}
                  aria-describedby={[field.hint ? `${id}-hint` : '', errors[field.name] ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
                  className={`block w-full rounded-xl border bg-white px-3.5 py-2.5 text-base shadow-sm ${errors[field.name] ? 'border-rose-500' : 'border-slate-300'}`}
                />
                {field.hint ? (
                  <p id={`${id}-hint`} className="text-sm text-slate-600">
                    {field.hint}
                  </p>
                ) : null}
                {errors[field.name] ? (
                  <p id={`${id}-error`} className="text-sm font-medium text-rose-700">
                    {errors[field.name]}
                  </p>
                ) : null}
              </div>
            );
          }
          return <TextField key={key} name={field.name} type={field.kind} label={field.label} hint={field.hint} defaultValue={valueOf(field)} error={errors[field.name]} required={field.isRequired} />;
        })}
      </div>
      <Button type="submit" variant={variant} disabled={isPending}>
        {isPending && pendingLabel ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
