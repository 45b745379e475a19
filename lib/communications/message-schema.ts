import { z } from 'zod';
import { findUnknownPlaceholders } from './placeholders';
import { segmentSchema } from './segments';
import { measureEucKr, smsLimitFor } from './sms';

/** A message as the composer submits it: a subject and body per language, and its segment. */
export const messageInputSchema = z.object({
  channel: z.enum(['email', 'sms', 'lms', 'alimtalk']).default('email'),
  kind: z.enum(['update', 'transactional']).default('update'),
  subjectKo: z.string().trim().max(200).default(''),
  subjectEn: z.string().trim().max(200).default(''),
  bodyKo: z.string().trim().min(1, 'validation.required').max(20_000),
  bodyEn: z.string().trim().min(1, 'validation.required').max(20_000),
  segment: segmentSchema,
});
export type MessageInput = z.infer<typeof messageInputSchema>;

/**
 * `2026-12-03T09:00` from a datetime-local input is a time in Korea, where the campaigns run; an
 * explicit offset is kept. Empty means now.
 */
const kstDateTime = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return undefined;
    const withZone = /[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value.length === 16 ? `${value}:00` : value}+09:00`;
    const date = new Date(withZone);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({ code: 'custom', message: 'validation.invalid' });
      return z.NEVER;
    }
    return date;
  });

export const sendRequestSchema = z.object({ messageId: z.uuid(), sendAt: kstDateTime });
export const messageIdSchema = z.object({ messageId: z.uuid() });

const TEXT_FIELDS = ['subjectKo', 'subjectEn', 'bodyKo', 'bodyEn'] as const;

/**
 * What zod cannot see: a placeholder unknown in one language, a text over its channel's limit, a
 * subject missing on an e-mail, a notice to supporters marked transactional, or 알림톡 used for an
 * update (KakaoTalk accepts only approved information templates there, so no recruitment).
 * Returns field → message key; empty when the message may be saved.
 */
export function checkMessage(input: MessageInput): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of TEXT_FIELDS) {
    const unknown = findUnknownPlaceholders(input[field]);
    if (unknown.length > 0) errors[field] = `communications.errors.unknownPlaceholder|${JSON.stringify({ name: `{${unknown[0]}}` })}`;
  }
  if (input.channel === 'email') {
    for (const field of ['subjectKo', 'subjectEn'] as const) if (!input[field] && !errors[field]) errors[field] = 'validation.required';
  } else {
    const limit = smsLimitFor(input.channel);
    for (const field of ['bodyKo', 'bodyEn'] as const) {
      if (errors[field]) continue;
      const { bytes, hasUnencodable } = measureEucKr(input[field]);
      if (hasUnencodable) errors[field] = 'communications.errors.smsUnencodable';
      else if (bytes > limit)
        errors[field] = `communications.errors.smsTooLong|${JSON.stringify({ bytes, limit, channel: input.channel.toUpperCase() })}`;
    }
  }
  if (input.kind === 'transactional' && input.segment.audience !== 'claimants')
    errors.kind = 'communications.errors.transactionalClaimantsOnly';
  if (input.channel === 'alimtalk' && input.kind !== 'transactional') errors.channel = 'communications.errors.alimtalkInformationOnly';
  return errors;
}
