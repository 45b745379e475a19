import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Card, PageHeader, buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { ORGANIZER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { type CampaignWithSignups, listCampaignsWithSignups } from '@/lib/campaigns/queries';
import { campaignShareUrl } from '@/lib/campaigns/share-link';
import { localized } from '@/lib/cases/queries';
import { currentAppUrl } from '@/lib/http/app-url';
import { type Locale, toLocale } from '@/lib/i18n/config';
import { embedSnippets } from '@/lib/petition/embed/snippets';
import { ArchiveCampaignForm } from './archive-campaign-form';
import { CopyLinkButton } from './copy-link-button';
import { CreateCampaignForm } from './create-campaign-form';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('organizer.campaigns');
  return { title: t('title') };
}

/** Campaign codes: create one, share its link or QR code, see how many people each brought. */
export default async function CampaignsPage({ params }: Props) {
  const { slug } = await params;
  const access = await guardPage(() => requireCaseRole(slug, ORGANIZER_ROLES), `/cases/${slug}/campaigns`);
  const [campaigns, appUrl, t, locale] = await Promise.all([
    listCampaignsWithSignups(await getDb(), access.case.id),
    currentAppUrl(),
    getTranslations('organizer.campaigns'),
    getLocale().then(toLocale),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('lead')}>
        <p className="text-sm font-medium text-brand-700">{localized(access.case, 'title', locale)}</p>
        <Link href={`/cases/${access.case.slug}/dashboard`} className={buttonClass('secondary', 'mt-2')}>
          {t('toDashboard')}
        </Link>
      </PageHeader>
      <Card aria-labelledby="create-title">
        <h2 id="create-title" className="mb-4 text-lg font-semibold">
          {t('create.title')}
        </h2>
        <CreateCampaignForm caseSlug={access.case.slug} />
      </Card>
      <EmbedCard appUrl={appUrl} slug={access.case.slug} locale={locale} partnerOrigins={access.case.partnerOrigins} />
      <section aria-labelledby="list-title" className="space-y-3">
        <h2 id="list-title" className="text-lg font-semibold">
          {t('list.title')}
        </h2>
        {campaigns.active.length === 0 ? <Card>{t('list.empty')}</Card> : null}
        <ul className="grid gap-4 md:grid-cols-2">
          {campaigns.active.map((campaign) => (
            <CampaignItem
              key={campaign.id}
              campaign={campaign}
              caseSlug={access.case.slug}
              shareUrl={campaignShareUrl(appUrl, access.case.slug, campaign.code)}
            />
          ))}
        </ul>
      </section>
      {campaigns.otherSources.length > 0 ? <OtherSources rows={campaigns.otherSources} /> : null}
      {campaigns.archived.length > 0 ? (
        <section aria-labelledby="archived-title" className="space-y-3">
          <h2 id="archived-title" className="text-lg font-semibold">
            {t('list.archived')}
          </h2>
          <ul className="grid gap-4 md:grid-cols-2">
            {campaigns.archived.map((campaign) => (
              <CampaignItem
                key={campaign.id}
                campaign={campaign}
                caseSlug={access.case.slug}
                shareUrl={campaignShareUrl(appUrl, access.case.slug, campaign.code)}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

async function CampaignItem({ campaign, caseSlug, shareUrl }: { campaign: CampaignWithSignups; caseSlug: string; shareUrl: string }) {
  const [t, format] = await Promise.all([getTranslations('organizer.campaigns.list'), getFormatter()]);
  const qrPath = `/cases/${caseSlug}/campaigns/${campaign.code}/qr.svg`;
  const isArchived = Boolean(campaign.archivedAt);
  return (
    <li>
      <Card className="space-y-3" data-testid={`campaign-${campaign.code}`}>
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <h3 className="break-all font-mono text-base font-semibold">{campaign.code}</h3>
            {campaign.label ? <p className="text-sm text-slate-700">{campaign.label}</p> : null}
            <p className="text-xs text-slate-500">
              {t('createdOn', { date: format.dateTime(campaign.createdAt, { dateStyle: 'medium' }) })}
            </p>
          </div>
          {/* eslint-disable-next-line @next/next/no-img-element -- a same-origin SVG the server draws; next/image adds nothing */}
          <img
            src={qrPath}
            alt={t('qrAlt', { code: campaign.code })}
            width={112}
            height={112}
            className="h-28 w-28 shrink-0 rounded-lg border border-slate-200"
          />
        </div>
        <p
          className="rounded-xl bg-brand-50 px-3 py-2 text-sm font-medium text-brand-800"
          data-testid={`campaign-${campaign.code}-signups`}
        >
          {t('signups', { supporters: campaign.supporters, claimants: campaign.claimants })}
        </p>
        <div>
          <p className="text-xs font-semibold text-slate-600">{t('link')}</p>
          <p className="break-all font-mono text-sm" data-testid={`campaign-${campaign.code}-link`}>
            {shareUrl}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <CopyLinkButton url={shareUrl} label={t('copy')} copiedLabel={t('copied')} />
          <a href={qrPath} download={`qr-${caseSlug}-${campaign.code}.svg`} className={buttonClass('ghost')}>
            {t('downloadQr')}
          </a>
          <ArchiveCampaignForm
            caseSlug={caseSlug}
            code={campaign.code}
            isArchived={isArchived}
            label={isArchived ? t('restore') : t('archive')}
          />
        </div>
      </Card>
    </li>
  );
}

async function OtherSources({ rows }: { rows: { source: string; supporters: number; claimants: number }[] }) {
  const [t, list] = await Promise.all([getTranslations('organizer.campaigns.otherSources'), getTranslations('organizer.campaigns.list')]);
  return (
    <Card aria-labelledby="other-sources-title">
      <h2 id="other-sources-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('lead')}</p>
      <ul className="mt-3 divide-y divide-slate-100">
        {rows.map((row) => (
          <li key={row.source} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
            {row.source ? <span className="break-all font-mono">{row.source}</span> : <span>{t('direct')}</span>}
            <span className="text-slate-700">{list('signups', { supporters: row.supporters, claimants: row.claimants })}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The copy-paste snippets for partner sites: the embedded petition and a plain form. */
async function EmbedCard({
  appUrl,
  slug,
  locale,
  partnerOrigins,
}: {
  appUrl: string;
  slug: string;
  locale: Locale;
  partnerOrigins: string[];
}) {
  const t = await getTranslations('organizer.campaigns.embed');
  const snippets = embedSnippets({ appUrl, slug, locale, returnUrl: partnerOrigins[0] ? `${partnerOrigins[0]}/` : undefined });
  return (
    <Card aria-labelledby="embed-title" className="space-y-4">
      <div>
        <h2 id="embed-title" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t('lead')}</p>
        <p className="mt-1 text-sm text-slate-700" data-testid="embed-partners">
          {partnerOrigins.length ? t('partners', { origins: partnerOrigins.join(', ') }) : t('noPartners')}
        </p>
      </div>
      {(['iframe', 'form'] as const).map((kind) => (
        <div key={kind} className="space-y-2">
          <label htmlFor={`embed-${kind}`} className="block text-sm font-semibold text-slate-800">
            {t(`${kind}Label`)}
          </label>
          <textarea
            id={`embed-${kind}`}
            readOnly
            rows={kind === 'iframe' ? 3 : 9}
            value={snippets[kind]}
            className="block w-full rounded-xl border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs text-ink"
          />
          <CopyLinkButton url={snippets[kind]} label={t('copy')} copiedLabel={t('copied')} />
        </div>
      ))}
    </Card>
  );
}
