import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { LAWYER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { localized } from '@/lib/cases/queries';
import { listReasons } from '@/lib/deficiencies/reasons';
import { toLocale } from '@/lib/i18n/config';
import { formatReasonLines } from '@/lib/rounds/schemas';
import { ReasonsForm } from './reasons-form';

type Props = { params: Promise<{ slug: string }> };

/** The case's list of deficiency reasons (a case setting; lawyers of the case). */
export default async function DeficiencyReasonsPage({ params }: Props) {
  const { slug } = await params;
  const access = await guardPage(() => requireCaseRole(slug, LAWYER_ROLES), `/cases/${slug}/rounds/reasons`);
  const [t, locale, reasons] = await Promise.all([
    getTranslations('rounds'),
    getLocale().then(toLocale),
    listReasons(await getDb(), access.case.id),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('reasons.title')} lead={t('reasons.lead')}>
        <p className="text-sm font-medium text-brand-800">{localized(access.case, 'title', locale)}</p>
      </PageHeader>
      <Link href={`/cases/${slug}/rounds`} className="inline-block text-sm font-medium text-brand-700 underline underline-offset-4">
        {t('detail.back')}
      </Link>
      <Card>
        <ReasonsForm slug={slug} current={formatReasonLines(reasons)} />
      </Card>
    </div>
  );
}
