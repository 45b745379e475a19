'use client';

import { useTranslations } from 'next-intl';
import { SelectField, TextAreaField, TextField } from '@/app/_components/form-field';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { useActionForm } from '@/app/_components/use-action-form';
import { sendDeficiencyAction } from '@/lib/rounds/actions';

type Props = { slug: string; claimantId: string; version: number; reasons: { code: string; label: string }[]; today: string };

/**
 * "Request information" as a deficiency notice: a reason from the case's list, the message the
 * claimant reads and the day to cure by. A refusal keeps all three as typed.
 */
export function DeficiencyForm({ slug, claimantId, version, reasons, today }: Props) {
  const t = useTranslations('rounds.deficiency');
  const common = useTranslations('review.file');
  const { state, isPending, values, errors, formProps } = useActionForm(sendDeficiencyAction);
  return (
    <form {...formProps} className="space-y-3" noValidate aria-labelledby="deficiency-legend">
      <h3 id="deficiency-legend" className="text-sm font-semibold text-slate-800">
        {t('legend')}
      </h3>
      <FailureAlert state={state} linkless={['version']} />
      {state?.ok ? (
        <Alert tone="success" role="status">
          {state.message}
        </Alert>
      ) : null}
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="claimantId" value={claimantId} />
      <input type="hidden" name="version" value={version} />
      <SelectField
        name="reasonCode"
        id="deficiency-reason"
        label={t('reason')}
        defaultValue={values.reasonCode ?? ''}
        error={errors.reasonCode}
      >
        <option value="">—</option>
        {reasons.map((reason) => (
          <option key={reason.code} value={reason.code}>
            {reason.label}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        name="message"
        id="deficiency-message"
        label={t('message')}
        rows={3}
        maxLength={4000}
        defaultValue={values.message}
        error={errors.message}
      />
      <TextField
        name="cureBy"
        id="deficiency-cure-by"
        type="date"
        label={t('cureBy')}
        hint={t('cureByHint')}
        min={today}
        defaultValue={values.cureBy}
        error={errors.cureBy}
      />
      <Button type="submit" variant="secondary" disabled={isPending} className="w-full">
        {t('submit')}
      </Button>
      {errors.version ? (
        <a href={`/cases/${slug}/review/${claimantId}`} className="inline-block text-sm font-semibold text-rose-800 underline">
          {common('staleReload')}
        </a>
      ) : null}
    </form>
  );
}
