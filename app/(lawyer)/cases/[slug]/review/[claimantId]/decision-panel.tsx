'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert, Button, Card, FailureAlert } from '@/app/_components/ui';
import type { ClaimantStatus } from '@/db/schema';
import { decideAction } from '@/lib/reviews/actions';
import type { Decision } from '@/lib/reviews/decisions';
import { DeficiencyForm } from './deficiency-form';

type Props = {
  slug: string;
  claimantId: string;
  version: number;
  status: ClaimantStatus;
  statusLabel: string;
  decidable: Decision[];
  /** The case's deficiency reasons, in the reader's language: "request information" is a deficiency notice. */
  reasons: { code: string; label: string }[];
  today: string;
};

/**
 * Verify, reject with a reason, or request information. Every form carries the file version the
 * lawyer is looking at; if someone decided first, the answer says so and offers the fresh file.
 */
export function DecisionPanel({ slug, claimantId, version, statusLabel, decidable, reasons, today }: Props) {
  const t = useTranslations('review.file');
  const common = useTranslations('common');
  const [state, formAction, isPending] = useActionState(decideAction, null);
  const values = state && !state.ok ? state.values : {};
  const errors = state && !state.ok ? state.fieldErrors : {};
  const hidden = (
    <>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="claimantId" value={claimantId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  const isStale = Boolean(errors.version);

  return (
    <Card aria-labelledby="decision-title" className="space-y-4">
      <h2 id="decision-title" className="text-lg font-semibold">
        {t('decisions')}
      </h2>
      <FailureAlert state={state} linkless={['version']}>
        {isStale ? (
          <a href={`/cases/${slug}/review/${claimantId}`} className="mt-2 inline-block font-semibold text-rose-800 underline">
            {t('staleReload')}
          </a>
        ) : null}
      </FailureAlert>
      {state?.ok ? (
        <Alert tone="success" role="status">
          {t('decided', { status: common(`statuses.${state.data.status}`) })}
        </Alert>
      ) : null}
      {decidable.length === 0 ? <p className="text-sm text-slate-600">{t('notDecidable', { status: statusLabel })}</p> : null}
      <div className="grid gap-4 md:grid-cols-3">
        {decidable.includes('verify') ? (
          <form action={formAction} className="space-y-2">
            {hidden}
            <input type="hidden" name="decision" value="verify" />
            <p className="text-sm text-slate-600">{t('verifyHint')}</p>
            <Button type="submit" disabled={isPending} className="w-full">
              {t('verify')}
            </Button>
          </form>
        ) : null}
        {decidable.includes('request_info') ? (
          <DeficiencyForm slug={slug} claimantId={claimantId} version={version} reasons={reasons} today={today} />
        ) : null}
        {decidable.includes('reject') ? (
          <DecisionText
            decision="reject"
            label={t('rejectReason')}
            button={t('reject')}
            hidden={hidden}
            action={formAction}
            isPending={isPending}
            defaultValue={values.decision === 'reject' ? values.text : ''}
            error={values.decision === 'reject' ? errors.text : undefined}
            danger
          />
        ) : null}
      </div>
    </Card>
  );
}

function DecisionText(props: {
  decision: Decision;
  label: string;
  button: string;
  hidden: React.ReactNode;
  action: (formData: FormData) => void;
  isPending: boolean;
  defaultValue?: string;
  error?: string;
  danger?: boolean;
}) {
  const id = `decision-${props.decision}`;
  return (
    <form action={props.action} className="space-y-2">
      {props.hidden}
      <input type="hidden" name="decision" value={props.decision} />
      <label htmlFor={id} className="block text-sm font-semibold text-slate-800">
        {props.label}
      </label>
      <textarea
        id={id}
        name="text"
        rows={3}
        required
        defaultValue={props.defaultValue}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        className={`block w-full rounded-xl border px-3.5 py-2.5 text-base ${props.error ? 'border-rose-500' : 'border-slate-300'}`}
      />
      {props.error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-rose-700">
          {props.error}
        </p>
      ) : null}
      <Button type="submit" variant={props.danger ? 'danger' : 'secondary'} disabled={props.isPending} className="w-full">
        {props.button}
      </Button>
    </form>
  );
}
