import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Alert, Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { findCaseBySlug, localized } from '@/lib/cases/queries';
import { toLocale } from '@/lib/i18n/config';
import { findSignatureByToken } from '@/lib/petition/confirm';
import { SignatureLinkForm } from './signature-link-form';

/** Shared body of the confirm and withdraw pages the petition mail links to. */
export async function SignatureLinkPage({ mode, slug, token }: { mode: 'confirm' | 'withdraw'; slug: string; token: string | undefined }) {
  const db = await getDb();
  const [found, t, locale] = await Promise.all([findCaseBySlug(db, slug), getTranslations(`petition.${mode}`), getLocale().then(toLocale)]);
  if (!found || found.status === 'draft') notFound();
  const signature = token && token.length >= 20 && token.length <= 200 ? await findSignatureByToken(db, slug, token) : null;
  const isDone = signature && (mode === 'confirm' ? signature.state !== 'unconfirmed' : signature.state === 'withdrawn');
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t('title')} lead={localized(found, 'title', locale)} />
      <Card className="space-y-4">
        {!signature ? (
          <Alert tone="warning" role="status">
            {t('badLink')}
          </Alert>
        ) : isDone ? (
          <Alert tone="success" role="status" data-testid="signature-link-result">
            {t(`result.${signature.state}`)}
          </Alert>
        ) : (
          <>
            <p className="text-slate-700">{t('lead')}</p>
            <SignatureLinkForm mode={mode} caseSlug={slug} token={token!} />
          </>
        )}
        <Link href={`/cases/${slug}`} className="inline-block font-medium text-brand-700 underline">
          {t('backToCase')}
        </Link>
      </Card>
    </div>
  );
}
