import { z } from 'zod';
import { isPlausiblePhone } from '@/lib/intake/validators';
import { REGIONS } from '@/lib/cases/reference-data';
import { LOCALES } from '@/lib/i18n/config';
import { emailSchema } from '@/lib/users/schemas';

const TRUTHY = new Set(['true', 'on', '1', 'yes']);

/** Partner sites send `true`, HTML checkboxes send `on`: both mean agreement; anything else does not. */
const consentSchema = z.preprocess(
  (value) => value === true || (typeof value === 'string' && TRUTHY.has(value.trim().toLowerCase())),
  z.literal(true, { message: 'validation.mustAccept' }),
);

const optionalText = (max: number) =>
  z
    .preprocess((value) => (typeof value === 'string' ? value.trim() : (value ?? '')), z.string().max(max))
    .transform((value) => value || undefined);

export const petitionSchema = z.object({
  name: z.string().trim().min(1).max(100),
  email: emailSchema,
  privacyConsent: consentSchema,
  region: z.preprocess((value) => (value === '' || value === null ? undefined : value), z.enum(REGIONS).optional()),
  phone: optionalText(30).refine((value) => value === undefined || isPlausiblePhone(value), 'validation.phone'),
  source: optionalText(200),
  locale: z.preprocess((value) => (value === '' || value === null ? undefined : value), z.enum(LOCALES).optional()),
});
export type PetitionInput = z.infer<typeof petitionSchema>;

export const signatureTokenSchema = z.object({
  token: z.string().trim().min(20).max(200),
  caseSlug: z.string().trim().min(1).max(64),
});
