'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert, Button, FailureAlert } from '@/app/_components/ui';
import { verifyAuditChainAction } from '@/lib/admin/audit-actions';

export function VerifyChainForm() {
  const t = useTranslations('security.audit');
  const [state, formAction, isPending] = useActionState(verifyAuditChainAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <FailureAlert state={state} />
      {state?.ok ? (
        <Alert tone={state.data.isIntact ? 'success' : 'error'} role="status" data-testid="chain-result">
          {state.data.isIntact
            ? t('chainIntact', { count: state.data.checked, chains: state.data.chains })
            : t('chainBroken', {
                chain: state.data.broken?.chain === 'platform' ? t('platformChain') : (state.data.broken?.chain ?? ''),
                seq: state.data.broken?.seq ?? 0,
                reason: t(`breakReasons.${(state.data.broken?.reason ?? 'hash') as 'hash'}`),
              })}
        </Alert>
      ) : null}
      <Button type="submit" variant="secondary" disabled={isPending}>
        {isPending ? t('verifying') : t('verify')}
      </Button>
    </form>
  );
}
