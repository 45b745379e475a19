import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type CommMessage, commMessages } from '@/db/schema';
import type { Locale } from '@/lib/i18n/config';
import { samplePlaceholderValues } from './placeholders';
import { renderForRecipient } from './render';

export type Audience = 'supporters' | 'claimants';

/** Which audiences a case role writes to (organizers: supporters; lawyers: claimants; admins: both). */
export function audiencesFor(role: string): Audience[] {
  if (role === 'organizer') return ['supporters'];
  if (role === 'lawyer') return ['claimants'];
  return ['supporters', 'claimants'];
}

export async function listMessages(db: Database, caseId: string, audiences: Audience[], limit = 50): Promise<CommMessage[]> {
  return db
    .select()
    .from(commMessages)
    .where(and(eq(commMessages.caseId, caseId), inArray(commMessages.audience, audiences)))
    .orderBy(desc(commMessages.createdAt))
    .limit(limit);
}

/** The message as a sample recipient reads it in `locale`. */
export function previewMessage(message: CommMessage, locale: Locale, appUrl: string): { subject: string; text: string } {
  const sample = samplePlaceholderValues(locale, appUrl);
  const rendered = renderForRecipient(
    message,
    {
      idempotencyKey: `preview:${message.id}`,
      address: 'preview@joinder.invalid',
      locale,
      params: { name: sample.name!, reference: sample.reference!, missing: 'statement,evidence', deadline: sample.deadline! },
      links: { homeLink: sample.homeLink!, unsubscribeLink: sample.unsubscribeLink! },
    },
    'joinder.invalid',
  );
  return { subject: rendered.subject, text: rendered.text };
}
