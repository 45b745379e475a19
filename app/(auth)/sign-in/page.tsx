import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/app/_components/ui';
import { SignInForm } from './sign-in-form';

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeCallback(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return path && path.startsWith('/') && !path.startsWith('//') ? path : '/home';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, params] = await Promise.all([getTranslations('auth.signIn'), searchParams]);
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t('title')} lead={t('lead')} />
      <Card>
        <SignInForm callbackUrl={safeCallback(params.callbackUrl)} />
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
