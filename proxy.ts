import { type NextRequest, NextResponse } from 'next/server';
import { LOCALE_COOKIE, isLocale } from '@/lib/i18n/config';
import { AppError } from '@/lib/errors';
import { findPagePostProblem } from '@/lib/http/action-body-guard';
import { SMALL_BODY_MAX_BYTES, isDeclaredBodyTooLarge } from '@/lib/http/body';
import { errorResponse } from '@/lib/http/route';
import { hasControlCharacterInQuery, isCrossOriginPost } from '@/lib/http/same-origin';
import { buildSecurityHeaders, isFramingSetByRoute, isServedOverHttps } from '@/lib/http/security-headers';

const SESSION_COOKIES = ['joinder.session', '__Host-joinder.session'];
const SIGNED_IN_AREAS = ['/my', '/staff', '/admin', '/account'];

/**
 * Runs before every request: per-request CSP nonce and security headers, `?lang=` to switch the
 * language, and a convenience redirect to sign-in for signed-in areas. It is NOT an access check:
 * every page, action and route handler checks the session and role itself (lib/auth/guards.ts).
 * Oversized bodies, malformed server-action posts, cross-site posts to pages, undecodable paths
 * and control characters in next-auth's query are refused here, before anything parses them
 * (403 / 413 / 415 / 422 with a message, never a 500).
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

  const refusal = isMalformedPath(request)
    ? new AppError('invalid_input', { messageKey: 'security.body.malformedUrl' })
    : (refuseHeaderInjection(pathname, searchParams) ??
      refuseCrossOriginPost(request, pathname) ??
      (await refusePagePost(request, pathname)));
  if (refusal) {
    const answer = errorResponse(request, refusal, refusal.code === 'payload_too_large' ? { Connection: 'close' } : {});
    for (const [name, value] of Object.entries(headers)) answer.headers.set(name, value);
    return answer;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']);

  const requestedLocale = searchParams.get('lang');
  if (isLocale(requestedLocale)) {
    const cookies = request.cookies.getAll().filter((cookie) => cookie.name !== LOCALE_COOKIE);
    requestHeaders.set(
      'cookie',
      [...cookies.map((cookie) => `${cookie.name}=${cookie.value}`), `${LOCALE_COOKIE}=${requestedLocale}`].join('; '),
    );
  }

  const hasSessionCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  const isSignedInArea = SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
  // Only page visits are redirected; a server action posted here answers for itself ("please sign in").
  const isNavigation = request.method === 'GET' || request.method === 'HEAD';
  const response =
    isSignedInArea && isNavigation && !hasSessionCookie
      ? NextResponse.redirect(new URL(`/sign-in?callbackUrl=${encodeURIComponent(pathname + request.nextUrl.search)}`, request.url))
      : NextResponse.next({ request: { headers: requestHeaders } });

  for (const [name, value] of Object.entries(headers)) {
    if (isFramingSetByRoute(pathname) && (name === 'Content-Security-Policy' || name === 'X-Frame-Options')) continue;
    response.headers.set(name, value);
  }
  // Remembered for page visits only: an embedded badge or a partner's API call must not set our cookie.
  if (isLocale(requestedLocale) && !pathname.startsWith('/api/')) {
    response.cookies.set(LOCALE_COOKIE, requestedLocale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
  }
  return response;
}

/** A path whose percent-encoding is not UTF-8 (a lone surrogate, a cut sequence) names nothing. */
function isMalformedPath(request: NextRequest): boolean {
  try {
    decodeURIComponent(new URL(request.url).pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * next-auth copies `?error=` into the Location of its redirect; a CR, LF or NUL there makes Node
 * throw while writing the header, which Next.js answers with a 500.
 */
function refuseHeaderInjection(pathname: string, searchParams: URLSearchParams): AppError | null {
  if (!pathname.startsWith('/api/auth/') || !hasControlCharacterInQuery(searchParams)) return null;
  return new AppError('invalid_input', { messageKey: 'security.body.malformedUrl' });
}

/** A post to a page is a server action: from another site it is CSRF, refused with a 403. */
function refuseCrossOriginPost(request: NextRequest, pathname: string): AppError | null {
  if (request.method === 'GET' || request.method === 'HEAD' || pathname.startsWith('/api/')) return null;
  return isCrossOriginPost(request.headers) ? new AppError('cross_origin') : null;
}

/**
 * Bodies are refused here before anything parses them: bigger than the route could accept (413,
 * by the declared length, or — for a post to a page, which Next.js buffers anyway — by measuring),
 * or a post to a page that is not a well-formed server action call (lib/http/action-body-guard).
 */
async function refusePagePost(request: NextRequest, pathname: string): Promise<AppError | null> {
  if (isDeclaredBodyTooLarge(request.headers, pathname)) return new AppError('payload_too_large');
  if (request.method === 'GET' || request.method === 'HEAD' || pathname.startsWith('/api/') || !request.body) return null;
  // Read while counting and stop past the limit (the production server already cut the body
  // before Next buffered it: lib/server/request-gate.ts; this covers `next start` and dev).
  const bytes = await readAtMost(request.clone().body, SMALL_BODY_MAX_BYTES);
  if (!bytes) return new AppError('payload_too_large');
  const problem = await findPagePostProblem({
    contentType: request.headers.get('content-type'),
    isActionCall: request.headers.has('next-action'),
    bytes,
  });
  if (problem === 'unsupported_media') return new AppError('unsupported_media');
  if (problem === 'malformed') return new AppError('invalid_input', { messageKey: 'security.body.malformed' });
  return null;
}

/**
 * The body up to `maxBytes`, or null past it. The cancel is not awaited: on a tee'd clone it
 * settles only once the other branch is cancelled too, which Next.js does after we answer.
 */
async function readAtMost(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        void reader.cancel().catch(() => {});
        return null;
      }
      chunks.push(value);
    }
  } catch {
    return new Uint8Array(0); // a body the client broke off: the action guard below refuses it as malformed
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export const config = {
  // Evidence uploads stream their body to the route: passing through the proxy would buffer it (and cut it past 10 MB).
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|api/evidence/upload/).*)' }],
};
