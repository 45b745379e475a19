'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Alert, Button, buttonClass, FailureAlert } from '@/app/_components/ui';
import { answerInfoRequestAction } from '@/lib/claimants/actions';
import { TextAreaField } from '@/app/_components/form-field';
import { useActionForm } from '@/app/_components/use-action-form';

/** Answers counsel's request: a message, and links to add files or amend the statement first. */
export function AnswerForm({ caseSlug }: { caseSlug: string }) {
  const t = useTranslations('claimant.answer');
  const { state, isPending, values, errors, formProps } = useActionForm(answerInfoRequestAction);
  if (state?.ok) {
    return (
      <Alert tone="success" role="status">
        {state.message}
      </Alert>
    );
  }
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <FailureAlert state={state} />
      <p className="text-sm text-slate-700">{t('lead')}</p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Link href={`/my/cases/${caseSlug}/intake/evidence`} className={buttonClass('secondary')}>
          {t('addFiles')}
        </Link>
        <Link href={`/my/cases/${caseSlug}/intake/statement`} className={buttonClass('secondary')}>
          {t('amendStatement')}
        </Link>
      </div>
      <input type="hidden" name="caseSlug" value={caseSlug} />
      <TextAreaField
        name="message"
        label={t('message')}
        maxLength={5000}
        rows={5}
        defaultValue={values.message}
        error={errors.message}
        required
      />
      <Button type="submit" disabled={isPending} className="w-full sm:w-auto">
        {t('submit')}
      </Button>
    </form>
  );
}
