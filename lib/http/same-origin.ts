import { AppError } from '@/lib/errors';

/**
 * Whether a post comes from another site, judged exactly as Next.js judges a server action
 * (next/dist/server/app-render/action-handler.js): the Origin's host against X-Forwarded-Host's
 * first value, else Host. Next.js answers a mismatch with a 500; proxy.ts answers it with a 403
 * first. A request without Origin is let through as Next does: browsers send Origin on every
 * cross-site post, so its absence means a hand-made request that carries no victim's cookies.
 * (serve.ts drops X-Forwarded-Host unless TRUSTED_PROXY_HOPS says a proxy wrote it.)
 */
export function isCrossOriginPost(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // `null` (a sandboxed frame, a data: page) or garbage: not one of our pages
  }
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  return !host || originHost !== host;
}

/** CR, LF, NUL and the other control characters: never part of a value we echo into a header. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** A query string whose decoded names or values hold a control character. */
export function hasControlCharacterInQuery(searchParams: URLSearchParams): boolean {
  for (const [name, value] of searchParams) if (CONTROL_CHARACTER.test(name) || CONTROL_CHARACTER.test(value)) return true;
  return false;
}

/** Only this site's pages upload: a cross-site origin is refused even before the session is read. */
export function assertSameOrigin(request: Request): void {
  if (isCrossOriginPost(request.headers)) throw new AppError('forbidden');
}
