import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Alert, Card, PageHeader, buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { verifyEmail } from '@/lib/users/accounts';

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const [t, { token }] = await Promise.all([getTranslations('auth.verify'), searchParams]);
  const isVerified = typeof token === 'string' && token.length > 10 ? await verifyEmail(await getDb(), token) : false;
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t('title')} />
      <Card className="space-y-4">
        <Alert tone={isVerified ? 'success' : 'warning'} role="status">
          {isVerified ? t('ok') : t('failed')}
        </Alert>
        <Link href="/home" className={buttonClass('primary')}>
          {t('continue')}
        </Link>
      </Card>
    </div>
  );
}
