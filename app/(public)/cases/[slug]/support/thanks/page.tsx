import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Alert, Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { findCaseBySlug, localized } from '@/lib/cases/queries';
import { toLocale } from '@/lib/i18n/config';

type Props = { params: Promise<{ slug: string }> };

/**
 * Where a partner site's plain form post lands (303 from the support API) when the case lists no
 * return address for it: thanks, and what happens next, in the signer's language (?lang=). A
 * repeated signature lands here too, alike (issue 17, item 12).
 */
export default async function SupportThanksPage({ params }: Props) {
  const { slug } = await params;
  const db = await getDb();
  const [found, t, locale] = await Promise.all([findCaseBySlug(db, slug), getTranslations('petition'), getLocale().then(toLocale)]);
  if (!found || found.status === 'draft') notFound();
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t('form.signedTitle')} lead={localized(found, 'title', locale)} />
      <Card className="space-y-4">
        <Alert tone="success" role="status" data-testid="support-thanks">
          {t('form.signedBody')}
        </Alert>
        <Link href={`/cases/${found.slug}`} className="inline-block font-medium text-brand-700 underline">
          {t('embed.moreAboutCase')}
        </Link>
      </Card>
    </div>
  );
}

export async function generateMetadata(): Promise<{ title: string }> {
  const t = await getTranslations('petition.form');
  return { title: t('signedTitle') };
}
