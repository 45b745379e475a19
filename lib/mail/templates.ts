import type { Locale } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/translator';

/** Every mail the app sends; subjects and bodies live in the `mail` catalog of each language. */
export const MAIL_TEMPLATES = [
  'verifyEmail',
  'passwordReset',
  'petitionConfirm',
  'claimSubmitted',
  'infoRequested',
  'deficiencyNotice',
  'claimDecision',
  'membershipInvite',
  'membershipChanged',
  'signUpExisting',
  'petitionAlreadySigned',
] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

export type RenderedMail = { subject: string; text: string };

export function renderMail(template: MailTemplate, locale: Locale, params: Record<string, string | number>): RenderedMail {
  const t = getTranslator(locale) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const subject = t(`mail.${template}.subject`, params);
  const body = t(`mail.${template}.body`, params);
  const signature = t('mail.signature');
  return { subject, text: `${body}\n\n${signature}\n` };
}
