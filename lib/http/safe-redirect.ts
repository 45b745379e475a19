const PROBE_ORIGIN = 'http://joinder.invalid';

/**
 * A same-site path to send someone to after signing in, or the fallback. `//evil.example`,
 * `/\evil.example` (browsers read the backslash as a slash), schemes and control characters are
 * all refused: no open redirect.
 */
export function safeReturnPath(value: unknown, fallback = '/home'): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (typeof candidate !== 'string' || candidate.length > 2048) return fallback;
  if (!candidate.startsWith('/') || candidate.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(candidate)) return fallback;
  try {
    const parsed = new URL(candidate, PROBE_ORIGIN);
    return parsed.origin === PROBE_ORIGIN ? `${parsed.pathname}${parsed.search}${parsed.hash}` : fallback;
  } catch {
    return fallback;
  }
}

/** For next-auth's redirect callback: a path or a URL on our own origin, else the base URL. Never throws. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const path = safeReturnPath(url, '');
  if (path) return `${baseUrl.replace(/\/$/, '')}${path}`;
  try {
    const parsed = new URL(url);
    if (parsed.origin === new URL(baseUrl).origin && !/[\\\u0000-\u001f\u007f]/.test(url)) return parsed.toString();
  } catch {
    // not a URL at all
  }
  return baseUrl;
}
