import { z } from 'zod';
import { isPlausiblePhone } from '@/lib/forms/validators';
import { LOCALES } from '@/lib/i18n/config';
import { emailSchema } from '@/lib/users/schemas';

const TRUTHY = new Set(['true', 'on', '1', 'yes']);

/** Partner sites send `true`, HTML checkboxes send `on`: both mean agreement; anything else does not. */
const consentSchema = z.preprocess(
  (value) => value === true || (typeof value === 'string' && TRUTHY.has(value.trim().toLowerCase())),
  z.literal(true, { message: 'validation.mustAccept' }),
);

/** The optional "send me updates" box: the same truthy values agree; absent or anything else is no. */
const optionalAgreementSchema = z.preprocess(
  (value) => value === true || (typeof value === 'string' && TRUTHY.has(value.trim().toLowerCase())),
  z.boolean(),
);

const optionalText = (max: number) =>
  z
    .preprocess((value) => (typeof value === 'string' ? value.trim() : (value ?? '')), z.string().max(max))
    .transform((value) => value || undefined);

export const petitionSchema = z.object({
  name: z.string().trim().min(1).max(100),
  email: emailSchema,
  privacyConsent: consentSchema,
  /** Agreement to receive updates about the case (issue 13, item 5); unchecked by default. */
  updatesConsent: optionalAgreementSchema,
  /** A code or a name in either language; read against the case's region list when signing. */
  region: optionalText(100),
  phone: optionalText(30).refine((value) => value === undefined || isPlausiblePhone(value), 'validation.phone'),
  source: optionalText(200),
  locale: z.preprocess((value) => (value === '' || value === null ? undefined : value), z.enum(LOCALES).optional()),
});
export type PetitionInput = z.infer<typeof petitionSchema> & { dropped?: { field: string; value: string }[] };

/**
 * A partner site's post: optional fields whose value cannot be read (a phone that is no phone
 * number, a language we do not have) are left out and named, so the signature is never lost to
 * them; required ones (name, e-mail, consent) still refuse with their error.
 */
export function dropUnreadableOptionals(body: Record<string, unknown>): {
  body: Record<string, unknown>;
  dropped: { field: string; value: string }[];
} {
  const kept = { ...body };
  const dropped: { field: string; value: string }[] = [];
  const drop = (field: string) => {
    dropped.push({ field, value: String(kept[field]).slice(0, 100) });
    delete kept[field];
  };
  const text = (field: string) => (typeof kept[field] === 'string' ? (kept[field] as string).trim() : kept[field]);
  const phone = text('phone');
  if (phone !== undefined && phone !== null && phone !== '' && (typeof phone !== 'string' || !isPlausiblePhone(phone))) drop('phone');
  const locale = text('locale');
  if (locale !== undefined && locale !== null && locale !== '' && !(LOCALES as readonly unknown[]).includes(locale)) drop('locale');
  for (const field of ['region', 'source'] as const) {
    const value = text(field);
    if (value !== undefined && value !== null && (typeof value !== 'string' || value.length > (field === 'region' ? 100 : 200)))
      drop(field);
  }
  return { body: kept, dropped };
}

export const signatureTokenSchema = z.object({
  token: z.string().trim().min(20).max(200),
  caseSlug: z.string().trim().min(1).max(64),
});
