import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, TIME_ZONE, isLocale, toLocale } from './config';
import { loadMessages } from './messages';

// No locale in the URL: the language is a per-person choice kept in a cookie (set by the switcher
// or `?lang=` through proxy.ts), Korean when none was made.
export default getRequestConfig(async ({ locale: requested }) => {
  const locale = isLocale(requested) ? requested : toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: loadMessages(locale), timeZone: TIME_ZONE, now: new Date() };
});
