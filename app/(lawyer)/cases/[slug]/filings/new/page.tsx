import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { LAWYER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { countVerifiedClaimants, listSelections } from '@/lib/filings/claimant-selection';
import { PART_LIMIT_MB } from '@/lib/filings/options';
import { toLocale } from '@/lib/i18n/config';
import { BuilderForm } from './builder-form';

type Props = { params: Promise<{ slug: string }> };

/** The packet builder (lawyers and case admins). */
export default async function NewFilingPage({ params }: Props) {
  const { slug } = await params;
  const access = await guardPage(() => requireCaseRole(slug, LAWYER_ROLES), `/cases/${slug}/filings/new`);
  const db = await getDb();
  const [t, locale, verified, selections] = await Promise.all([
    getTranslations('filings.builder'),
    getLocale().then(toLocale),
    countVerifiedClaimants(db, access.case.id),
    listSelections(db, access.case.id),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('lead')} />
      <Link href={`/cases/${slug}/filings`} className="inline-block text-sm font-medium text-brand-700 underline underline-offset-4">
        {t('back')}
      </Link>
      <Card>
        <BuilderForm
          slug={slug}
          verifiedCount={verified}
          selections={selections.map((selection) => ({ id: selection.id, name: selection.name, size: selection.size }))}
          defaults={{
            format: access.case.jurisdiction === 'US' ? 'us' : 'kr',
            language: locale,
            batesPrefix: access.case.referencePrefix,
            batesStart: '1',
            maxPartMb: String(PART_LIMIT_MB.default),
          }}
        />
      </Card>
    </div>
  );
}
