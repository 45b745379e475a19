import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Claimant, commMessages, commRecipients, users } from '@/db/schema';
import type { Locale } from '@/lib/i18n/config';
import { describeMissingItems, fillPlaceholders } from './placeholders';

/** A notice as its claimant reads it on their home (issue 13, item 7). */
export type ClaimantNotice = {
  id: string;
  subject: string;
  body: string;
  sentAt: Date;
  isTransactional: boolean;
};

/** The claimant's home in a case. */
export function claimantHomeLink(appUrl: string, caseSlug: string): string {
  return `${appUrl}/my/cases/${encodeURIComponent(caseSlug)}`;
}

/** Where a claimant notice's reply link lands: their home in the case, with that notice picked out. */
export function claimantNoticeLink(appUrl: string, caseSlug: string, messageId: string): string {
  return `${claimantHomeLink(appUrl, caseSlug)}?notice=${encodeURIComponent(messageId)}`;
}

/**
 * The notices that reached this claimant, newest first, in the language asked for. Only the
 * claimant's own recipient rows that went out count (a bounced or failed one never reached them).
 * The per-recipient values are emptied once a message is out, so the placeholders are filled from
 * the claim as it stands now: what is missing today is what the claimant can act on.
 */
export async function listClaimantNotices(
  db: Database,
  claimant: Pick<Claimant, 'id' | 'caseId' | 'userId' | 'referenceNumber' | 'hasSignedStatement' | 'hasSignedConsent' | 'evidenceCount'>,
  locale: Locale,
  homeLink: string,
): Promise<ClaimantNotice[]> {
  const [rows, [owner]] = await Promise.all([
    db
      .select({ message: commMessages, sentAt: commRecipients.sentAt, updatedAt: commRecipients.updatedAt })
      .from(commRecipients)
      .innerJoin(commMessages, eq(commMessages.id, commRecipients.messageId))
      .where(
        and(
          eq(commRecipients.caseId, claimant.caseId),
          eq(commRecipients.personId, claimant.id),
          eq(commRecipients.status, 'sent'),
          eq(commMessages.caseId, claimant.caseId),
          eq(commMessages.audience, 'claimants'),
        ),
      )
      .orderBy(desc(commRecipients.sentAt)),
    db.select({ name: users.name }).from(users).where(eq(users.id, claimant.userId)),
  ]);
  const missing = [
    claimant.hasSignedStatement ? null : 'statement',
    claimant.hasSignedConsent ? null : 'consent',
    claimant.evidenceCount === 0 ? 'evidence' : null,
  ]
    .filter(Boolean)
    .join(',');
  const values = {
    name: owner?.name ?? '',
    reference: claimant.referenceNumber ?? '',
    missingItems: describeMissingItems(missing, locale),
    homeLink,
    unsubscribeLink: '',
  };
  return rows.map(({ message, sentAt, updatedAt }) => ({
    id: message.id,
    subject: fillPlaceholders(locale === 'ko' ? message.subjectKo || message.subjectEn : message.subjectEn || message.subjectKo, values),
    body: fillPlaceholders(locale === 'ko' ? message.bodyKo : message.bodyEn, values),
    sentAt: sentAt ?? updatedAt,
    isTransactional: message.kind === 'transactional',
  }));
}
