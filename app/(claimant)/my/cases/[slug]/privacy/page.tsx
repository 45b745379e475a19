import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, PageHeader, buttonClass } from '@/app/_components/ui';
import { requireOwnClaimant } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { EraseForm } from '../_components/erase-form';

/** Download my data, delete my account (restricted instead once a claim is on a filing). */
export default async function ClaimantPrivacyPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await guardPage(() => requireOwnClaimant(slug), `/my/cases/${slug}/privacy`);
  const t = await getTranslations('claimant.privacy');
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <PageHeader title={t('title')} lead={t('lead')} />
      <Card aria-labelledby="export-title" className="space-y-3">
        <h2 id="export-title" className="text-lg font-semibold">
          {t('exportTitle')}
        </h2>
        <p className="text-sm text-slate-700">{t('exportLead')}</p>
        <a href="/api/my/export" className={buttonClass('secondary')} data-testid="export-link">
          {t('exportButton')}
        </a>
      </Card>
      <Card aria-labelledby="erase-title" className="space-y-3">
        <h2 id="erase-title" className="text-lg font-semibold">
          {t('eraseTitle')}
        </h2>
        <p className="text-sm text-slate-700">{access.claimant.isOnFiling ? t('eraseLeadFiled') : t('eraseLead')}</p>
        <EraseForm />
      </Card>
      <Link href={`/my/cases/${slug}`} className="inline-block font-medium text-brand-700 underline">
        {t('back')}
      </Link>
    </div>
  );
}
