import { type NextRequest, NextResponse } from 'next/server';
import { LOCALE_COOKIE, isLocale } from '@/lib/i18n/config';
import { AppError } from '@/lib/errors';
import { isDeclaredBodyTooLarge } from '@/lib/http/body';
import { errorResponse } from '@/lib/http/route';
import { buildSecurityHeaders, isServedOverHttps } from '@/lib/http/security-headers';

const SESSION_COOKIES = ['joinder.session', '__Host-joinder.session'];
const SIGNED_IN_AREAS = ['/my', '/staff', '/admin', '/account'];

/**
 * Runs before every request: per-request CSP nonce and security headers, `?lang=` to switch the
 * language, and a convenience redirect to sign-in for signed-in areas. It is NOT an access check:
 * every page, action and route handler checks the session and role itself (lib/auth/guards.ts).
 * Bodies declared larger than their route could ever accept are refused here, unread (413).
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const { pathname, searchParams } = request.nextUrl;
  const headers = buildSecurityHeaders({
    nonce,
    pathname,
    isProduction: process.env.NODE_ENV === 'production',
    isHttps: isServedOverHttps(request.nextUrl.protocol, process.env.APP_URL),
  });

  if (isDeclaredBodyTooLarge(request.headers)) {
    const refusal = errorResponse(request, new AppError('payload_too_large'), { Connection: 'close' });
    for (const [name, value] of Object.entries(headers)) refusal.headers.set(name, value);
    return refusal;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']);

  const requestedLocale = searchParams.get('lang');
  if (isLocale(requestedLocale)) {
    const cookies = request.cookies.getAll().filter((cookie) => cookie.name !== LOCALE_COOKIE);
    requestHeaders.set('cookie', [...cookies.map((cookie) => `${cookie.name}=${cookie.value}`), `${LOCALE_COOKIE}=${requestedLocale}`].join('; '));
  }

  const hasSessionCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  const isSignedInArea = SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
  const response =
    isSignedInArea && !hasSessionCookie
      ? NextResponse.redirect(new URL(`/sign-in?callbackUrl=${encodeURIComponent(pathname + request.nextUrl.search)}`, request.url))
      : NextResponse.next({ request: { headers: requestHeaders } });

  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (isLocale(requestedLocale)) {
    response.cookies.set(LOCALE_COOKIE, requestedLocale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
  }
  return response;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
