'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { SelectField, TextAreaField, TextField } from '@/app/_components/form-field';
import { FailureAlert } from '@/app/_components/ui';
import { useActionForm } from '@/app/_components/use-action-form';
import { resolveDateBound } from '@/lib/claims/dates';
import type { ClaimDefinition, Question } from '@/lib/claims/definition-schema';
import type { ClaimAnswers } from '@/lib/claims/types';
import { computeVisibility } from '@/lib/claims/visibility';
import type { Locale } from '@/lib/i18n/config';
import { saveAnswersAction } from '@/lib/intake/actions';
import { listRegions } from '@/lib/regions';
import { CheckboxGroup, RadioGroup, splitValues } from './fields';
import { StepNav } from './step-nav';
import { useDraftKeeper } from './use-draft-keeper';

const OTHER = 'other';
type Snapshot = Record<string, string[]>;

/** What the form holds now, read straight from it, so questions that depend on earlier ones appear as they are answered. */
function readSnapshot(form: HTMLFormElement | null, fallback: Record<string, string>): Snapshot {
  if (!form) return Object.fromEntries(Object.entries(fallback).map(([key, value]) => [key, splitValues(value)]));
  const data = new FormData(form);
  const snapshot: Snapshot = {};
  for (const key of new Set(data.keys())) snapshot[key] = data.getAll(key).map(String);
  return snapshot;
}

/** The snapshot as typed answers, over the answers of the other steps, for the definition's conditions. */
function answersFrom(questions: Question[], snapshot: Snapshot, saved: ClaimAnswers): ClaimAnswers {
  const answers: ClaimAnswers = { ...saved };
  for (const question of questions) {
    delete answers[question.id];
    const values = (snapshot[question.id] ?? []).filter(Boolean);
    if (values.length === 0) continue;
    if (question.type === 'multiple_choice') answers[question.id] = values;
    else if (question.type === 'number' || question.type === 'money') {
      const number = Number(values[0].replace(/[,\s]/g, ''));
      if (Number.isFinite(number)) answers[question.id] = number;
    } else answers[question.id] = values[0];
  }
  return answers;
}

/**
 * One step of the case's claim definition, rendered from it: each question by its type, shown
 * only while its condition holds (the server decides again on save), with date bounds as the
 * inputs' min and max. Every answer survives an error: the form comes back with what was typed.
 */
export function QuestionStepForm({
  caseSlug,
  claimantId,
  definition,
  stepId,
  category,
  savedAnswers,
  defaults,
  locale,
  backHref,
}: {
  caseSlug: string;
  claimantId: string;
  definition: ClaimDefinition;
  stepId: string;
  category: string | null;
  savedAnswers: ClaimAnswers;
  defaults: Record<string, string>;
  locale: Locale;
  backHref: string;
}) {
  const t = useTranslations('intake.answers');
  const common = useTranslations('common');
  const { state, isPending, formProps } = useActionForm(saveAnswersAction);
  const values = state && !state.ok ? state.values : defaults;
  const errors = state && !state.ok ? state.fieldErrors : {};
  const formRef = useRef<HTMLFormElement>(null);
  const [snapshot, setSnapshot] = useState<Snapshot>(() => readSnapshot(null, values));
  useDraftKeeper(formRef, `intake:${claimantId}:${stepId}`, { onRestore: (form) => setSnapshot(readSnapshot(form, values)) });
  const step = definition.steps.find((item) => item.id === stepId)!;
  const answers = answersFrom(step.questions, snapshot, savedAnswers);
  // The engine decides what shows, so a question under a hidden one hides too (and the server agrees).
  const visible = computeVisibility(definition, { category, answers }).questions;
  const isShown = (question: Question) => visible.has(question.id);
  const text = (value: { ko: string; en: string } | undefined) => value?.[locale] ?? '';
  const bound = (question: Question, which: 'notBefore' | 'notAfter') => {
    const value = 'notBefore' in question ? question[which] : undefined;
    return value ? (resolveDateBound(value, { definition, answers }) ?? undefined) : undefined;
  };

  function render(question: Question) {
    const common_ = {
      name: question.id,
      label: text(question.label),
      hint: question.help ? text(question.help) : undefined,
      error: errors[question.id],
      isOptional: !question.required,
      optionalLabel: common('optional'),
    };
    const other = (chosen: boolean) =>
      chosen ? (
        <TextField
          name={`${question.id}.other`}
          label={t('otherLabel')}
          defaultValue={values[`${question.id}.other`]}
          error={errors[`${question.id}.other`]}
          maxLength={200}
        />
      ) : null;
    switch (question.type) {
      case 'short_text':
        return <TextField {...common_} defaultValue={values[question.id]} maxLength={question.maxLength} />;
      case 'long_text':
        return <TextAreaField {...common_} defaultValue={values[question.id]} maxLength={question.maxLength} rows={5} />;
      case 'number':
        return <TextField {...common_} inputMode="decimal" defaultValue={values[question.id]} />;
      case 'money':
        return (
          <TextField
            {...common_}
            inputMode="numeric"
            defaultValue={values[question.id]}
            hint={[common_.hint, t('moneyHint', { currency: definition.currency })].filter(Boolean).join(' ')}
          />
        );
      case 'date':
        return (
          <TextField
            {...common_}
            type="date"
            min={bound(question, 'notBefore')}
            max={bound(question, 'notAfter')}
            defaultValue={values[question.id]}
          />
        );
      case 'datetime':
        return (
          <TextField
            {...common_}
            type="datetime-local"
            min={bound(question, 'notBefore')}
            max={bound(question, 'notAfter')}
            defaultValue={values[question.id]}
          />
        );
      case 'region':
        return (
          <SelectField {...common_} defaultValue={values[question.id] ?? ''}>
            <option value="">{t('choose')}</option>
            {listRegions(definition.jurisdiction).map((region) => (
              <option key={region.code} value={region.code}>
                {region.name[locale]}
              </option>
            ))}
          </SelectField>
        );
      case 'yes_no_unsure':
        return (
          <RadioGroup
            name={question.id}
            legend={common_.label}
            hint={common_.hint}
            value={values[question.id]}
            error={common_.error}
            columns={2}
            options={(['yes', 'no', 'unsure'] as const).map((value) => ({ value, label: t(value) }))}
          />
        );
      case 'single_choice': {
        const options = [
          ...question.options.map((option) => ({ value: option.id, label: text(option.label) })),
          ...(question.allowOther ? [{ value: OTHER, label: t('other') }] : []),
        ];
        return (
          <div className="space-y-3">
            <RadioGroup
              name={question.id}
              legend={common_.label}
              hint={common_.hint}
              value={values[question.id]}
              error={common_.error}
              options={options}
            />
            {question.allowOther ? other((snapshot[question.id] ?? []).includes(OTHER)) : null}
          </div>
        );
      }
      case 'multiple_choice': {
        const options = [
          ...question.options.map((option) => ({ value: option.id, label: text(option.label) })),
          ...(question.allowOther ? [{ value: OTHER, label: t('other') }] : []),
        ];
        return (
          <div className="space-y-3">
            <CheckboxGroup
              name={question.id}
              legend={common_.label}
              hint={common_.hint}
              values={splitValues(values[question.id])}
              error={common_.error}
              options={options}
            />
            {question.allowOther ? other((snapshot[question.id] ?? []).includes(OTHER)) : null}
          </div>
        );
      }
    }
  }

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
      <input type="hidden" name="stepId" value={stepId} />
      {step.questions.map((question) => (
        // Hidden questions stay in the page (what was typed is kept if the answer above changes back) but are not sent.
        <fieldset key={question.id} hidden={!isShown(question)} disabled={!isShown(question)} className="min-w-0">
          {render(question)}
        </fieldset>
      ))}
      <StepNav backHref={backHref} isPending={isPending} />
    </form>
  );
}
