import Negotiator from 'negotiator';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './config';

/**
 * The best of our languages for an Accept-Language header (q-values and regional tags:
 * "en-US,en;q=0.9" → en, "de,ko;q=0.5" → ko), Korean when the header names neither.
 * Only picks the language: links and redirects are never built from request headers.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const negotiator = new Negotiator({ headers: { 'accept-language': acceptLanguage.slice(0, 512) } });
  return (negotiator.language([...LOCALES]) as Locale | undefined) ?? DEFAULT_LOCALE;
}
