import type { ComponentProps, ReactNode } from 'react';

type FieldProps = {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  isOptional?: boolean;
  optionalLabel?: string;
};

/** A labelled input whose error and hint are tied to it for screen readers (aria-describedby). */
export function TextField({ name, label, error, hint, isOptional, optionalLabel, id, className = '', ...input }: FieldProps & ComponentProps<'input'>) {
  const fieldId = id ?? `field-${name}`;
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={fieldId} className="block text-sm font-semibold text-slate-800">
        {label}
        {isOptional && optionalLabel ? <span className="ml-1 font-normal text-slate-500">({optionalLabel})</span> : null}
      </label>
      <input
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`block min-h-11 w-full rounded-xl border bg-white px-3.5 py-2.5 text-base text-ink shadow-sm placeholder:text-slate-400 ${error ? 'border-rose-500' : 'border-slate-300'} ${className}`}
        {...input}
      />
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

export function SelectField({ name, label, error, hint, isOptional, optionalLabel, id, children, ...select }: FieldProps & ComponentProps<'select'>) {
  const fieldId = id ?? `field-${name}`;
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={fieldId} className="block text-sm font-semibold text-slate-800">
        {label}
        {isOptional && optionalLabel ? <span className="ml-1 font-normal text-slate-500">({optionalLabel})</span> : null}
      </label>
      <select
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`block min-h-11 w-full rounded-xl border bg-white px-3 py-2.5 text-base text-ink shadow-sm ${error ? 'border-rose-500' : 'border-slate-300'}`}
        {...select}
      >
        {children}
      </select>
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

export function CheckboxField({ name, label, error, id, ...input }: { name: string; label: ReactNode; error?: string } & ComponentProps<'input'>) {
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
