import type { ComponentProps, ReactNode } from 'react';

/**
 * Choice groups for the wizard, in the same style as app/_components/form-field:
 * a fieldset with a legend, errors and hints tied to the controls for screen readers, and options
 * as large tappable cards (44 px and more) for phones.
 */
type Option = { value: string; label: ReactNode; description?: ReactNode };

type GroupProps = {
  name: string;
  legend: ReactNode;
  options: readonly Option[];
  error?: string;
  hint?: ReactNode;
  columns?: 1 | 2;
};

function GroupFrame({
  name,
  legend,
  error,
  hint,
  children,
}: {
  name: string;
  legend: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
  const describedBy = [hint ? `group-${name}-hint` : null, error ? `group-${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy}>
      <legend className="mb-1 text-sm font-semibold text-slate-800">{legend}</legend>
      {hint ? (
        <p id={`group-${name}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`group-${name}-error`} className="text-sm font-medium text-rose-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function OptionCard({
  type,
  name,
  option,
  isChecked,
  onChange,
}: {
  type: 'radio' | 'checkbox';
  name: string;
  option: Option;
  isChecked: boolean;
  onChange?: ComponentProps<'input'>['onChange'];
}) {
  const id = `${name}-${option.value}`;
  return (
    <label
      htmlFor={id}
      className="flex min-h-11 cursor-pointer items-start gap-3 rounded-xl border border-slate-300 bg-white px-3.5 py-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
    >
      <input
        id={id}
        type={type}
        name={name}
        value={option.value}
        defaultChecked={isChecked}
        onChange={onChange}
        className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600"
      />
      <span className="space-y-0.5">
        <span className="block text-base font-medium text-ink">{option.label}</span>
        {option.description ? <span className="block text-sm text-slate-600">{option.description}</span> : null}
      </span>
    </label>
  );
}

export function RadioGroup({
  value,
  onChange,
  columns = 1,
  ...group
}: GroupProps & { value?: string; onChange?: ComponentProps<'input'>['onChange'] }) {
  return (
    <GroupFrame {...group}>
      <div className={`grid gap-2 ${columns === 2 ? 'sm:grid-cols-2' : ''}`}>
        {group.options.map((option) => (
          <OptionCard
            key={option.value}
            type="radio"
            name={group.name}
            option={option}
            isChecked={value === option.value}
            onChange={onChange}
          />
        ))}
      </div>
    </GroupFrame>
  );
}

export function CheckboxGroup({
  values = [],
  onChange,
  columns = 1,
  ...group
}: GroupProps & { values?: readonly string[]; onChange?: ComponentProps<'input'>['onChange'] }) {
  return (
    <GroupFrame {...group}>
      <div className={`grid gap-2 ${columns === 2 ? 'sm:grid-cols-2' : ''}`}>
        {group.options.map((option) => (
          <OptionCard
            key={option.value}
            type="checkbox"
            name={group.name}
            option={option}
            isChecked={values.includes(option.value)}
            onChange={onChange}
          />
        ))}
      </div>
    </GroupFrame>
  );
}

/** Splits a comma-joined value (how repeated checkboxes come back after an error) into its parts. */
export function splitValues(value: string | undefined): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}
