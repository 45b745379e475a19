import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/app/_components/ui';
import { requireSignedIn } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { safeReturnPath } from '@/lib/http/safe-redirect';
import { ResendVerificationForm } from './resend-verification-form';

/**
 * All an account whose address is not proved may see (issue 17, item 1; docs/security.md): the
 * address it was registered with, a way to get the link again, and signing out.
 */
export default async function VerifyFirstPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  const user = await guardPage(() => requireSignedIn(), '/verify-first');
  if (user.emailVerifiedAt) redirect(returnTo);
  const t = await getTranslations('auth.verifyFirst');
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t('title')} lead={t('lead', { email: user.email })} />
      <Card className="space-y-4">
        <p>{t('body')}</p>
        <ResendVerificationForm />
      </Card>
    </div>
  );
}
