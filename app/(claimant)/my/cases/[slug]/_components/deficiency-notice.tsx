import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui';
import type { Database } from '@/db/client';
import type { ClaimantStatus } from '@/db/schema';
import { latestNoticeForClaimant } from '@/lib/deficiencies/queries';
import { formatCureBy } from '@/lib/deficiencies/calendar';
import type { Locale } from '@/lib/i18n/config';

type Props = { db: Database; caseId: string; claimant: { id: string; status: ClaimantStatus; verifiedAt: Date | null }; locale: Locale };

/**
 * What counsel found missing and by when, at the top of the claimant's home: an open notice with
 * its reason and day, or an expired one that keeps the claim out of the next round.
 */
export async function DeficiencyNotice({ db, caseId, claimant, locale }: Props) {
  const notice = await latestNoticeForClaimant(db, caseId, claimant.id);
  if (!notice) return null;
  const isOpen = notice.status === 'open' && claimant.status === 'needs_info';
  const isExpired = notice.status === 'expired' && !(claimant.verifiedAt && claimant.verifiedAt > notice.deadlineAt);
  if (!isOpen && !isExpired) return null;
  const t = await getTranslations('rounds.claimant');
  const date = formatCureBy(notice.cureBy, locale);
  return (
    <Alert tone="warning" data-testid="deficiency-notice">
      <p className="font-semibold">{t('title')}</p>
      <p className="mt-1">
        {t('reason')}: <strong>{locale === 'ko' ? notice.reasonKo : notice.reasonEn}</strong>
      </p>
      <p className="mt-1" data-testid="deficiency-deadline">
        {isOpen ? t('cureBy', { date }) : t('expired', { date })}
      </p>
    </Alert>
  );
}
