'use server';

import { cookies } from 'next/headers';
import { LOCALE_COOKIE, toLocale } from '@/lib/i18n/config';
import { rememberLocaleForCurrentUser } from './actions';

/** The language switcher: a plain form post, so it works without JavaScript too. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = toLocale(formData.get('locale'));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
  await rememberLocaleForCurrentUser(locale);
}
