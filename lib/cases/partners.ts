import { z } from 'zod';

/** At most this many partner sites per case (each is an allowed frame ancestor and return address). */
export const MAX_PARTNER_ORIGINS = 20;

/** A site's origin as browsers send it (https://www.pspd.org), or null when the text is not one. */
export function toPartnerOrigin(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  const isLocal = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  // Only a bare origin: no path, query, credentials; https except for local testing.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocal)) return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
  if (/[*\s]/.test(text)) return null;
  return url.origin;
}

/** The settings textarea: one origin per line, duplicates dropped, each checked. */
export const partnerOriginsSchema = z.object({
  partnerOrigins: z
    .string()
    .max(4000)
    .default('')
    .transform((value, context) => {
      const lines = value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
      const origins: string[] = [];
      for (const line of lines) {
        const origin = toPartnerOrigin(line);
        if (!origin) {
          context.addIssue({ code: 'custom', message: 'validation.partnerOrigin' });
          return z.NEVER;
        }
        if (!origins.includes(origin)) origins.push(origin);
      }
      if (origins.length > MAX_PARTNER_ORIGINS) {
        context.addIssue({ code: 'custom', message: 'validation.partnerOriginsTooMany' });
        return z.NEVER;
      }
      return origins;
    }),
});

/**
 * Where a supporter goes after a partner site's form post: the given URL when its origin is one of
 * the case's partner sites (exact match), otherwise null — never anywhere else (no open redirect).
 */
export function allowedReturnUrl(candidate: unknown, partnerOrigins: readonly string[]): URL | null {
  if (typeof candidate !== 'string' || candidate.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  return partnerOrigins.includes(url.origin) ? url : null;
}
