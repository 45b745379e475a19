import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Alert, Card, PageHeader, StatusBadge, buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { localized } from '@/lib/cases/queries';
import { listOwnClaims } from '@/lib/claimants/enrollment';
import { toLocale } from '@/lib/i18n/config';

export default async function MyClaimsPage() {
  const user = await guardPage(() => requireUser(), '/my');
  const [t, common, locale, claims] = await Promise.all([
    getTranslations('claimant.home'),
    getTranslations('common'),
    getLocale().then(toLocale),
    listOwnClaims(await getDb(), user.id),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('lead')} />
      {!user.emailVerifiedAt ? <Alert tone="warning">{t('unverifiedEmail')}</Alert> : null}
      {claims.length === 0 ? (
        <Card className="space-y-3">
          <p>{t('empty')}</p>
          <Link href="/" className={buttonClass('primary')}>
            {t('findCase')}
          </Link>
        </Card>
      ) : (
        <ul className="space-y-3">
          {claims.map(({ claimant, case: found }) => (
            <li key={claimant.id}>
              <Card className="flex flex-wrap items-center justify-between gap-3">
                <div className="space-y-1">
                  <h2 className="font-semibold">{localized(found, 'title', locale)}</h2>
                  <p className="text-sm text-slate-600">
                    {t('reference')}: {claimant.referenceNumber ?? '—'}
                  </p>
                  <StatusBadge status={claimant.status} label={common(`statuses.${claimant.status}`)} />
                </div>
                <Link href={`/my/cases/${found.slug}`} className={buttonClass('secondary')}>
                  {t('open')}
                </Link>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
