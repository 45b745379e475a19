'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { verifyAuditChainAction } from '@/lib/audit/actions';

export function VerifyChainForm() {
  const t = useTranslations('security.audit');
  const [state, formAction, isPending] = useActionState(verifyAuditChainAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <FailureAlert state={state} />
      {state?.ok ? (
        <Alert tone={state.data.isIntact ? 'success' : 'error'} role="status" data-testid="chain-result">
          {state.data.isIntact
            ? t('chainIntact', { count: state.data.checked })
            : t('chainBroken', { id: state.data.brokenAtId ?? 0, count: state.data.checked })}
        </Alert>
      ) : null}
      <Button type="submit" variant="secondary" disabled={isPending}>
        {isPending ? t('verifying') : t('verify')}
      </Button>
    </form>
  );
}
