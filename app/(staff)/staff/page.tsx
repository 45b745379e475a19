import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { TwoFactorPrompt } from '@/app/_components/two-factor-prompt';
import { Card, PageHeader, buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { listPublicCases, listStaffCases, localized } from '@/lib/cases/queries';
import { staffAreasFor } from '@/lib/cases/staff-areas';
import { toLocale } from '@/lib/i18n/config';

/** The staff home: every case the user works on, with the areas their role opens. */
export default async function StaffHomePage() {
  const user = await guardPage(() => requireUser(), '/staff');
  const db = await getDb();
  const [t, common, locale] = await Promise.all([
    getTranslations('admin.staffHome'),
    getTranslations('common'),
    getLocale().then(toLocale),
  ]);
  const memberships = user.isPlatformAdmin
    ? (await listPublicCases(db)).map((found) => ({ case: found, role: 'platform_admin' as const }))
    : await listStaffCases(db, user.id);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('lead')} />
      {memberships.length > 0 ? <TwoFactorPrompt user={user} /> : null}
      {memberships.length === 0 ? <Card>{t('empty')}</Card> : null}
      <ul className="space-y-3">
        {memberships.map(({ case: found, role }) => (
          <li key={found.id}>
            <Card className="space-y-3">
              <div>
                <h2 className="text-lg font-semibold">{localized(found, 'title', locale)}</h2>
                <p className="text-sm text-slate-600">
                  {t('role')}: {common(`roles.${role}`)}
                </p>
              </div>
              <div className="flex flex-wrap gap-2">
                {staffAreasFor(role).map((area) => (
                  <Link
                    key={area.path}
                    href={`/cases/${found.slug}${area.path}`}
                    className={buttonClass(area.path === '' ? 'secondary' : 'primary')}
                  >
                    {area.path === '' ? t('openCase') : common(area.labelKey)}
                  </Link>
                ))}
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
