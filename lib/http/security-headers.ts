/** Paths other sites may embed (the live counter); everything else refuses framing. */
const EMBEDDABLE = [/^\/embed\//, /^\/api\/cases\/[^/]+\/badge\.svg$/];
/**
 * Paths only our own pages may frame: evidence shown inline in the claimant file (a PDF in the
 * browser's viewer needs an iframe). The route itself checks the lawyer's role on every request.
 */
const FRAMEABLE_BY_SELF = [/^\/api\/cases\/[^/]+\/claimants\/[^/]+\/evidence\/[^/]+\/inline$/];

/**
 * Stored files and generated documents: evidence, filing parts, exports, the support report, the
 * court-cost worksheet, QR codes. Whatever a browser makes of one, it runs nothing and loads nothing (`default-src 'none'`)
 * and is a unique opaque origin with no access to our cookies or pages (`sandbox`). The route sets
 * the same policy; the proxy's headers win over the route's, so the proxy must send it too.
 */
const STORED_FILES = [
  /^\/api\/my\/cases\/[^/]+\/evidence\/[^/]+$/,
  /^\/api\/my\/export$/,
  /^\/api\/cases\/[^/]+\/claimants\/[^/]+\/evidence\/[^/]+\/(?:download|inline)$/,
  /^\/api\/cases\/[^/]+\/filings\/[^/]+\/parts\/[^/]+$/,
  /^\/api\/cases\/[^/]+\/exports\/(?:claimants|supporters)$/,
  /^\/api\/cases\/[^/]+\/reports\/support$/,
  /^\/api\/cases\/[^/]+\/costs\/worksheet$/,
  /^\/cases\/[^/]+\/campaigns\/[^/]+\/qr\.svg$/,
];

export const STORED_FILE_CSP = "default-src 'none'; sandbox";

/**
 * Routes that set their own CSP and framing headers (the petition embed's frame-ancestors come
 * from the case's partner sites in the database): the proxy must not set those two, because
 * headers the proxy sets win over the route's.
 */
const FRAMING_SET_BY_ROUTE = [/^\/embed\/cases\/[^/]+\/petition$/, /^\/api\/cases\/[^/]+\/support$/];

export function isFramingSetByRoute(pathname: string): boolean {
  return FRAMING_SET_BY_ROUTE.some((pattern) => pattern.test(pathname));
}

/**
 * Headers for every response: a nonce-based CSP (Next.js adds the nonce to its own scripts),
 * nosniff, a strict referrer policy, no framing except the embeddable counter, HSTS over HTTPS.
 */
export function buildSecurityHeaders(input: {
  nonce: string;
  pathname: string;
  isProduction: boolean;
  isHttps: boolean;
}): Record<string, string> {
  const isEmbeddable = EMBEDDABLE.some((pattern) => pattern.test(input.pathname));
  const isFrameableBySelf = !isEmbeddable && FRAMEABLE_BY_SELF.some((pattern) => pattern.test(input.pathname));
  const isStoredFile = STORED_FILES.some((pattern) => pattern.test(input.pathname));
  const pageCsp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${input.nonce}' 'strict-dynamic'${input.isProduction ? '' : " 'unsafe-eval'"}`,
    // Inline style attributes come from React and the chart library; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${isEmbeddable ? '*' : isFrameableBySelf ? "'self'" : "'none'"}`,
  ].join('; ');
  // A lawyer's inline preview is framed by the claimant file, and sandboxed like every other file
  // (the browser's PDF viewer and image view work inside a sandbox).
  const csp = isStoredFile ? `${STORED_FILE_CSP}; frame-ancestors ${isFrameableBySelf ? "'self'" : "'none'"}` : pageCsp;
  const headers: Record<string, string> = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (!isEmbeddable) headers['X-Frame-Options'] = isFrameableBySelf ? 'SAMEORIGIN' : 'DENY';
  if (input.isProduction && input.isHttps) headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains';
  return headers;
}

/**
 * HTTPS as the deployment declares it: behind a TLS-terminating reverse proxy the request reaching
 * us is plain HTTP, so APP_URL (the public address) decides as much as the request's own scheme.
 */
export function isServedOverHttps(requestProtocol: string, appUrl: string | undefined): boolean {
  return requestProtocol === 'https:' || (appUrl ?? '').startsWith('https://');
}
