import type { CommMessage } from '@/db/schema';
import type { Locale } from '@/lib/i18n/config';
import type { OutgoingMessage } from './channels';
import { type PlaceholderValues, describeMissingItems, fillPlaceholders } from './placeholders';

const FOOTERS: Record<Locale, { update: string; transactional: string }> = {
  ko: {
    update: '이 사건의 소식을 더 받지 않으려면: {unsubscribeLink}',
    transactional: '이 안내는 소송 참여에 법적으로 필요한 통지이므로 수신거부와 관계없이 발송됩니다.',
  },
  en: {
    update: 'To stop receiving updates about this case: {unsubscribeLink}',
    transactional: 'This is a legally required notice about your claim; it is sent whatever your mail preferences.',
  },
};

export type RecipientForRender = {
  idempotencyKey: string;
  address: string;
  locale: Locale;
  params: Record<string, string>;
  links: { homeLink: string; unsubscribeLink: string };
};

/**
 * The message as one recipient reads it, in their language. Updates carry List-Unsubscribe and
 * List-Unsubscribe-Post (RFC 8058) so a mail client offers one-click unsubscribe; transactional
 * notices do not (no unsubscribe stops them) and say so. The Message-ID is the idempotency key:
 * a copy re-sent after a crash is recognisably the same message.
 */
export function renderForRecipient(
  message: Pick<CommMessage, 'channel' | 'kind' | 'subjectKo' | 'subjectEn' | 'bodyKo' | 'bodyEn'>,
  recipient: RecipientForRender,
  mailDomain: string,
): OutgoingMessage {
  const locale = recipient.locale;
  const values: PlaceholderValues = {
    name: recipient.params.name ?? '',
    reference: recipient.params.reference ?? '',
    missingItems: describeMissingItems(recipient.params.missing ?? '', locale),
    deadline: recipient.params.deadline ?? '',
    ...recipient.links,
  };
  const subject = fillPlaceholders(locale === 'ko' ? message.subjectKo : message.subjectEn, values);
  const body = fillPlaceholders(locale === 'ko' ? message.bodyKo : message.bodyEn, values);
  const isEmail = message.channel === 'email';
  const footer = fillPlaceholders(FOOTERS[locale][message.kind], values);
  const headers: Record<string, string> = { 'Message-ID': `<${recipient.idempotencyKey.replace(':', '.')}@${mailDomain}>` };
  if (isEmail && message.kind === 'update') {
    headers['List-Unsubscribe'] = `<${recipient.links.unsubscribeLink}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return {
    channel: message.channel,
    to: recipient.address,
    subject,
    // A text message has no room for a footer; its consent and opt-out live with the provider.
    text: isEmail ? `${body}\n\n--\n${footer}\n` : body,
    headers,
  };
}
