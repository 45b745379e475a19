'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { SelectField, TextAreaField, TextField } from '@/app/_components/form-field';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { countSegmentAction, createMessageAction } from '@/lib/communications/actions';
import { PLACEHOLDERS } from '@/lib/communications/placeholders';

const CLAIMANT_STATUSES = ['draft', 'submitted', 'needs_info', 'verified', 'rejected', 'withdrawn'] as const;
const MISSING = ['statement', 'consent', 'evidence'] as const;

/**
 * The segment builder and the message, in one form: "Count recipients" evaluates the filters now
 * (the live count), "Save draft" stores the message with them. What was typed stays on a refusal.
 */
export function ComposerForm({ caseSlug, audiences }: { caseSlug: string; audiences: readonly ('supporters' | 'claimants')[] }) {
  const t = useTranslations('communications.composer');
  const [state, formAction, isPending] = useActionState(createMessageAction.bind(null, caseSlug), null);
  const [countState, countAction, isCounting] = useActionState(countSegmentAction.bind(null, caseSlug), null);
  const values = state && !state.ok ? state.values : {};
  const errors = { ...(countState && !countState.ok ? countState.fieldErrors : {}), ...(state && !state.ok ? state.fieldErrors : {}) };
  const [audience, setAudience] = useState<string>(values.audience ?? audiences[0]);
  const placeholderList = PLACEHOLDERS.map((name) => `{${name}}`).join(' ');
  return (
    <form action={formAction} className="space-y-5" noValidate data-testid="composer">
      <FailureAlert state={state} />
      <FailureAlert state={countState && !countState.ok ? countState : null} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          name="audience"
          label={t('audience')}
          value={audience}
          onChange={(event) => setAudience(event.target.value)}
          error={errors.audience}
        >
          {audiences.map((value) => (
            <option key={value} value={value}>
              {t(`audiences.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField name="channel" label={t('channel')} defaultValue={values.channel ?? 'email'} error={errors.channel}>
          {(['email', 'sms', 'lms', 'alimtalk'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`channels.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField name="kind" label={t('kind')} defaultValue={values.kind ?? 'update'} error={errors.kind}>
          {(['update', 'transactional'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`kinds.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>

      <fieldset className="space-y-4 rounded-xl border border-slate-200 p-4">
        <legend className="px-1 text-base font-semibold">{t('segmentTitle')}</legend>
        {audience === 'supporters' ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField name="confirmed" label={t('confirmed')} defaultValue={values.confirmed ?? 'any'}>
              {(['any', 'yes', 'no'] as const).map((value) => (
                <option key={value} value={value}>
                  {t(`confirmedOptions.${value}`)}
                </option>
              ))}
            </SelectField>
            <TextField name="source" label={t('source')} defaultValue={values.source} error={errors.source} maxLength={200} />
            <TextField name="region" label={t('region')} defaultValue={values.region} error={errors.region} maxLength={200} />
            <TextField
              name="signedAfter"
              type="date"
              label={t('signedAfter')}
              defaultValue={values.signedAfter}
              error={errors.signedAfter}
            />
            <TextField
              name="signedBefore"
              type="date"
              label={t('signedBefore')}
              defaultValue={values.signedBefore}
              error={errors.signedBefore}
            />
          </div>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            <fieldset className="space-y-1">
              <legend className="text-sm font-semibold">{t('statuses')}</legend>
              {CLAIMANT_STATUSES.map((status) => (
                <label key={status} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="statuses" value={status} className="h-4 w-4" />
                  {t(`statusOptions.${status}`)}
                </label>
              ))}
            </fieldset>
            <fieldset className="space-y-1">
              <legend className="text-sm font-semibold">{t('missing')}</legend>
              {MISSING.map((item) => (
                <label key={item} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="missing" value={item} className="h-4 w-4" />
                  {t(`missingOptions.${item}`)}
                </label>
              ))}
            </fieldset>
            <TextField name="category" label={t('category')} defaultValue={values.category} error={errors.category} maxLength={200} />
            <SelectField name="segmentLocale" label={t('segmentLocale')} defaultValue={values.segmentLocale ?? ''}>
              <option value="">{t('anyLocale')}</option>
              <option value="ko">한국어</option>
              <option value="en">English</option>
            </SelectField>
            <TextField name="dimensionQuestion" label={t('dimensionQuestion')} defaultValue={values.dimensionQuestion} maxLength={200} />
            <TextField name="dimensionValue" label={t('dimensionValue')} defaultValue={values.dimensionValue} maxLength={200} />
          </div>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" formAction={countAction} disabled={isCounting}>
            {t('count')}
          </Button>
          {countState?.ok ? (
            <p role="status" className="text-sm font-medium" data-testid="segment-count">
              {t('countResult', countState.data)}
            </p>
          ) : null}
        </div>
      </fieldset>

      <p className="text-sm text-slate-600">{t('placeholdersHint', { list: placeholderList })}</p>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          name="subjectKo"
          label={t('subjectKo')}
          defaultValue={values.subjectKo}
          error={errors.subjectKo}
          maxLength={200}
          lang="ko"
        />
        <TextField
          name="subjectEn"
          label={t('subjectEn')}
          defaultValue={values.subjectEn}
          error={errors.subjectEn}
          maxLength={200}
          lang="en"
        />
        <TextAreaField name="bodyKo" label={t('bodyKo')} defaultValue={values.bodyKo} error={errors.bodyKo} rows={8} required lang="ko" />
        <TextAreaField name="bodyEn" label={t('bodyEn')} defaultValue={values.bodyEn} error={errors.bodyEn} rows={8} required lang="en" />
      </div>
      {state?.ok ? <Alert tone="success">{state.message}</Alert> : null}
      <Button type="submit" disabled={isPending}>
        {t('submit')}
      </Button>
    </form>
  );
}
