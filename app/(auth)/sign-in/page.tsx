import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/app/_components/ui';
import { safeReturnPath } from '@/lib/http/safe-redirect';
import { SignInForm } from './sign-in-form';

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, params] = await Promise.all([getTranslations('auth.signIn'), searchParams]);
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t('title')} lead={t('lead')} />
      <Card>
        <SignInForm callbackUrl={safeReturnPath(params.callbackUrl)} />
        <div className="mt-5 space-y-2 text-sm">
          <p>
            <Link href="/forgot-password" className="font-medium text-brand-700 underline">
              {t('forgot')}
            </Link>
          </p>
          <p className="text-slate-600">
            {t('noAccount')}{' '}
            <Link href="/sign-up" className="font-medium text-brand-700 underline">
              {t('signUpLink')}
            </Link>
          </p>
        </div>
      </Card>
    </div>
  );
}
