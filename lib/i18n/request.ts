import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, TIME_ZONE, isLocale } from './config';
import { loadMessages } from './messages';
import { negotiateLocale } from './negotiate';

// No locale in the URL: the language is a per-person choice kept in a cookie (set by the switcher
// or `?lang=` through proxy.ts); before any choice, the browser's Accept-Language; Korean otherwise.
export default getRequestConfig(async ({ locale: requested }) => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(requested) ? requested : isLocale(chosen) ? chosen : negotiateLocale((await headers()).get('accept-language'));
  return { locale, messages: loadMessages(locale), timeZone: TIME_ZONE, now: new Date() };
});
