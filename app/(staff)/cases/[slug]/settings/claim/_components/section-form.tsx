'use client';

import { useTranslations } from 'next-intl';
import { CheckboxField, SelectField, TextAreaField, TextField } from '@/app/_components/form-field';
import { Alert, Button } from '@/app/_components/ui';
import { ErrorSummary } from '@/app/_components/error-summary';
import { useActionForm } from '@/app/_components/use-action-form';
import type { ActionResult } from '@/lib/forms/action';
import type { FieldGroup, FieldSpec, IntentButton } from '@/lib/claims/editor/field-specs';

type Action = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

function Field({ field, value, error }: { field: FieldSpec; value: string | undefined; error?: string }) {
  switch (field.kind) {
    case 'select':
      return (
        <SelectField name={field.name} label={field.label} hint={field.hint} defaultValue={value ?? field.value} error={error}>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
      );
    case 'textarea':
      return (
        <div className="sm:col-span-2">
          <TextAreaField
            name={field.name}
            label={field.label}
            hint={field.hint}
            rows={field.rows}
            defaultValue={value ?? field.value}
            error={error}
          />
        </div>
      );
    case 'checkbox':
      return (
        <CheckboxField
          name={field.name}
          label={field.label}
          defaultChecked={value === undefined ? field.checked : value === 'on'}
          error={error}
        />
      );
    default:
      return (
        <TextField
          name={field.name}
          label={field.label}
          hint={field.hint}
          inputMode={field.kind === 'number' ? 'numeric' : undefined}
          defaultValue={value ?? field.value}
          error={error}
        />
      );
  }
}

function Buttons({ buttons, isPending }: { buttons: IntentButton[]; isPending: boolean }) {
  if (buttons.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {buttons.map((button) => (
        <Button
          key={button.intent}
          type="submit"
          name="intent"
          value={button.intent}
          variant={button.variant ?? 'secondary'}
          disabled={isPending}
        >
          {button.label}
        </Button>
      ))}
    </div>
  );
}

function Group({
  item,
  depth,
  values,
  errors,
  isPending,
}: {
  item: FieldGroup;
  depth: number;
  values: Record<string, string> | null;
  errors: Record<string, string>;
  isPending: boolean;
}) {
  const Heading = depth === 0 ? 'h3' : 'h4';
  return (
    <fieldset className={`min-w-0 space-y-4 rounded-xl border border-slate-200 p-4 ${depth > 0 ? 'bg-slate-50' : ''}`}>
      <legend className="px-1">
        <Heading className="text-base font-semibold">{item.title}</Heading>
      </legend>
      {item.fields.length > 0 ? (
        <div className="grid gap-4 sm:grid-cols-2">
          {item.fields.map((field) => (
            <Field
              key={field.name}
              field={field}
              value={values ? (values[field.name] ?? (field.kind === 'checkbox' ? '' : undefined)) : undefined}
              error={errors[field.name]}
            />
          ))}
        </div>
      ) : null}
      {item.groups.map((child) => (
        <Group key={child.id} item={child} depth={depth + 1} values={values} errors={errors} isPending={isPending} />
      ))}
      <Buttons buttons={item.buttons} isPending={isPending} />
    </fieldset>
  );
}

/**
 * One section of the claim definition as a form. Each control is named by its path in the
 * definition, so the server's errors land on it; a refused save shows the summary (focused) and
 * keeps everything typed; the add / remove / move buttons save what was typed first.
 */
export function SectionForm({
  action,
  groups,
  buttons,
  revision,
  standingErrors,
}: {
  action: Action;
  groups: FieldGroup[];
  buttons: IntentButton[];
  /** Changes with each saved draft, so the controls show what was saved. */
  revision: string;
  /** Faults the draft has now in this section (found when the page was drawn). */
  standingErrors: Record<string, string>;
}) {
  const t = useTranslations('admin.claimEditor');
  const { state, isPending, formProps } = useActionForm(action);
  const failure = state && !state.ok ? state : null;
  const errors = failure ? failure.fieldErrors : standingErrors;
  return (
    <form {...formProps} className="space-y-4" noValidate>
      {state?.ok ? (
        <Alert tone="success" role="status">
          {state.message}
        </Alert>
      ) : (
        <ErrorSummary state={state} />
      )}
      {/* First in the form, so Enter in a field saves rather than pressing the first "remove". */}
      <Button type="submit" name="intent" value="save" variant="secondary" disabled={isPending}>
        {t('save')}
      </Button>
      <div key={failure ? `retry:${JSON.stringify(failure.values).length}:${revision}` : revision} className="space-y-4">
        {groups.map((item) => (
          <Group key={item.id} item={item} depth={0} values={failure ? failure.values : null} errors={errors} isPending={isPending} />
        ))}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="save" disabled={isPending}>
          {t('save')}
        </Button>
        <Buttons buttons={buttons} isPending={isPending} />
      </div>
    </form>
  );
}
