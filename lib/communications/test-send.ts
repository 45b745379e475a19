import type { Database } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { configuredAppOrigin, getEnv } from '@/lib/env';
import { LOCALES } from '@/lib/i18n/config';
import { getChannelProvider } from './channels';
import { type Author, canWriteTo, getMessage } from './messages';
import { samplePlaceholderValues } from './placeholders';
import { renderForRecipient } from './render';

/**
 * The message to its author's own address, once per language, filled in for a sample recipient.
 * A text message is tried by e-mail too: the author sees its words without a phone number of
 * theirs being needed.
 */
export async function sendTestToSelf(db: Database, author: Author & { email: string }, messageId: string): Promise<void> {
  const message = await getMessage(db, author.caseId, messageId);
  if (!canWriteTo(author.role, message.audience)) throw new AppError('forbidden');
  const provider = getChannelProvider(db, 'email');
  if (!provider) throw new AppError('unavailable', { messageKey: 'communications.errors.noProvider' });
  const appUrl = configuredAppOrigin();
  const mailDomain = /@([^>\s]+)/.exec(getEnv().MAIL_FROM)?.[1] ?? 'joinder.local';
  for (const locale of LOCALES) {
    const sample = samplePlaceholderValues(locale, appUrl);
    const rendered = renderForRecipient(
      {
        ...message,
        channel: 'email',
        subjectKo: message.subjectKo || message.bodyKo.slice(0, 40),
        subjectEn: message.subjectEn || message.bodyEn.slice(0, 40),
      },
      {
        idempotencyKey: `test:${message.id}.${locale}.${Date.now()}`,
        address: author.email,
        locale,
        params: { name: sample.name!, reference: sample.reference!, missing: 'statement,evidence', deadline: sample.deadline! },
        links: { homeLink: sample.homeLink!, unsubscribeLink: sample.unsubscribeLink! },
      },
      mailDomain,
    );
    await provider.send({ ...rendered, subject: `[TEST] ${rendered.subject}` });
  }
  await recordAudit(db, {
    action: 'communication.test_sent',
    actorUserId: author.userId,
    caseId: author.caseId,
    subjectType: 'communication',
    subjectId: message.id,
    details: { locales: LOCALES.length },
  });
}
