import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import type { Case } from '@/db/schema';
import { getCachedConsentDocument } from '@/lib/cases/public-view-cache';
import { toLocale } from '@/lib/i18n/config';
import { resolveCampaignSource } from '@/lib/petition/source';
import { listRegions } from '@/lib/regions';
import { PetitionForm } from './petition-form';

/**
 * The support petition on the public case page: the current petition privacy text in the
 * reader's language, and the campaign source from `?src=` or the referring site.
 */
export async function PetitionCard({ caseRow, src }: { caseRow: Case; src?: string }) {
  const [t, locale, headerList] = await Promise.all([getTranslations('petition.form'), getLocale().then(toLocale), headers()]);
  const db = await getDb();
  // The text in the reader's language, or the Korean one when it has not been translated.
  const consent =
    (await getCachedConsentDocument(db, caseRow.id, 'petition_privacy', locale)) ??
    (await getCachedConsentDocument(db, caseRow.id, 'petition_privacy', 'ko'));
  if (!consent || caseRow.status !== 'open') return null;
  const source = resolveCampaignSource({ src, referer: headerList.get('referer'), ownHost: headerList.get('host') });
  return (
    <Card aria-labelledby="petition" id="support">
      <h2 id="petition" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="mb-4 mt-2 text-slate-700">{t('lead')}</p>
      <PetitionForm
        caseSlug={caseRow.slug}
        source={source}
        consent={{ title: consent.title, body: consent.body, version: consent.version }}
        regions={listRegions(caseRow.jurisdiction).map((region) => ({ code: region.code, name: region.name[locale] }))}
      />
    </Card>
  );
}
