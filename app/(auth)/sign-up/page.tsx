import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { findCaseBySlug, localized } from '@/lib/cases/queries';
import { toLocale } from '@/lib/i18n/config';
import { SignUpForm } from './sign-up-form';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const [t, params, locale] = await Promise.all([getTranslations('auth.signUp'), searchParams, getLocale().then(toLocale)]);
  const slug = typeof params.case === 'string' ? params.case : undefined;
  const source = typeof params.src === 'string' ? params.src.slice(0, 64) : undefined;
  const joining = slug ? await findCaseBySlug(await getDb(), slug) : null;
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t('title')} lead={t('lead')} />
      <Card>
        {joining ? (
          <p className="mb-4 rounded-xl bg-brand-50 p-3 text-sm text-brand-800">
            {t('joiningCase', { title: localized(joining, 'title', locale) })}
          </p>
        ) : null}
        <SignUpForm caseSlug={joining?.slug} source={source} />
        <p className="mt-5 text-sm text-slate-600">
          {t('haveAccount')}{' '}
          <Link href="/sign-in" className="font-medium text-brand-700 underline">
            {t('signInLink')}
          </Link>
        </p>
      </Card>
    </div>
  );
}
