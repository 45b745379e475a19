import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { CurrentUser } from '@/lib/auth/guards';
import { Alert } from './ui';

/**
 * On staff home pages: a clear prompt to add two-step sign-in for staff who sign in with a password
 * alone, and a quiet link to manage it for those who have it.
 */
export async function TwoFactorPrompt({ user }: { user: Pick<CurrentUser, 'hasTotp'> }) {
  const t = await getTranslations('security.prompt');
  if (user.hasTotp) {
    return (
      <p className="text-sm text-slate-600">
        {t('enabled')}{' '}
        <Link href="/account/security" className="font-medium text-brand-700 underline">
          {t('manage')}
        </Link>
      </p>
    );
  }
  return (
    <Alert tone="warning" data-testid="two-factor-prompt">
      <p className="font-semibold">{t('title')}</p>
      <p className="mt-1">{t('body')}</p>
      <Link href="/account/security" className="mt-1 inline-flex min-h-11 items-center font-semibold text-amber-950 underline">
        {t('action')}
      </Link>
    </Alert>
  );
}
