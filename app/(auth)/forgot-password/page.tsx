import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/app/_components/ui';
import { ForgotPasswordForm } from './forgot-password-form';

export default async function ForgotPasswordPage() {
  const t = await getTranslations('auth.forgot');
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t('title')} lead={t('lead')} />
      <Card>
        <ForgotPasswordForm />
      </Card>
    </div>
  );
}
