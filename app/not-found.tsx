import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, PageHeader, buttonClass } from './_components/ui';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <div className="mx-auto max-w-lg">
      <PageHeader title={t('notFoundTitle')} lead={t('notFoundBody')} />
      <Card>
        <Link href="/" className={buttonClass('primary')}>
          {t('backHome')}
        </Link>
      </Card>
    </div>
  );
}
