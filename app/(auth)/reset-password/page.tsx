import { getTranslations } from 'next-intl/server';
import { Alert, Card, PageHeader } from '@/app/_components/ui';
import { ResetPasswordForm } from './reset-password-form';

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const [t, { token }] = await Promise.all([getTranslations('auth.reset'), searchParams]);
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t('title')} />
      <Card>
        {typeof token === 'string' && token.length > 10 ? (
          <ResetPasswordForm token={token} />
        ) : (
          <Alert tone="warning">{t('missingToken')}</Alert>
        )}
      </Card>
    </div>
  );
}
