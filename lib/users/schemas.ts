import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '@/lib/auth/password';
import { LOCALES } from '@/lib/i18n/config';

export const emailSchema = z.string().trim().min(1).max(254).pipe(z.email());

export const signUpSchema = z.object({
  name: z.string().trim().min(1).max(100),
  email: emailSchema,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  locale: z.enum(LOCALES).default('ko'),
  caseSlug: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((value) => value || undefined),
  source: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((value) => value || undefined),
  acceptTerms: z.literal('on', { message: 'validation.mustAccept' }),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const passwordResetRequestSchema = z.object({ email: emailSchema });

export const passwordResetSchema = z
  .object({
    token: z.string().min(10).max(200),
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    passwordConfirm: z.string(),
  })
  .refine((value) => value.password === value.passwordConfirm, { path: ['passwordConfirm'], message: 'validation.passwordsDiffer' });
