import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listPublicCases, localized } from '@/lib/cases/queries';
import { toLocale } from '@/lib/i18n/config';
import { Card, PageHeader, buttonClass } from './_components/ui';

export default async function HomePage() {
  const [t, locale] = await Promise.all([getTranslations('case.home'), getLocale().then(toLocale)]);
  const openCases = await listPublicCases(await getDb());
  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} lead={t('lead')} />
      <section aria-labelledby="open-cases" className="space-y-4">
        <h2 id="open-cases" className="text-xl font-semibold">
          {t('openCases')}
        </h2>
        {openCases.length === 0 ? <p className="text-slate-600">{t('noCases')}</p> : null}
        <ul className="grid gap-4 sm:grid-cols-2">
          {openCases.map((found) => (
            <li key={found.id}>
              <Card className="flex h-full flex-col gap-3">
                <h3 className="text-lg font-semibold">{localized(found, 'title', locale)}</h3>
                <p className="line-clamp-4 flex-1 text-sm text-slate-600">{localized(found, 'summary', locale)}</p>
                <Link href={`/cases/${found.slug}`} className={buttonClass('primary', 'self-start')}>
                  {t('viewCase')}
                </Link>
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
