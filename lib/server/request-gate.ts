import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { Readable } from 'node:stream';
import { type AppErrorCode, ERROR_STATUS } from '@/lib/errors';
import { SMALL_BODY_MAX_BYTES, bodyLimitFor } from '@/lib/http/body';
import { buildSecurityHeaders, isServedOverHttps } from '@/lib/http/security-headers';
import { localeFromRequest, getTranslator } from '@/lib/i18n/translator';

/**
 * What the production server (serve.ts) decides before a request reaches Next.js: things Next
 * would answer with a 500, or would buffer into memory before our proxy could look at them.
 */

/** Methods undici's Request refuses to construct: Next.js answers them with a 500. */
const UNSUPPORTED_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT']);
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
/** Uploads stream their body to the route, which caps it while hashing (lib/evidence/receive.ts). */
const STREAMED_UPLOADS = /^\/api\/evidence\/upload\//;
/**
 * After a 413 the rest of the body is read into nothing, so a client that is still sending can
 * finish and read the answer (a browser then shows our message, not a reset connection), but no
 * longer than this: past either limit the connection is cut (nginx's lingering close).
 */
const LINGER_MAX_BYTES = 16 * 1024 * 1024;
const LINGER_MAX_MS = 2_000;

const FORWARDED_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'x-real-ip'];

/**
 * With no trusted reverse proxy in front (TRUSTED_PROXY_HOPS=0) every X-Forwarded-* header was
 * written by the client: the address comes from the socket, and host, scheme and port headers are
 * dropped so nothing downstream can be led by them (links are built from APP_URL only anyway).
 */
export function dropForgeableHeaders(request: IncomingMessage, trustedHops: number): void {
  if (trustedHops > 0) return;
  request.headers['x-forwarded-for'] = request.socket.remoteAddress ?? '';
  for (const name of FORWARDED_HEADERS) delete request.headers[name];
}

function pathnameOf(request: IncomingMessage): string {
  try {
    return new URL(request.url ?? '/', 'http://internal').pathname;
  } catch {
    return '/';
  }
}

/** A JSON refusal with a translated message and the same security headers the proxy sets. */
export function refuse(request: IncomingMessage, response: ServerResponse, code: AppErrorCode, extra: Record<string, string> = {}): void {
  const pathname = pathnameOf(request);
  const asFetchRequest = new Request(`http://internal${pathname}`, {
    headers: { cookie: String(request.headers.cookie ?? ''), 'accept-language': String(request.headers['accept-language'] ?? '') },
  });
  const t = getTranslator(localeFromRequest(asFetchRequest)) as unknown as (key: string) => string;
  const body = JSON.stringify({ error: code, message: t(`errors.${code}`) });
  const headers = buildSecurityHeaders({
    nonce: randomBytes(16).toString('base64'),
    pathname,
    isProduction: true,
    isHttps: isServedOverHttps('http:', process.env.APP_URL),
  });
  response.writeHead(ERROR_STATUS[code], {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...extra,
  });
  response.end(body);
}

/** TRACE (and TRACK, CONNECT) is never served: 405 with the methods that are. */
export function refuseUnsupportedMethod(request: IncomingMessage, response: ServerResponse): boolean {
  if (!UNSUPPORTED_METHODS.has((request.method ?? '').toUpperCase())) return false;
  refuse(request, response, 'method_not_allowed', { Allow: ALLOWED_METHODS });
  return true;
}

/**
 * A request Node's parser cannot read (an unknown method such as TRACK, a broken request line,
 * headers past Node's limit) never reaches a handler; Node answers a bare 400 or 431. We answer
 * the same status with a message, in both languages since no header could be read.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const message = (['ko', 'en'] as const)
    .map((locale) => (getTranslator(locale) as unknown as (key: string) => string)('security.body.malformedRequest'))
    .join(' / ');
  const body = JSON.stringify({ error: 'invalid_input', message });
  const reason = ({ 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' } as const)[status];
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `X-Content-Type-Options: nosniff\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function refuseTooLarge(request: IncomingMessage, response: ServerResponse): void {
  refuse(request, response, 'payload_too_large');
  request.removeAllListeners('data');
  let discarded = 0;
  const cut = () => {
    clearTimeout(timer);
    request.destroy();
  };
  const timer = setTimeout(cut, LINGER_MAX_MS);
  timer.unref();
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.byteLength;
    if (discarded > LINGER_MAX_BYTES) cut();
  });
  request.once('end', () => clearTimeout(timer));
  request.once('error', cut);
  request.resume();
}

/**
 * Bodies are measured as they arrive, before Next.js sees them: Next copies every proxied body into
 * memory (up to 10 MB, twice) before proxy.ts can check it, so twenty chunked 30 MB posts once cost
 * ~390 MB. A declared length over the limit is refused unread; a post to a page (a server action,
 * never more than 1 MB) is read here up to that limit and refused the moment it passes it, then
 * handed on as a replayed stream. Calls `admit` when the request may go on.
 */
export function admitBody(request: IncomingMessage, response: ServerResponse, admit: () => void): void {
  const method = (request.method ?? 'GET').toUpperCase();
  const pathname = pathnameOf(request);
  if (method === 'GET' || method === 'HEAD' || STREAMED_UPLOADS.test(pathname)) return admit();
  const contentType = typeof request.headers['content-type'] === 'string' ? request.headers['content-type'] : null;
  const limit = bodyLimitFor(contentType, pathname);
  const declared = Number(request.headers['content-length'] ?? 0);
  if (Number.isFinite(declared) && declared > limit) return refuseTooLarge(request, response);
  const isPagePost = !pathname.startsWith('/api/');
  const hasBody = declared > 0 || request.headers['transfer-encoding'] !== undefined;
  if (!isPagePost || !hasBody) return admit();

  const chunks: Buffer[] = [];
  let received = 0;
  let refused = false;
  const onData = (chunk: Buffer) => {
    received += chunk.byteLength;
    if (received > SMALL_BODY_MAX_BYTES) {
      refused = true;
      chunks.length = 0;
      request.off('end', onEnd);
      refuseTooLarge(request, response);
      return;
    }
    chunks.push(chunk);
  };
  const onEnd = () => {
    if (refused) return;
    request.off('data', onData);
    // After the spent stream has destroyed itself (autoDestroy runs right after 'end'), or it would
    // destroy the replay put in its place.
    setImmediate(() => {
      replayBody(request, chunks);
      admit();
    });
  };
  request.on('data', onData);
  request.once('end', onEnd);
  request.once('error', () => request.destroy());
}

/**
 * Gives the request a body again after we read it: the stream methods of a fresh Readable over the
 * same bytes are put on the request object — the way Next.js itself replays a body it cloned for
 * the proxy (next/dist/server/body-streams.js, replaceRequestBody).
 */
function replayBody(request: IncomingMessage, chunks: Buffer[]): void {
  const replay = new Readable({ read() {} });
  for (const chunk of chunks) replay.push(chunk);
  replay.push(null);
  const target = request as unknown as Record<string, unknown>;
  for (const key in replay) {
    const value = (replay as unknown as Record<string, unknown>)[key];
    target[key] = typeof value === 'function' ? value.bind(request) : value;
  }
}
