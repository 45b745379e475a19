import { z } from 'zod';

/** Six digits as an authenticator app shows them; spaces people type in the middle are dropped. */
export const totpCodeSchema = z.object({
  code: z
    .string()
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'validation.totpCode')),
});

/** The account's password, given again before a change a borrowed session must not make. */
export const reauthPasswordSchema = z.object({ password: z.string().min(1).max(256) });
