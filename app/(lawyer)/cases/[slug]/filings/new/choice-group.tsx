import type { ReactNode } from 'react';

type Option = { value: string; label: ReactNode };

/** Radio buttons under a legend, each a 44 px target, with the group's error tied to it. */
export function ChoiceGroup({
  name,
  legend,
  options,
  value,
  onChange,
  error,
}: {
  name: string;
  legend: string;
  options: Option[];
  value: string;
  onChange?: (value: string) => void;
  error?: string;
}) {
  const errorId = `field-${name}-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1 text-sm font-semibold text-slate-800">{legend}</legend>
      {options.map((option) => {
        const id = `field-${name}-${option.value}`;
        return (
          <div
            key={option.value}
            className="flex min-h-11 items-center gap-3 rounded-xl border border-slate-200 px-3 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
          >
            <input
              id={id}
              type="radio"
              name={name}
              value={option.value}
              defaultChecked={value === option.value}
              onChange={() => onChange?.(option.value)}
              className="h-5 w-5 shrink-0 accent-brand-600"
            />
            <label htmlFor={id} className="flex-1 py-2 text-sm text-slate-800">
              {option.label}
            </label>
          </div>
        );
      })}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-rose-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
