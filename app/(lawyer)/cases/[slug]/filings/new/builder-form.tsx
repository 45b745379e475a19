'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { CheckboxField, SelectField, TextField } from '@/app/_components/form-field';
import { Button, FailureAlert } from '@/app/_components/ui';
import { createFilingAction } from '@/lib/filings/actions';
import { ChoiceGroup } from './choice-group';

type Selection = { id: string; name: string; size: number };
type Defaults = { format: 'kr' | 'us'; language: 'ko' | 'en'; batesPrefix: string; batesStart: string; maxPartMb: string };

const DOCUMENT_BOXES = [
  ['docComplaint', 'complaint'],
  ['docPartyList', 'partyList'],
  ['docAppointment', 'appointment'],
  ['docDeclarations', 'declarations'],
  ['docExhibits', 'exhibits'],
] as const;

/**
 * The packet builder. Everything typed comes back after a refused request (the action returns
 * the values), and each message sits next to its field.
 */
export function BuilderForm({
  slug,
  verifiedCount,
  selections,
  defaults,
  chosenSelectionId,
}: {
  slug: string;
  verifiedCount: number;
  selections: Selection[];
  defaults: Defaults;
  /** A saved list chosen by the link that opened the builder (a filing round's "build the packet"). */
  chosenSelectionId?: string;
}) {
  const t = useTranslations('filings');
  const [state, formAction, isPending] = useActionState(createFilingAction.bind(null, slug), null);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  const errors = failed?.fieldErrors ?? {};
  // Follows the radio buttons, so it already holds the choice that comes back after a refusal.
  const [source, setSource] = useState(chosenSelectionId ? 'selection' : 'all_verified');
  // React resets a form after its action; remounting with the returned values puts them back, each attempt anew.
  const key = failed ? JSON.stringify(failed.values) : 'fresh';
  const value = (name: keyof Defaults) => values[name] ?? defaults[name];
  const isChecked = (name: string) => (failed ? values[name] === 'on' : true);

  return (
    <form action={formAction} className="space-y-8" noValidate>
      <FailureAlert state={failed} />
      <div key={key} className="space-y-8">
        <fieldset className="space-y-3" aria-describedby={errors.documents ? 'field-documents-error' : undefined}>
          <legend className="mb-1 text-base font-semibold text-ink">{t('builder.documentsLegend')}</legend>
          {errors.documents ? (
            <p id="field-documents-error" className="text-sm font-medium text-rose-700">
              {errors.documents}
            </p>
          ) : null}
          {DOCUMENT_BOXES.slice(0, 3).map(([name, document]) => (
            <CheckboxField
              key={name}
              name={name}
              label={t(`documents.${document}`)}
              defaultChecked={isChecked(name)}
              error={errors[name]}
            />
          ))}
          <SelectField
            name="powerOfAttorney"
            label={t('builder.powerOfAttorney')}
            defaultValue={values.powerOfAttorney ?? 'combined'}
            error={errors.powerOfAttorney}
          >
            {(['per_claimant', 'combined', 'none'] as const).map((mode) => (
              <option key={mode} value={mode}>
                {t(`powerOfAttorneyModes.${mode}`)}
              </option>
            ))}
          </SelectField>
          {DOCUMENT_BOXES.slice(3).map(([name, document]) => (
            <CheckboxField
              key={name}
              name={name}
              label={t(`documents.${document}`)}
              defaultChecked={isChecked(name)}
              error={errors[name]}
            />
          ))}
        </fieldset>

        <div className="space-y-4">
          <ChoiceGroup
            name="claimantSource"
            legend={t('builder.claimantsLegend')}
            value={source}
            onChange={setSource}
            error={errors.claimantSource}
            options={[
              { value: 'all_verified', label: t('builder.sourceAllVerified', { count: verifiedCount }) },
              { value: 'selection', label: t('builder.sourceSelection') },
              { value: 'references', label: t('builder.sourceReferences') },
            ]}
          />
          {source === 'selection' ? (
            <SelectField
              name="selectionId"
              label={t('builder.selection')}
              defaultValue={values.selectionId ?? chosenSelectionId ?? ''}
              error={errors.selectionId}
              hint={selections.length === 0 ? t('builder.noSelections') : undefined}
            >
              <option value="">{t('builder.selectionPlaceholder')}</option>
              {selections.map((selection) => (
                <option key={selection.id} value={selection.id}>
                  {t('builder.selectionOption', { name: selection.name, count: selection.size })}
                </option>
              ))}
            </SelectField>
          ) : null}
          {source === 'references' ? (
            <>
              <div className="space-y-1.5">
                <label htmlFor="field-references" className="block text-sm font-semibold text-slate-800">
                  {t('builder.references')}
                </label>
                <textarea
                  id="field-references"
                  name="references"
                  rows={6}
                  defaultValue={values.references ?? ''}
                  aria-invalid={errors.references ? true : undefined}
                  aria-describedby={['field-references-hint', errors.references ? 'field-references-error' : ''].filter(Boolean).join(' ')}
                  className={`block w-full rounded-xl border bg-white px-3.5 py-2.5 font-mono text-base shadow-sm ${errors.references ? 'border-rose-500' : 'border-slate-300'}`}
                />
                <p id="field-references-hint" className="text-sm text-slate-600">
                  {t('builder.referencesHint')}
                </p>
                {errors.references ? (
                  <p id="field-references-error" className="text-sm font-medium text-rose-700">
                    {errors.references}
                  </p>
                ) : null}
              </div>
              <TextField
                name="selectionName"
                label={t('builder.selectionName')}
                hint={t('builder.selectionNameHint')}
                defaultValue={values.selectionName ?? ''}
                error={errors.selectionName}
                maxLength={100}
              />
            </>
          ) : null}
          <TextField
            name="representativeReference"
            label={t('builder.representative')}
            hint={t('builder.representativeHint')}
            defaultValue={values.representativeReference ?? ''}
            error={errors.representativeReference}
            autoCapitalize="characters"
            spellCheck={false}
          />
        </div>

        <div className="grid gap-6 sm:grid-cols-2">
          <ChoiceGroup
            name="format"
            legend={t('builder.formatLegend')}
            value={value('format')}
            error={errors.format}
            options={(['kr', 'us'] as const).map((format) => ({ value: format, label: t(`formats.${format}`) }))}
          />
          <SelectField name="language" label={t('builder.language')} defaultValue={value('language')} error={errors.language}>
            <option value="ko">{t('languages.ko')}</option>
            <option value="en">{t('languages.en')}</option>
          </SelectField>
        </div>

        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-base font-semibold text-ink sm:col-span-3">{t('builder.batesLegend')}</legend>
          <TextField
            name="batesPrefix"
            label={t('builder.batesPrefix')}
            hint={t('builder.batesPrefixHint')}
            defaultValue={value('batesPrefix')}
            error={errors.batesPrefix}
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={12}
          />
          <TextField
            name="batesStart"
            type="number"
            inputMode="numeric"
            min={1}
            label={t('builder.batesStart')}
            defaultValue={value('batesStart')}
            error={errors.batesStart}
          />
          <TextField
            name="maxPartMb"
            type="number"
            inputMode="numeric"
            min={5}
            max={50}
            label={t('builder.maxPartMb')}
            hint={t('builder.maxPartMbHint')}
            defaultValue={value('maxPartMb')}
            error={errors.maxPartMb}
          />
        </fieldset>
      </div>
      <Button type="submit" disabled={isPending} className="w-full sm:w-auto">
        {isPending ? t('builder.submitting') : t('builder.submit')}
      </Button>
    </form>
  );
}
