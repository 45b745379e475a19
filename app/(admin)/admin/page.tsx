import { count } from 'drizzle-orm';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { TwoFactorPrompt } from '@/app/_components/two-factor-prompt';
import { Card, PageHeader, buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { cases, users } from '@/db/schema';
import { requirePlatformAdmin } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { localized } from '@/lib/cases/queries';
import { toLocale } from '@/lib/i18n/config';

export default async function AdminHomePage() {
  const user = await guardPage(() => requirePlatformAdmin(), '/admin');
  const db = await getDb();
  const [t, locale, allCases, [{ n: userCount }]] = await Promise.all([
    getTranslations('admin.home'),
    getLocale().then(toLocale),
    db.select().from(cases).orderBy(cases.createdAt),
    db.select({ n: count() }).from(users),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('users', { count: userCount })} />
      <TwoFactorPrompt user={user} />
      <Card>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold">{t('cases')}</h2>
          <Link href="/admin/cases/new" className={buttonClass('primary')}>
            {t('newCase')}
          </Link>
        </div>
        <ul className="divide-y divide-slate-100">
          {allCases.map((found) => (
            <li key={found.id} className="flex items-center justify-between py-2">
              <span>{localized(found, 'title', locale)}</span>
              <Link href={`/cases/${found.slug}`} className="text-sm font-medium text-brand-700 underline">
                {found.slug}
              </Link>
            </li>
          ))}
        </ul>
      </Card>
      <Card className="space-y-2">
        <h2 className="text-lg font-semibold">{t('audit')}</h2>
        <p className="text-sm text-slate-600">{t('auditLead')}</p>
        <Link href="/admin/audit" className={buttonClass('secondary')}>
          {t('audit')}
        </Link>
      </Card>
      <Card className="space-y-2">
        <h2 className="text-lg font-semibold">{t('outbox')}</h2>
        <p className="text-sm text-slate-600">{t('outboxLead')}</p>
        <Link href="/admin/outbox" className={buttonClass('secondary')}>
          {t('outbox')}
        </Link>
      </Card>
      <Card className="space-y-2">
        <h2 className="text-lg font-semibold">{t('jobs')}</h2>
        <p className="text-sm text-slate-600">{t('jobsLead')}</p>
        <Link href="/admin/jobs" className={buttonClass('secondary')}>
          {t('jobs')}
        </Link>
      </Card>
    </div>
  );
}
