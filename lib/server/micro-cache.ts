import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOCALE_COOKIE, isLocale } from '@/lib/i18n/config';
import { negotiateLocale } from '@/lib/i18n/negotiate';
import { resolveCampaignSource } from '@/lib/petition/source';

/**
 * A micro-cache in front of Next.js for the few public, anonymous, read-mostly responses that
 * partner sites embed and poll (the stats JSON, the badge) and that a surge lands on (the public
 * case page). Like nginx micro-caching: for its max-age a response is served from memory without
 * entering Next's router; after that, one request refreshes it while the others keep getting the
 * stale copy (stale-while-revalidate). Only listed paths are cached, never a response that sets a
 * cookie or is not a 200.
 */
const CACHEABLE = [/^\/api\/cases\/[a-z0-9][a-z0-9-]{1,62}\/stats$/, /^\/api\/cases\/[a-z0-9][a-z0-9-]{1,62}\/badge\.svg$/];
const VARYING_QUERY = ['lang'];
/**
 * Pages are rendered per request by Next (the session, the language, a per-response CSP nonce), so
 * they carry no max-age; an anonymous visitor's copy is kept this long. The counts on it are then
 * at most this old, and the page's event stream keeps them live after it loads.
 */
const CACHEABLE_PAGES = [/^\/cases\/[a-z0-9][a-z0-9-]{1,62}$/];
const PAGE_FRESH_MS = 2_000;
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?joinder\.session=/;
/** Client-side navigations and server actions fetch other payloads from the same URL. */
const ROUTER_HEADERS = ['rsc', 'next-action', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch'];
/** Above this the hashes would make the header too big for a proxy's header buffer (nginx: 4 KB). */
const MAX_PAGE_CSP_BYTES = 3_000;
const MAX_ENTRIES = 2_000;
const STALE_LIMIT_MS = 60_000;
const DROPPED_HEADERS = new Set(['set-cookie', 'connection', 'keep-alive', 'transfer-encoding', 'date']);

type Entry = { status: number; headers: Record<string, string>; body: Buffer; freshUntil: number; staleUntil: number };

export type MicroCache = {
  /** Serves from memory and returns true, or returns false and lets Next handle (and fills on the way). */
  handle: (request: IncomingMessage, response: ServerResponse) => boolean;
  size: () => number;
};

export function cacheKeyFor(rawUrl: string | undefined): string | null {
  if (!rawUrl) return null;
  const url = new URL(rawUrl, 'http://internal');
  if (!CACHEABLE.some((pattern) => pattern.test(url.pathname))) return null;
  const varying = VARYING_QUERY.map((name) => `${name}=${url.searchParams.get(name) ?? ''}`).join('&');
  return `${url.pathname}?${varying}`;
}

function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * The key of an anonymous visit to a cached page: everything the page renders differently by —
 * the path and query (Next embeds the URL in its payload), the language as lib/i18n/request.ts
 * picks it (cookie, else Accept-Language) and the campaign source as the petition card resolves
 * it (`?src=`, else the referring host). A session cookie, a language switch (it sets a cookie)
 * or a router request is never cached.
 */
export function pageCacheKeyFor(request: Pick<IncomingMessage, 'url' | 'headers'>): string | null {
  if (!request.url) return null;
  const url = new URL(request.url, 'http://internal');
  if (!CACHEABLE_PAGES.some((pattern) => pattern.test(url.pathname))) return null;
  if (url.searchParams.has('lang') || url.searchParams.has('_rsc')) return null;
  const headers = request.headers;
  if (ROUTER_HEADERS.some((name) => headers[name] !== undefined)) return null;
  if (SESSION_COOKIE.test(headers.cookie ?? '')) return null;
  const chosen = cookieValue(headers.cookie, LOCALE_COOKIE);
  const locale = isLocale(chosen) ? chosen : negotiateLocale(headers['accept-language']);
  const referer = typeof headers.referer === 'string' ? headers.referer : null;
  const source = resolveCampaignSource({ src: url.searchParams.get('src'), referer, ownHost: headers.host ?? null }) ?? '';
  return `page:${url.pathname}${url.search}|${locale}|${source}|${acceptsGzip(request)}`;
}

/** Next compresses for a client that accepts gzip; a copy is only handed to a client like the one it was made for. */
function acceptsGzip(request: Pick<IncomingMessage, 'headers'>): 'gzip' | 'identity' {
  return /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')) ? 'gzip' : 'identity';
}

function decodedText(body: Buffer, contentEncoding: string | undefined): string | null {
  if (!contentEncoding || contentEncoding === 'identity') return body.toString('utf8');
  if (contentEncoding !== 'gzip') return null;
  try {
    return gunzipSync(body).toString('utf8');
  } catch {
    return null;
  }
}

/**
 * The CSP for a cached copy of a page. Next renders with a per-response nonce, and one nonce must
 * not be handed to many responses; the copy instead allows exactly its own inline scripts by their
 * SHA-256, and Next's script files by 'self' ('strict-dynamic' would ignore 'self', and files
 * carry no hash). Null when the policy is not the nonce policy we set, or would grow too big.
 */
export function hashPinnedPolicy(policy: string, html: string): string | null {
  const nonceSources = /'nonce-[^']+'\s+'strict-dynamic'/;
  if (!nonceSources.test(policy)) return null;
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (match[1]) hashes.add(`'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
  }
  const pinned = policy.replace(nonceSources, [...hashes].join(' ') || "'none'");
  return Buffer.byteLength(pinned) <= MAX_PAGE_CSP_BYTES ? pinned : null;
}

function maxAgeSeconds(cacheControl: string | undefined): number {
  const match = /(?:^|,)\s*max-age=(\d+)/.exec(cacheControl ?? '');
  return match && !/private|no-store/.test(cacheControl ?? '') ? Number(match[1]) : 0;
}

export function createMicroCache(now: () => number = Date.now): MicroCache {
  const entries = new Map<string, Entry>();
  const refreshing = new Set<string>();

  const serve = (entry: Entry, request: IncomingMessage, response: ServerResponse) => {
    const etag = entry.headers.etag;
    if (etag && request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag, 'cache-control': entry.headers['cache-control'] ?? '' });
      response.end();
      return;
    }
    response.writeHead(entry.status, { ...entry.headers, 'content-length': String(entry.body.length), 'x-joinder-cache': 'hit' });
    response.end(request.method === 'HEAD' ? undefined : entry.body);
  };

  /** Copies what Next writes so the next requests can be answered from memory. */
  const capture = (key: string, response: ServerResponse, isPage: boolean) => {
    const chunks: Buffer[] = [];
    // Headers given to writeHead are not visible to getHeaders(); move them onto the response first.
    const writeHead = response.writeHead.bind(response);
    response.writeHead = ((status: number, ...rest: unknown[]) => {
      const headers = rest.find((item) => item && typeof item === 'object') as Record<string, string | string[]> | undefined;
      if (headers && !Array.isArray(headers)) for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      const reason = rest.find((item) => typeof item === 'string') as string | undefined;
      return reason ? writeHead(status, reason) : writeHead(status);
    }) as ServerResponse['writeHead'];
    const write = response.write.bind(response);
    const end = response.end.bind(response);
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as ServerResponse['write'];
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== 'function') chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
      refreshing.delete(key);
      const headers = response.getHeaders();
      const freshMs = isPage ? PAGE_FRESH_MS : maxAgeSeconds(headers['cache-control'] as string | undefined) * 1000;
      if (response.statusCode === 200 && freshMs > 0 && !headers['set-cookie']) {
        const stored: Record<string, string> = {};
        for (const [name, value] of Object.entries(headers))
          if (!DROPPED_HEADERS.has(name) && value !== undefined) stored[name] = Array.isArray(value) ? value.join(', ') : String(value);
        const body = Buffer.concat(chunks);
        const html = isPage ? decodedText(body, stored['content-encoding']) : null;
        const policy = html === null ? null : hashPinnedPolicy(stored['content-security-policy'] ?? '', html);
        if (!isPage || policy) {
          if (policy) stored['content-security-policy'] = policy;
          if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
          entries.set(key, { status: 200, headers: stored, body, freshUntil: now() + freshMs, staleUntil: now() + STALE_LIMIT_MS });
        }
      }
      return (end as (...args: unknown[]) => ServerResponse)(chunk, ...rest);
    }) as ServerResponse['end'];
  };

  return {
    size: () => entries.size,
    handle(request, response) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const pageKey = pageCacheKeyFor(request);
      const counterKey = cacheKeyFor(request.url);
      const key = pageKey ?? (counterKey && `${counterKey}|${acceptsGzip(request)}`);
      if (!key) return false;
      const entry = entries.get(key);
      const time = now();
      if (entry && time < entry.freshUntil) {
        serve(entry, request, response);
        return true;
      }
      if (entry && time < entry.staleUntil && refreshing.has(key)) {
        serve(entry, request, response);
        return true;
      }
      refreshing.add(key);
      capture(key, response, pageKey !== null);
      response.on('close', () => refreshing.delete(key));
      return false;
    },
  };
}
