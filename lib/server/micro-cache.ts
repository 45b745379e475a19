import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A micro-cache in front of Next.js for the few public, anonymous, read-mostly responses that
 * partner sites embed and poll (the stats JSON, the badge). Like nginx micro-caching: for its
 * max-age a response is served from memory without entering Next's router; after that, one
 * request refreshes it while the others keep getting the stale copy (stale-while-revalidate).
 * Only listed paths are cached, never a response that sets a cookie or is not a 200.
 */
const CACHEABLE = [/^\/api\/cases\/[a-z0-9][a-z0-9-]{1,62}\/stats$/, /^\/api\/cases\/[a-z0-9][a-z0-9-]{1,62}\/badge\.svg$/];
const VARYING_QUERY = ['lang'];
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
  const capture = (key: string, response: ServerResponse) => {
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
      const ttl = maxAgeSeconds(headers['cache-control'] as string | undefined);
      if (response.statusCode === 200 && ttl > 0 && !headers['set-cookie']) {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
        const stored: Record<string, string> = {};
        for (const [name, value] of Object.entries(headers))
          if (!DROPPED_HEADERS.has(name) && value !== undefined) stored[name] = Array.isArray(value) ? value.join(', ') : String(value);
        entries.set(key, {
          status: 200,
          headers: stored,
          body: Buffer.concat(chunks),
          freshUntil: now() + ttl * 1000,
          staleUntil: now() + STALE_LIMIT_MS,
        });
      }
      return (end as (...args: unknown[]) => ServerResponse)(chunk, ...rest);
    }) as ServerResponse['end'];
  };

  return {
    size: () => entries.size,
    handle(request, response) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const key = cacheKeyFor(request.url);
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
      capture(key, response);
      response.on('close', () => refreshing.delete(key));
      return false;
    },
  };
}
