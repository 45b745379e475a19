'use client';

import { useTranslations } from 'next-intl';
import { TextAreaField, TextField } from '@/app/_components/form-field';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { useActionForm } from '@/app/_components/use-action-form';
import { correctCourtFilingAction } from '@/lib/filings/actions';
import type { CourtFilingSummary } from '@/lib/filings/queries';

/**
 * Corrects the recorded day, court or 사건번호, with a reason. The disclosure opens by itself once
 * the server answered, so a refusal is seen even after a page load without JavaScript. The form
 * is keyed by the recorded values: once a correction lands, it starts again from the new ones.
 */
export function CorrectFilingForm({
  slug,
  version,
  format,
  builtOn,
  today,
  current,
}: {
  slug: string;
  version: number;
  format: 'kr' | 'us';
  builtOn: string;
  today: string;
  current: CourtFilingSummary;
}) {
  const t = useTranslations('filings');
  const { state, isPending, values, errors, formProps } = useActionForm(correctCourtFilingAction.bind(null, slug, version));
  return (
    <details className="rounded-xl border border-slate-200 px-4 py-3" open={state ? true : undefined} data-testid="correct-filing">
      <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('correct.summary')}</summary>
      <div className="mt-4 space-y-4">
        {state?.ok ? (
          <Alert tone="success" role="status">
            {state.message}
          </Alert>
        ) : null}
        <p className="text-sm text-slate-700">{t('correct.lead')}</p>
        <form
          key={`${current.filedOn}|${current.court}|${current.courtCaseNumber}`}
          {...formProps}
          className="space-y-4"
          noValidate
          data-testid="correct-filing-form"
        >
          <FailureAlert state={state} />
          <TextField
            id="correct-filedOn"
            name="filedOn"
            type="date"
            label={t('record.filedOn')}
            hint={t('record.filedOnHint', { date: builtOn })}
            min={builtOn}
            max={today}
            defaultValue={values.filedOn ?? current.filedOn}
            error={errors.filedOn}
            required
          />
          <TextField
            id="correct-court"
            name="court"
            label={t('record.court')}
            hint={t('record.courtHint')}
            maxLength={100}
            defaultValue={values.court ?? current.court}
            error={errors.court}
            required
          />
          <TextField
            id="correct-courtCaseNumber"
            name="courtCaseNumber"
            label={t('record.courtCaseNumber')}
            hint={t(format === 'us' ? 'record.caseNumberHintUs' : 'record.caseNumberHintKr')}
            maxLength={40}
            autoComplete="off"
            defaultValue={values.courtCaseNumber ?? current.courtCaseNumber}
            error={errors.courtCaseNumber}
            required
          />
          <TextAreaField
            id="correct-reason"
            name="reason"
            label={t('correct.reason')}
            hint={t('correct.reasonHint')}
            maxLength={500}
            defaultValue={values.reason}
            error={errors.reason}
            required
          />
          <Button type="submit" disabled={isPending}>
            {isPending ? t('correct.submitting') : t('correct.submit')}
          </Button>
        </form>
      </div>
    </details>
  );
}
