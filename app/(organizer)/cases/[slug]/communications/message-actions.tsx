'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/app/_components/form-field';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { approveMessageAction, requestSendAction, testSendAction } from '@/lib/communications/actions';

type Props = { caseSlug: string; messageId: string; canSend: boolean; canApprove: boolean };

/** Test send, send now or at a time, and approval: each its own small form. */
export function MessageActions({ caseSlug, messageId, canSend, canApprove }: Props) {
  const t = useTranslations('communications.message');
  const [testState, testAction, isTesting] = useActionState(testSendAction.bind(null, caseSlug), null);
  const [sendState, sendAction, isSending] = useActionState(requestSendAction.bind(null, caseSlug), null);
  const [approveState, approveAction, isApproving] = useActionState(approveMessageAction.bind(null, caseSlug), null);
  const sendValues = sendState && !sendState.ok ? sendState.values : {};
  return (
    <div className="space-y-4">
      <form action={testAction} className="space-y-2" data-testid="test-send">
        <FailureAlert state={testState} />
        {testState?.ok ? (
          <Alert tone="success" role="status">
            {testState.message}
          </Alert>
        ) : null}
        <input type="hidden" name="messageId" value={messageId} />
        <Button type="submit" variant="secondary" disabled={isTesting}>
          {t('testSend')}
        </Button>
      </form>
      {canSend ? (
        <form action={sendAction} className="space-y-2" noValidate data-testid="send">
          <FailureAlert state={sendState} />
          <input type="hidden" name="messageId" value={messageId} />
          <TextField
            name="sendAt"
            type="datetime-local"
            label={t('sendAt')}
            defaultValue={sendValues.sendAt}
            error={sendState && !sendState.ok ? sendState.fieldErrors.sendAt : undefined}
          />
          <Button type="submit" disabled={isSending}>
            {t('send')}
          </Button>
        </form>
      ) : null}
      {canApprove ? (
        <form action={approveAction} data-testid="approve">
          <FailureAlert state={approveState} />
          <input type="hidden" name="messageId" value={messageId} />
          <Button type="submit" disabled={isApproving}>
            {t('approve')}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
