import { createTranslator } from 'next-intl';
import { type Locale, LOCALE_COOKIE, TIME_ZONE, isLocale } from './config';
import { loadMessages } from './messages';
import { negotiateLocale } from './negotiate';

type Translator = ReturnType<typeof createTranslator<ReturnType<typeof loadMessages>>>;
const translators = new Map<Locale, Translator>();

/**
 * A translator that needs no request context: mails, PDFs, route-handler errors, jobs.
 * Pages and actions use next-intl's getTranslations instead. One per language and process: a
 * translator caches its parsed messages, and a fresh one per call costs ~0.5 ms (a signature
 * surge renders a mail per request).
 */
export function getTranslator(locale: Locale): Translator {
  let translator = translators.get(locale);
  if (!translator) {
    translator = createTranslator({ locale, messages: loadMessages(locale), timeZone: TIME_ZONE });
    translators.set(locale, translator);
  }
  return translator;
}

/** The reader's language for an API request: our cookie, then Accept-Language, then Korean. */
export function localeFromRequest(request: Request): Locale {
  const cookie = request.headers.get('cookie') ?? '';
  const match = cookie.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`));
  if (match && isLocale(match[1])) return match[1];
  const url = new URL(request.url);
  const lang = url.searchParams.get('lang');
  if (isLocale(lang)) return lang;
  return negotiateLocale(request.headers.get('accept-language'));
}
