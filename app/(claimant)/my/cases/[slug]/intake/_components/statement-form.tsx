'use client';

import { FailureAlert } from '@/app/_components/ui';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { TextAreaField, TextField } from '@/app/_components/form-field';
import { saveStatementAction } from '@/lib/intake/actions';
import {
  ADMINISTRATORS,
  BULLETINS,
  PATCH_STATUSES,
  SQL_PRODUCTS,
  WARNERS,
  WARNING_CHANNELS,
  YES_NO_UNSURE,
} from '@/lib/statements/questionnaire';
import { CheckboxGroup, RadioGroup, splitValues } from './fields';
import { StepNav } from './step-nav';
import { useDraftKeeper } from './use-draft-keeper';
import { useActionForm } from '@/app/_components/use-action-form';

type Snapshot = Record<string, string[]>;

/** The answers that decide which questions follow, read straight from the form. */
function readSnapshot(form: HTMLFormElement | null, fallback: Record<string, string>): Snapshot {
  if (!form) return Object.fromEntries(Object.entries(fallback).map(([key, value]) => [key, splitValues(value)]));
  const data = new FormData(form);
  const snapshot: Snapshot = {};
  for (const key of new Set(data.keys())) snapshot[key] = data.getAll(key).map(String);
  return snapshot;
}

export function StatementForm({
  caseSlug,
  claimantId,
  defaults,
  bulletinDates,
  incidentLabel,
  backHref,
}: {
  caseSlug: string;
  claimantId: string;
  defaults: Record<string, string>;
  bulletinDates: Record<string, string>;
  incidentLabel: string;
  backHref: string;
}) {
  const t = useTranslations('intake.statement');
  const common = useTranslations('common');
  const { state, isPending, formProps } = useActionForm(saveStatementAction);
  const values = state && !state.ok ? state.values : defaults;
  const errors = state && !state.ok ? state.fieldErrors : {};
  const formRef = useRef<HTMLFormElement>(null);
  const [snapshot, setSnapshot] = useState<Snapshot>(() => readSnapshot(null, values));
  useDraftKeeper(formRef, `intake:${claimantId}:statement`, { onRestore: (form) => setSnapshot(readSnapshot(form, values)) });
  const has = (name: string, value: string) => (snapshot[name] ?? []).includes(value);
  const label = t as unknown as (key: string) => string;
  const options = (list: readonly string[], group: string) => list.map((value) => ({ value, label: label(`${group}.${value}`) }));

  return (
    <form
      ref={formRef}
      {...formProps}
      className="space-y-6"
      noValidate
      onChange={(event) => setSnapshot(readSnapshot(event.currentTarget, values))}
    >
      <FailureAlert state={state} />
      <input type="hidden" name="caseSlug" value={caseSlug} />
      <aside aria-label={t('timelineTitle')} className="rounded-xl bg-brand-50 p-3 text-sm text-brand-800">
        <p className="font-semibold">{t('timelineTitle')}</p>
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {BULLETINS.map((bulletin) => (
            <li key={bulletin.id}>{t('timelineBulletin', { bulletin: bulletin.name, date: bulletinDates[bulletin.id] })}</li>
          ))}
          <li>{t('timelineIncident', { time: incidentLabel })}</li>
        </ul>
      </aside>

      <RadioGroup
        name="ranSqlServer"
        legend={t('ranSqlServer')}
        hint={t('ranSqlServerHint')}
        value={values.ranSqlServer}
        error={errors.ranSqlServer}
        options={options(YES_NO_UNSURE, 'yesNoUnsure')}
      />

      <div hidden={!has('ranSqlServer', 'yes')} className="space-y-6 border-l-4 border-brand-200 pl-4">
        <CheckboxGroup
          name="products"
          legend={t('products')}
          values={splitValues(values.products)}
          error={errors.products}
          options={options(SQL_PRODUCTS, 'productOptions')}
        />
        {has('products', 'other') ? (
          <TextField name="productOther" label={t('productOther')} defaultValue={values.productOther} error={errors.productOther} />
        ) : null}
        {BULLETINS.map((bulletin) => (
          <div key={bulletin.id} className="space-y-3">
            <RadioGroup
              name={`${bulletin.id}_status`}
              legend={t('patch', { bulletin: bulletin.name, date: bulletinDates[bulletin.id] })}
              value={values[`${bulletin.id}_status`]}
              error={errors[`${bulletin.id}_status`]}
              options={options(PATCH_STATUSES, 'patchOptions')}
            />
            <div hidden={!has(`${bulletin.id}_status`, 'applied')}>
              <TextField
                name={`${bulletin.id}_appliedOn`}
                type="date"
                label={t('appliedOn', { bulletin: bulletin.name })}
                min={BULLETINS.find((item) => item.id === bulletin.id)?.publishedOn}
                defaultValue={values[`${bulletin.id}_appliedOn`]}
                error={errors[`${bulletin.id}_appliedOn`]}
              />
            </div>
          </div>
        ))}
        <RadioGroup
          name="administeredBy"
          legend={t('administeredBy')}
          value={values.administeredBy}
          error={errors.administeredBy}
          options={options(ADMINISTRATORS, 'administratorOptions')}
        />
        {has('administeredBy', 'other') ? (
          <TextField
            name="administeredByOther"
            label={t('administeredByOther')}
            defaultValue={values.administeredByOther}
            error={errors.administeredByOther}
          />
        ) : null}
      </div>

      <RadioGroup
        name="warned"
        legend={t('warned')}
        hint={t('warnedHint')}
        value={values.warned}
        error={errors.warned}
        options={options(YES_NO_UNSURE, 'yesNoUnsure')}
      />
      <div hidden={!has('warned', 'yes')} className="space-y-6 border-l-4 border-brand-200 pl-4">
        <CheckboxGroup
          name="warnedBy"
          legend={t('warnedBy')}
          values={splitValues(values.warnedBy)}
          error={errors.warnedBy}
          options={options(WARNERS, 'warnerOptions')}
        />
        {has('warnedBy', 'other') ? (
          <TextField name="warnedByOther" label={t('warnedByOther')} defaultValue={values.warnedByOther} error={errors.warnedByOther} />
        ) : null}
        <TextField
          name="warnedOn"
          type="date"
          label={t('warnedOn')}
          min={BULLETINS[0].publishedOn}
          defaultValue={values.warnedOn}
          error={errors.warnedOn}
        />
        <CheckboxGroup
          name="warnedHow"
          legend={t('warnedHow')}
          values={splitValues(values.warnedHow)}
          error={errors.warnedHow}
          options={options(WARNING_CHANNELS, 'channelOptions')}
        />
      </div>

      <TextAreaField
        name="freeText"
        label={t('freeText')}
        hint={t('freeTextHint')}
        isOptional
        optionalLabel={common('optional')}
        maxLength={3000}
        rows={5}
        defaultValue={values.freeText}
        error={errors.freeText}
      />
      <StepNav backHref={backHref} isPending={isPending} submitLabel={t('submit')} />
    </form>
  );
}
