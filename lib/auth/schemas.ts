import { z } from 'zod';

/** Six digits as an authenticator app shows them; spaces people type in the middle are dropped. */
export const totpCodeSchema = z.object({
  code: z
    .string()
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'validation.totpCode')),
});
