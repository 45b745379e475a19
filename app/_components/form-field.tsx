import type { ComponentProps, ReactNode } from 'react';

type FieldProps = {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  isOptional?: boolean;
  optionalLabel?: string;
};

type FieldFrameProps = Omit<FieldProps, 'name'> & { fieldId: string; children: ReactNode };

/** The ids a control points its aria-describedby at: its hint and its error, when shown. */
function describedByFor(fieldId: string, hint: ReactNode, error: string | undefined): string | undefined {
  return [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** Label above, hint and error below, for any single control. */
function FieldFrame({ fieldId, label, error, hint, isOptional, optionalLabel, children }: FieldFrameProps) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={fieldId} className="block text-sm font-semibold text-slate-800">
        {label}
        {isOptional && optionalLabel ? <span className="ml-1 font-normal text-slate-500">({optionalLabel})</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${fieldId}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${fieldId}-error`} className="text-sm font-medium text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const borderFor = (error: string | undefined) => (error ? 'border-rose-500' : 'border-slate-300');

/** A labelled input whose error and hint are tied to it for screen readers (aria-describedby). */
export function TextField({
  name,
  label,
  error,
  hint,
  isOptional,
  optionalLabel,
  id,
  className = '',
  ...input
}: FieldProps & ComponentProps<'input'>) {
  const fieldId = id ?? `field-${name}`;
  return (
    <FieldFrame fieldId={fieldId} label={label} error={error} hint={hint} isOptional={isOptional} optionalLabel={optionalLabel}>
      <input
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByFor(fieldId, hint, error)}
        className={`block min-h-11 w-full rounded-xl border bg-white px-3.5 py-2.5 text-base text-ink shadow-sm placeholder:text-slate-400 ${borderFor(error)} ${className}`}
        {...input}
      />
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  error,
  hint,
  isOptional,
  optionalLabel,
  id,
  children,
  ...select
}: FieldProps & ComponentProps<'select'>) {
  const fieldId = id ?? `field-${name}`;
  return (
    <FieldFrame fieldId={fieldId} label={label} error={error} hint={hint} isOptional={isOptional} optionalLabel={optionalLabel}>
      <select
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByFor(fieldId, hint, error)}
        className={`block min-h-11 w-full rounded-xl border bg-white px-3 py-2.5 text-base text-ink shadow-sm ${borderFor(error)}`}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

export function TextAreaField({
  name,
  label,
  error,
  hint,
  isOptional,
  optionalLabel,
  id,
  ...textarea
}: FieldProps & ComponentProps<'textarea'>) {
  const fieldId = id ?? `field-${name}`;
  return (
    <FieldFrame fieldId={fieldId} label={label} error={error} hint={hint} isOptional={isOptional} optionalLabel={optionalLabel}>
      <textarea
        id={fieldId}
        name={name}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByFor(fieldId, hint, error)}
        className={`block w-full rounded-xl border bg-white px-3.5 py-2.5 text-base text-ink shadow-sm ${borderFor(error)}`}
        {...textarea}
      />
    </FieldFrame>
  );
}

export function CheckboxField({
  name,
  label,
  error,
  id,
  ...input
}: { name: string; label: ReactNode; error?: string } & ComponentProps<'input'>) {
  const fieldId = id ?? `field-${name}`;
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-3">
        <input
          id={fieldId}
          name={name}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${fieldId}-error` : undefined}
          className="mt-1 h-5 w-5 shrink-0 rounded border-slate-400 accent-brand-600"
          {...input}
        />
        <label htmlFor={fieldId} className="text-sm text-slate-800">
          {label}
        </label>
      </div>
      {error ? (
        <p id={`${fieldId}-error`} className="pl-8 text-sm font-medium text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
