'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useState } from 'react';
import { SelectField } from '@/app/_components/form-field';
import { Alert, Button, Card, FailureAlert } from '@/app/_components/ui';
import { bulkAction } from '@/lib/reviews/actions';

type Lawyer = { id: string; name: string };

/**
 * Verify, request information from, or assign the ticked claims. The checkboxes live in the
 * server-rendered table and join this form through `form="bulk-form"`.
 */
export function BulkActions({ slug, lawyers }: { slug: string; lawyers: Lawyer[] }) {
  const t = useTranslations('review.bulk');
  const [state, formAction, isPending] = useActionState(bulkAction, null);
  const [action, setAction] = useState('verify');
  const [selected, setSelected] = useState(0);
  const values = state && !state.ok ? state.values : {};
  const errors = state && !state.ok ? state.fieldErrors : {};

  useEffect(() => {
    const count = () => setSelected(document.querySelectorAll('input[name="items"][form="bulk-form"]:checked').length);
    const onChange = (event: Event) => {
      if ((event.target as HTMLInputElement | null)?.name === 'items') count();
    };
    count();
    document.addEventListener('change', onChange);
    document.addEventListener('review-selection-changed', count);
    return () => {
      document.removeEventListener('change', onChange);
      document.removeEventListener('review-selection-changed', count);
    };
  }, [state]);

  return (
    <Card aria-labelledby="bulk-title" className="space-y-3">
      <h2 id="bulk-title" className="text-base font-semibold">
        {t('title')} <span className="font-normal text-slate-600">· {t('selected', { count: selected })}</span>
      </h2>
      <FailureAlert
        state={state && !state.ok && errors.items ? { ...state, message: `${state.message} ${t('nothingSelected')}` } : state}
      />
      {state?.ok ? (
        <Alert tone="success" role="status">
          {state.data.kind === 'assign' ? t('assigned', { count: state.data.assigned }) : t('result', state.data.result)}
        </Alert>
      ) : null}
      <form id="bulk-form" action={formAction} className="grid gap-3 sm:grid-cols-[minmax(0,14rem)_1fr_auto] sm:items-end">
        <input type="hidden" name="slug" value={slug} />
        <SelectField name="action" label={t('action')} value={action} onChange={(event) => setAction(event.target.value)}>
          <option value="verify">{t('verify')}</option>
          <option value="request_info">{t('requestInfo')}</option>
          <option value="assign">{t('assign')}</option>
        </SelectField>
        <div>
          {action === 'request_info' ? (
            <div className="space-y-1.5">
              <label htmlFor="bulk-text" className="block text-sm font-semibold text-slate-800">
                {t('message')}
              </label>
              <textarea
                id="bulk-text"
                name="text"
                rows={3}
                defaultValue={values.text}
                aria-describedby="bulk-text-hint"
                aria-invalid={errors.text ? true : undefined}
                className="block w-full rounded-xl border border-slate-300 px-3.5 py-2.5 text-base"
              />
              <p id="bulk-text-hint" className="text-sm text-slate-600">
                {errors.text ?? t('messageHint')}
              </p>
            </div>
          ) : null}
          {action === 'assign' ? (
            <SelectField name="lawyerId" label={t('lawyer')} defaultValue={values.lawyerId ?? ''} error={errors.lawyerId}>
              <option value="">{t('unassign')}</option>
              {lawyers.map((lawyer) => (
                <option key={lawyer.id} value={lawyer.id}>
                  {lawyer.name}
                </option>
              ))}
            </SelectField>
          ) : null}
        </div>
        <Button type="submit" disabled={isPending || selected === 0}>
          {isPending ? t('working') : t('submit')}
        </Button>
      </form>
    </Card>
  );
}
