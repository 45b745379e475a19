import { type NextRequest, NextResponse } from 'next/server';
import { LOCALE_COOKIE, isLocale } from '@/lib/i18n/config';
import { AppError } from '@/lib/errors';
import { SMALL_BODY_MAX_BYTES, isDeclaredBodyTooLarge } from '@/lib/http/body';
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
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const { pathname, searchParams } = request.nextUrl;
  const headers = buildSecurityHeaders({
    nonce,
    pathname,
    isProduction: process.env.NODE_ENV === 'production',
    isHttps: isServedOverHttps(request.nextUrl.protocol, process.env.APP_URL),
  });

  if (isDeclaredBodyTooLarge(request.headers, pathname) || (await isUndeclaredActionBodyTooLarge(request, pathname))) {
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
  // Only page visits are redirected; a server action posted here answers for itself ("please sign in").
  const isNavigation = request.method === 'GET' || request.method === 'HEAD';
  const response =
    isSignedInArea && isNavigation && !hasSessionCookie
      ? NextResponse.redirect(new URL(`/sign-in?callbackUrl=${encodeURIComponent(pathname + request.nextUrl.search)}`, request.url))
      : NextResponse.next({ request: { headers: requestHeaders } });

  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (isLocale(requestedLocale)) {
    response.cookies.set(LOCALE_COOKIE, requestedLocale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
  }
  return response;
}

/**
 * A post to a page without a declared length (chunked) is measured here: Next.js buffers proxy
 * bodies anyway, and a server action over its 1 MB cap would otherwise end in a 500.
 */
async function isUndeclaredActionBodyTooLarge(request: NextRequest, pathname: string): Promise<boolean> {
  if (request.method === 'GET' || request.method === 'HEAD' || pathname.startsWith('/api/') || request.headers.has('content-length') || !request.body) return false;
  const bytes = await request.clone().arrayBuffer().catch(() => new ArrayBuffer(0));
  return bytes.byteLength > SMALL_BODY_MAX_BYTES;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
